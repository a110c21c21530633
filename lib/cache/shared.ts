import "server-only";
import type { Statement } from "better-sqlite3";
import { db as defaultDb, type DB } from "@/db";

/**
 * The cache of what is the same for every reader: the programme of an event, its lärpass, speakers and
 * organisations. Kept in this server process and checked against the counters of `content_version` on each
 * read (one indexed row: a few microseconds), which triggers in the database raise on every write to those
 * tables (migration 0009). So an organiser's change shows on the next request, from whichever process or
 * script wrote it, and no code path can forget to invalidate.
 *
 * Why not Next's `'use cache'`: it needs `cacheComponents`, which prerenders pages and cannot carry the
 * per-request CSP nonce every page has (#9); and its invalidation (`updateTag`) only reaches the process that
 * called it, not `npm run db:import` or a second server on the same file.
 */
export type Counters = { version: number; seats: number };

const statements = new WeakMap<DB, Statement<[], Counters | undefined>>();

/** The content and seat counters now. */
export function counters(database: DB = defaultDb): Counters {
  let stmt = statements.get(database);
  if (!stmt) {
    stmt = database.$client.prepare("select version, seats from content_version where id = 1") as Statement<[], Counters | undefined>;
    statements.set(database, stmt);
  }
  return stmt.get() ?? { version: -1, seats: -1 };
}

type Entry = { stamp: string; value: unknown };
/** At most this many entries per database (events × kinds of data); the oldest read goes first. */
const MAX_ENTRIES = 500;
const caches = new WeakMap<DB, Map<string, Entry>>();

function cacheOf(database: DB): Map<string, Entry> {
  let cache = caches.get(database);
  if (!cache) {
    cache = new Map();
    caches.set(database, cache);
  }
  return cache;
}

function keep<T>(database: DB, key: string, stamp: string, load: () => T): T {
  const cache = cacheOf(database);
  const hit = cache.get(key);
  if (hit && hit.stamp === stamp) {
    // Map order is insertion order: move the entry to the end, so eviction takes the least recently read.
    cache.delete(key);
    cache.set(key, hit);
    return hit.value as T;
  }
  // The counter is read before loading: a write during the load leaves an older stamp, so the next read
  // loads again rather than keeping data the counter says is newer than it is.
  const value = load();
  cache.set(key, { stamp, value });
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  return value;
}

/**
 * Shared data under `key`, loaded again only after a write to the programme's tables. The value is shared
 * between requests: never change it, and never put anything personal in it.
 */
export function sharedData<T>(key: string, load: () => T, database: DB = defaultDb): T {
  return keep(database, `c:${key}`, String(counters(database).version), load);
}

/**
 * Data that changes with registrations and the programme (seat counts), loaded again only after either
 * changed. Exact: a registration written a moment ago is counted.
 */
export function seatData<T>(key: string, load: () => T, database: DB = defaultDb): T {
  const c = counters(database);
  return keep(database, `s:${key}`, `${c.version}:${c.seats}`, load);
}
