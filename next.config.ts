import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // better-sqlite3 is a native module: load it from node_modules at run time, never bundle it.
  serverExternalPackages: ["better-sqlite3"],
  poweredByHeader: false,
  // A separate build folder lets a test run keep its build while another build happens beside it.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  typedRoutes: false,
  // forbidden() / unauthorized() give real 403/401 responses for the organiser and speaker pages.
  experimental: { authInterrupts: true },
};

export default nextConfig;
