// Security headers, set once: the static ones for every response in next.config.ts, the Content-Security-
// Policy (with a fresh nonce per request) and HSTS by proxy.ts for every page.
//
// Why a nonce: the app router inlines its RSC payload as <script> tags, so a policy without 'unsafe-inline'
// needs a nonce. Next reads the nonce from the request's Content-Security-Policy header and puts it on its
// own scripts. The pages render per request already (they read the session), so the nonce costs nothing.
// Styles keep 'unsafe-inline': a few elements use style attributes, which a nonce cannot allow.

/** For next.config.ts headers(): every response, static files included. */
export const staticSecurityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  // Nothing here uses these; a compromised or embedded script gets none of them either.
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()" },
  // For browsers that predate CSP's frame-ancestors.
  { key: "X-Frame-Options", value: "DENY" },
];

/** Whether the public address is https: then HSTS, upgrade-insecure-requests and __Secure- cookies. */
export function servedOverHttps(env: Record<string, string | undefined> = process.env): boolean {
  return /^https:\/\//i.test(env.AUTH_URL ?? "");
}

export function createNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

export function contentSecurityPolicy({ nonce, https, dev }: { nonce: string; https: boolean; dev: boolean }): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic': scripts the nonced framework scripts load are trusted too; 'self' is ignored then.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    // Images only from this site (lib/markdown turns other images into links).
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "manifest-src 'self'",
    // The service worker (/sw.js). Without it workers fall back to script-src, where 'strict-dynamic'
    // ignores 'self' and a nonce cannot be given to navigator.serviceWorker.register().
    "worker-src 'self'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** HSTS for a site served over https: two years (the usual preload-list value), subdomains left alone. */
export const strictTransportSecurity = "max-age=63072000";
