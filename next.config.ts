import type { NextConfig } from "next";
import { staticSecurityHeaders } from "./lib/security-headers";

const nextConfig: NextConfig = {
  // better-sqlite3 is a native module: load it from node_modules at run time, never bundle it.
  // @touch4it/ical-timezones reads its VTIMEZONE files relative to __dirname: bundled, it finds none and
  // the calendar files lose their VTIMEZONE (TZID=Europe/Stockholm with no definition).
  serverExternalPackages: ["better-sqlite3", "@touch4it/ical-timezones"],
  poweredByHeader: false,
  // A separate build folder lets a test run keep its build while another build happens beside it.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  typedRoutes: false,
  // forbidden() / unauthorized() give real 403/401 responses for the organiser and speaker pages.
  experimental: {
    authInterrupts: true,
    // Above the app's own limits (the import's 1 MB, lib/import/source.ts; a documentation attachment's
    // 10 MB, lib/documentation/attachments.ts), so that a larger file gets the app's Swedish answer ("Filen
    // är för stor …") instead of Next's error for an over-long request. proxy.ts buffers bodies up to the
    // same size.
    serverActions: { bodySizeLimit: "11mb" },
    proxyClientMaxBodySize: "11mb",
  },
  // The headers that are the same for every response, static files included; the Content-Security-Policy
  // (with its per-request nonce) and HSTS are set by proxy.ts.
  async headers() {
    return [{ source: "/:path*", headers: staticSecurityHeaders }];
  },
};

export default nextConfig;
