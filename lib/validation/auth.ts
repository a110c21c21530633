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

export type FormState<Fields extends string> = {
  errors?: Partial<Record<Fields | "form", string>>;
  values?: Partial<Record<Fields, string>>;
  message?: string;
};

/** Only local paths: never an open redirect to another site. */
export function safeReturnPath(path: unknown, fallback = "/mitt-program"): string {
  if (typeof path !== "string") return fallback;
  if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\") || path.length > 500) return fallback;
  try {
    const url = new URL(path, "http://x");
    return url.host === "x" ? `${url.pathname}${url.search}${url.hash}` : fallback;
  } catch {
    return fallback;
  }
}
