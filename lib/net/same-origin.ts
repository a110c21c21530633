/**
 * The comparison Next makes before it runs a server action: the Origin's host against X-Forwarded-Host (its
 * first value) or Host. A request without Origin is not from a browser page and is left to Next, which
 * makes the same check. proxy.ts refuses a cross-site POST with it; lib/net/signup-direct.ts answers only
 * same-site posts.
 */
export function crossOrigin(header: (name: string) => string | null | undefined): boolean {
  const origin = header("origin");
  if (!origin) return false;
  let originHost: string;
  try {
    originHost = origin === "null" ? "null" : new URL(origin).host;
  } catch {
    return true;
  }
  const host = header("x-forwarded-host")?.split(",")[0]?.trim() || header("host");
  return originHost !== host;
}
