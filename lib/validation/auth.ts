import { z } from "zod";

export const signInSchema = z.object({
  email: z
    .string({ error: "Skriv din e-postadress." })
    .trim()
    .min(1, "Skriv din e-postadress.")
    .max(254, "E-postadressen är för lång.")
    .pipe(z.email("Skriv en giltig e-postadress, till exempel namn@region.se."))
    .transform((e) => e.toLowerCase()),
  next: z.string().optional(),
});

/** A path on this site: one "/" followed by anything but another "/" or "\\" (which browsers read as a host). */
const localPath = /^\/(?![/\\])/;

/**
 * Only local paths: never an open redirect to another site. The path is checked both as given and after
 * the URL parser has normalised it ("/.//x", "/%2e//x", "/a/..//x" and "/./\\x" all become "//x").
 */
export function safeReturnPath(path: unknown, fallback = "/mitt-program"): string {
  if (typeof path !== "string" || path.length > 500 || !localPath.test(path)) return fallback;
  // Tabs and newlines are dropped by the URL parser, so "/\t/x" would become "//x" as well.
  if (/[\u0000-\u001f\u007f]/.test(path)) return fallback;
  try {
    const url = new URL(path, "http://x");
    if (url.origin !== "http://x") return fallback;
    const normalised = `${url.pathname}${url.search}${url.hash}`;
    return localPath.test(normalised) ? normalised : fallback;
  } catch {
    return fallback;
  }
}
