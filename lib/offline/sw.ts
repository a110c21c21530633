// The service worker, built by `serwist build` (serwist.config.mjs) into public/sw.js after `next build`.
// Type-checked on its own with the worker's types (tsconfig.sw.json); the rules it uses are plain modules
// with unit tests (pages.ts, notice.ts, viewer.ts).
//
// What it does:
// - precaches the build's static files (scripts, styles, icons), so a saved page looks and works as online;
// - keeps Mitt program, the programme and the event and lärpass pages a member opened (GET only), in a
//   cache per signed-in session, and serves them with a notice when the network is gone or too slow;
// - answers any other page, and any form sent without a connection, with its own Swedish page;
// - forgets the pages on sign-out, and whenever a page comes back for a different session.
import { type PrecacheEntry, Serwist, type SerwistGlobalConfig } from "serwist";
import { offlineNotice, offlinePage, offlinePagePolicy, type OfflinePageKind, withOfflineNotice } from "./notice";
import { fetchedAtHeader, isOfflinePage, maxPages, metaCacheName, type OfflineMessage, pageCacheName, pageCachePrefix, pageKey, viewerHeader } from "./pages";
import { anonymousViewer } from "./viewer";

declare global {
  interface WorkerGlobalScope extends SerwistGlobalConfig {
    __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  }
}
declare const self: ServiceWorkerGlobalScope;

const origin = self.location.origin;
/** A slower answer than this counts as no answer when a saved copy exists (a basement with one bar). */
const networkTimeoutMs = 6_000;
const viewerKeyUrl = "/__larpass/besokare";

let currentViewer: string | null = null;
/** Bumped on sign-out: a page fetched before it is not saved after it. */
let generation = 0;

async function storedViewer(): Promise<string | null> {
  if (currentViewer !== null) return currentViewer;
  const saved = await (await caches.open(metaCacheName)).match(viewerKeyUrl);
  currentViewer = saved ? await saved.text() : null;
  return currentViewer;
}

/** Makes `viewer` the one whose pages are kept, and drops every other session's pages. */
async function switchViewer(viewer: string): Promise<void> {
  if ((await storedViewer()) !== viewer) {
    currentViewer = viewer;
    await (await caches.open(metaCacheName)).put(viewerKeyUrl, new Response(viewer));
  }
  for (const name of await caches.keys()) {
    if (name.startsWith(pageCachePrefix) && name !== pageCacheName(viewer)) await caches.delete(name);
  }
}

/**
 * Every page tells whose it is (proxy.ts); a different session than before means the old pages go. A page
 * requested before a sign-out says nothing (it was rendered for the session that just ended).
 */
async function notice(response: Response, startedIn: number): Promise<string | null> {
  const viewer = response.headers.get(viewerHeader);
  if (!viewer || startedIn !== generation) return null;
  await switchViewer(viewer);
  return viewer;
}

async function savePage(url: URL, response: Response, startedIn: number): Promise<void> {
  const viewer = await notice(response, startedIn);
  const html = (response.headers.get("content-type") ?? "").startsWith("text/html");
  // Only a page rendered for this request: not a redirect (to sign-in), an error or another session's.
  if (!viewer || !html || response.status !== 200 || response.redirected || response.type !== "basic") return;
  const body = await response.arrayBuffer();
  if (startedIn !== generation || (await storedViewer()) !== viewer) return;
  const headers = new Headers(response.headers);
  // The body is stored decoded: the network's encoding and length no longer describe it.
  headers.delete("content-encoding");
  headers.delete("content-length");
  headers.set(fetchedAtHeader, String(Date.now()));
  const cache = await caches.open(pageCacheName(viewer));
  await cache.put(pageKey(url), new Response(body, { status: 200, headers }));
  const keys = await cache.keys();
  for (const old of keys.slice(0, Math.max(0, keys.length - maxPages))) await cache.delete(old);
}

/** The saved copy of a page for the current session, with the notice written into it. */
async function savedPage(url: URL): Promise<Response | null> {
  const viewer = await storedViewer();
  if (!viewer) return null;
  const saved = await (await caches.open(pageCacheName(viewer))).match(pageKey(url), { ignoreVary: true });
  if (!saved) return null;
  const fetchedAt = new Date(Number(saved.headers.get(fetchedAtHeader)));
  const headers = new Headers(saved.headers);
  headers.delete("content-length");
  headers.delete(fetchedAtHeader);
  return new Response(withOfflineNotice(await saved.text(), offlineNotice(fetchedAt)), { status: 200, headers });
}

function offlineResponse(kind: OfflinePageKind): Response {
  return new Response(offlinePage(kind), {
    status: 503,
    headers: { "content-type": "text/html; charset=utf-8", "content-security-policy": offlinePagePolicy, "cache-control": "no-store" },
  });
}

async function forgetPages(): Promise<void> {
  generation += 1;
  await switchViewer(anonymousViewer);
  for (const name of await caches.keys()) if (name.startsWith(pageCachePrefix)) await caches.delete(name);
}

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  precacheOptions: { cleanupOutdatedCaches: true, concurrency: 4 },
  skipWaiting: true,
  clientsClaim: true,
  navigationPreload: false,
  disableDevLogs: true,
  runtimeCaching: [
    {
      // A page to keep: network first; the saved copy when the network fails or is too slow.
      matcher: ({ request, url }) => request.mode === "navigate" && isOfflinePage(url, origin, request.method),
      handler: async ({ request, url, event }) => {
        const startedIn = generation;
        const network = fetch(request).then((response) => {
          (event as FetchEvent).waitUntil(savePage(url, response.clone(), startedIn).catch(() => undefined));
          return response;
        });
        (event as FetchEvent).waitUntil(network.catch(() => undefined));
        const timeout = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), networkTimeoutMs));
        try {
          const first = await Promise.race([network, timeout]);
          if (first !== "timeout") return first;
          return (await savedPage(url)) ?? (await network);
        } catch {
          return (await savedPage(url)) ?? offlineResponse("sida");
        }
      },
    },
    {
      // Every other page: never kept, but it tells whose session this is.
      matcher: ({ request, sameOrigin }) => sameOrigin && request.mode === "navigate",
      handler: async ({ request, event }) => {
        const startedIn = generation;
        try {
          const response = await fetch(request);
          (event as FetchEvent).waitUntil(notice(response, startedIn).catch(() => null));
          return response;
        } catch {
          return offlineResponse("sida");
        }
      },
    },
    {
      // A form sent without JavaScript (Välj, Lämna, …): it needs the network, and says so without it.
      matcher: ({ request, sameOrigin }) => sameOrigin && request.mode === "navigate",
      method: "POST",
      handler: async ({ request }) => {
        try {
          return await fetch(request);
        } catch {
          return offlineResponse("andring");
        }
      },
    },
  ],
});

self.addEventListener("message", (event) => {
  const data = event.data as OfflineMessage | undefined;
  if (data?.type === "larpass:logga-ut") {
    event.waitUntil(forgetPages());
  } else if (data?.type === "larpass:spara-sida" && typeof data.url === "string") {
    // A page reached by a client-side navigation: the worker saw no document request for it, so it fetches
    // the page itself (with the member's cookies, like the browser would) to have it offline.
    const url = new URL(data.url, origin);
    if (!isOfflinePage(url, origin)) return;
    const startedIn = generation;
    event.waitUntil(
      fetch(url, { credentials: "same-origin", redirect: "manual", headers: { accept: "text/html" } })
        .then((response) => savePage(url, response, startedIn))
        .catch(() => undefined),
    );
  }
});

serwist.addEventListeners();
