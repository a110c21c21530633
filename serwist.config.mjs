// @ts-check
// Builds the service worker (lib/offline/sw.ts) into public/sw.js: `npm run build` runs `next build`
// and then `serwist build serwist.config.mjs` (Serwist's "configurator mode", which works with Turbopack
// because it runs after the Next build instead of inside webpack). It reads next.config.ts, so
// NEXT_DIST_DIR picks the same build folder whose static files it precaches.
import { serwist } from "@serwist/next/config";

export default serwist({
  swSrc: "lib/offline/sw.ts",
  swDest: "public/sw.js",
  // The pages are rendered per request (they are personal and carry a CSP nonce): nothing to precache
  // from the prerender output. The worker keeps the pages a member opens instead.
  precachePrerendered: false,
  // A classic worker script: registered without { type: "module" }, so older Safari can run it too.
  esbuildOptions: { format: "iife" },
});
