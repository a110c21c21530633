// A microcache for the public pages as an anonymous visitor gets them (#11): the rendered HTML of /program,
// an event's programme, a lärpass, a speaker or an organisation is kept for a second and served to the next
// anonymous visitors straight from the HTTP server, without rendering. It is what a caching reverse proxy
// (nginx's proxy_cache with a 1 s validity, Varnish) does in front of a site, inside the one `next start`
// process, so a new user needs nothing beside the app.
//
// Why not Next's own ISR or Cache Components: every page carries a CSP with a fresh per-request nonce (#9),
// and Next can only nonce a page it renders for that request. A snapshot is served with a hash-based CSP
// instead: the SHA-256 of each of its inline scripts, computed here from the HTML itself, so the policy
// still allows exactly the scripts the server wrote and nothing else (no 'unsafe-inline').
//
// What it never does:
// - serve or keep anything for a request with a session cookie (members, speakers, organisers are always
//   rendered for themselves), or a response that sets a cookie or is not a 200 HTML page;
// - serve a snapshot taken before an organiser's change: each hit checks the content counter that database
//   triggers raise (lib/cache/shared.ts), so a change shows on the next request;
// - serve seat counts more than MAX_AGE_MS + one render old (2 s at most, usually 1 s).
import crypto from "node:crypto";
import http from "node:http";
import zlib from "node:zlib";

/** A snapshot is fresh this long; while a new one renders, the old one may be served up to STALE_MS. */
export const FRESH_MS = 1_000;
export const STALE_MS = 2_000;
const MAX_ENTRIES = 200;
/** The response header that says whether a page came from the snapshot (for tests, the bench and curious admins). */
export const SNAPSHOT_HEADER = "x-larpass-snapshot";

const SESSION_COOKIES = /(?:^|;\s*)(?:__Secure-)?authjs\.session-token=/;
/** The public pages that look the same to every anonymous visitor. */
const CACHEABLE =
  /^\/(?:program|talare|organisationer|evenemang\/[^/?#]+(?:\/larpass\/[^/?#]+)?|talare\/[^/?#]+|organisationer\/[^/?#]+)\/?(?:\?[^#]*)?$/;

type Req = Pick<http.IncomingMessage, "method" | "url" | "headers">;

/** Whether this request may be answered from, or fill, the snapshot cache. */
export function snapshotKey(req: Req): string | null {
  if (req.method !== "GET" || !req.url || !CACHEABLE.test(req.url)) return null;
  const h = req.headers;
  if (h.cookie && SESSION_COOKIES.test(h.cookie)) return null;
  // Client-side navigations and prefetches ask for the RSC payload, not the page.
  if (h.rsc || h["next-router-prefetch"] || h["next-router-state-tree"] || h["next-action"]) return null;
  if (!String(h.accept ?? "").includes("text/html")) return null;
  // The host headers are part of the key: a page rendered for a forged Host is only ever served for it.
  return [h.host ?? "", h["x-forwarded-host"] ?? "", h["x-forwarded-proto"] ?? "", req.url].join(" ");
}

/** The SHA-256 sources of the inline scripts of a page, for its script-src. */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (/\bsrc\s*=/i.test(m[1]) || m[2].length === 0) continue;
    hashes.add(`'sha256-${crypto.createHash("sha256").update(m[2], "utf8").digest("base64")}'`);
  }
  return [...hashes];
}

/** The page's own CSP with its nonce source replaced by the hashes of the page's inline scripts. */
export function hashPolicy(noncePolicy: string, hashes: string[]): string {
  return noncePolicy.replace(/script-src [^;]*/, (directive) => {
    const rest = directive
      .split(" ")
      .slice(1)
      .filter((s) => !/^'nonce-/.test(s) && s !== "'strict-dynamic'");
    return ["script-src", ...rest, ...hashes].join(" ");
  });
}

export type Snapshot = {
  html: Buffer;
  gzip: Buffer;
  headers: Record<string, string>;
  takenAt: number;
  version: number;
};

/** The snapshots of one server process, least recently used first. */
export class SnapshotCache {
  private entries = new Map<string, Snapshot>();
  private rendering = new Set<string>();

  constructor(
    private readonly version: () => number,
    private readonly now: () => number = Date.now,
  ) {}

  /** A snapshot that may be served now, or null: then the caller renders (and `take`s the result). */
  lookup(key: string): Snapshot | null {
    const s = this.entries.get(key);
    if (!s) return null;
    if (s.version !== this.version()) {
      this.entries.delete(key);
      return null;
    }
    const age = this.now() - s.takenAt;
    // Fresh; or a little older while another request is rendering its successor.
    if (age < FRESH_MS || (age < STALE_MS && this.rendering.has(key))) {
      this.entries.delete(key);
      this.entries.set(key, s);
      return s;
    }
    return null;
  }

  /** This request renders the page; until it is taken, the previous snapshot may be served (STALE_MS). */
  startRendering(key: string): number {
    this.rendering.add(key);
    return this.version();
  }

  finishRendering(key: string, result: { html: Buffer; headers: Record<string, string>; version: number } | null): void {
    this.rendering.delete(key);
    if (!result) return;
    this.entries.delete(key);
    this.entries.set(key, { ...result, gzip: zlib.gzipSync(result.html, { level: 6 }), takenAt: this.now() });
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
  }

  get size(): number {
    return this.entries.size;
  }
}

/** Response headers not carried over from the rendered page to a snapshot. */
const PER_RESPONSE = new Set(["set-cookie", "content-length", "content-encoding", "transfer-encoding", "date", "connection", "keep-alive", "content-security-policy", SNAPSHOT_HEADER]);

function headerRecord(res: http.ServerResponse): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(res.getHeaders())) {
    if (value == null || PER_RESPONSE.has(name.toLowerCase())) continue;
    out[name] = Array.isArray(value) ? value.join(", ") : String(value);
  }
  return out;
}

/** Answers the request from a snapshot: gzip when the browser takes it. */
export function serveSnapshot(req: Req, res: http.ServerResponse, s: Snapshot): void {
  const gzip = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
  const body = gzip ? s.gzip : s.html;
  res.writeHead(200, {
    ...s.headers,
    ...(gzip ? { "content-encoding": "gzip" } : {}),
    vary: "Cookie, Accept-Encoding",
    "content-length": String(body.length),
    [SNAPSHOT_HEADER]: "hit",
  });
  res.end(body);
}

/**
 * Lets the request through to Next and keeps what it answers, if it is a page every anonymous visitor may
 * get. The page is asked for uncompressed (one request a second per page), so the HTML can be read.
 */
export function captureSnapshot(cache: SnapshotCache, key: string, req: Req, res: http.ServerResponse): void {
  const version = cache.startRendering(key);
  delete req.headers["accept-encoding"];
  const chunks: Buffer[] = [];
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => http.ServerResponse;
  const keepChunk = (chunk: unknown, encoding?: unknown) => {
    if (typeof chunk === "string") chunks.push(Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8"));
    else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
  };
  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    keepChunk(chunk, rest[0]);
    return write(chunk, ...rest);
  }) as typeof res.write;
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    keepChunk(chunk, rest[0]);
    return end(chunk, ...rest);
  }) as typeof res.end;
  res.setHeader(SNAPSHOT_HEADER, "miss");
  let done = false;
  const finish = (ok: boolean) => {
    if (done) return;
    done = true;
    const type = String(res.getHeader("content-type") ?? "");
    const csp = String(res.getHeader("content-security-policy") ?? "");
    const keepable =
      ok && res.statusCode === 200 && type.startsWith("text/html") && !res.getHeader("set-cookie") && !res.getHeader("content-encoding") && csp.includes("script-src");
    if (!keepable) return cache.finishRendering(key, null);
    const html = Buffer.concat(chunks);
    const headers = headerRecord(res);
    headers["content-security-policy"] = hashPolicy(csp, inlineScriptHashes(html.toString("utf8")));
    cache.finishRendering(key, { html, headers, version });
  };
  res.on("finish", () => finish(true));
  res.on("close", () => finish(false));
}

const installed = Symbol.for("larpass.pageSnapshots");

/**
 * Makes this process's HTTP server answer anonymous page requests from snapshots (see above). Installed by
 * instrumentation.ts in production; `PAGE_SNAPSHOTS=0` turns it off. `version` reads the content counter.
 */
export function installPageSnapshots(version: () => number): SnapshotCache | null {
  const proto = http.Server.prototype as unknown as Record<symbol, SnapshotCache> & { emit: (...args: unknown[]) => boolean };
  if (proto[installed]) return proto[installed];
  const cache = new SnapshotCache(version);
  const emit = proto.emit;
  proto.emit = function (this: unknown, event: unknown, ...args: unknown[]) {
    if (event === "request") {
      const [req, res] = args as [http.IncomingMessage, http.ServerResponse];
      const key = snapshotKey(req);
      if (key) {
        const hit = cache.lookup(key);
        if (hit) {
          serveSnapshot(req, res, hit);
          return true;
        }
        captureSnapshot(cache, key, req, res);
      }
    }
    return emit.call(this, event, ...args);
  };
  proto[installed] = cache;
  return cache;
}
