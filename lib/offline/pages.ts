// Which requests the service worker (lib/offline/sw.ts) keeps for reading offline, and how its caches are named.
// No DOM or worker types here: the same rules run in the worker and in the unit tests.

/**
 * The pages a member reads on the day: the current programme, Mitt program, an event's programme and its
 * lärpass. Never the organisers' or speakers' pages, the account, sign-in, the API or the outbox.
 */
const readablePages = [
  /^\/program\/?$/,
  /^\/mitt-program\/?$/,
  /^\/evenemang\/[^/]+\/?$/,
  /^\/evenemang\/[^/]+\/larpass\/[^/]+\/?$/,
];

/** True for a same-origin GET of one of the pages above; query strings (filters, event choice) are kept. */
export function isOfflinePage(url: URL, origin: string, method = "GET"): boolean {
  if (method !== "GET" || url.origin !== origin) return false;
  // Decoded once, so that /%6Ditt-program and /program/../konto cannot slip past (or into) the list.
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return false;
  }
  if (path.includes("..") || path.includes("//")) return false;
  return readablePages.some((page) => page.test(path));
}

/** The cache key for a page: path and query, without the fragment. */
export function pageKey(url: URL): string {
  return url.pathname + url.search;
}

/**
 * Pages are personal (Mitt program, and the programme shows the member's own choices), so each signed-in
 * session has its own cache, named by the viewer key proxy.ts sends with every page (lib/offline/viewer.ts).
 */
export const pageCachePrefix = "larpass-sidor-";
export const pageCacheName = (viewer: string) => pageCachePrefix + viewer;
/** Where the worker remembers whose pages it last saw (it may be stopped and started between fetches). */
export const metaCacheName = "larpass-meta";
export const viewerHeader = "x-larpass-besokare";
/** Set by the worker on its own copy of a page: when it was fetched, in epoch milliseconds. */
export const fetchedAtHeader = "x-larpass-hamtad";
/** At most this many pages per viewer; the oldest go first. */
export const maxPages = 60;

/** Messages the page sends to the worker (components/offline-support.tsx). */
export type OfflineMessage = { type: "larpass:spara-sida"; url: string } | { type: "larpass:logga-ut" };
