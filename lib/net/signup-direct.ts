// The direct answer to a hydrated card's Välj / Byt / Ställ mig i kö / Lämna (#11).
//
// With JavaScript, a card posts its server action (chooseAction / leaveAction in app/program/actions.ts) the
// way React does: POST to the page, header Next-Action, body React's encodeReply of the form. Next's path for
// that request (proxy, routing, Auth.js's session read, decoding, rendering the result, compressing it)
// costs about five times the sign-up itself, and at the moment sign-up opens that is what four hundred members
// wait for. So the HTTP server answers that one request itself, before Next: it reads the session, checks
// the same policy rule, runs the same sign-up step (lib/signup-answer.ts) and answers with the same bytes
// Next would (React's flight rows of the SignupResult). The card cannot tell the difference.
//
// It answers only what it can answer exactly as the action would, and hands everything else to Next:
// - only a same-site POST (lib/net/same-origin.ts) with one of the two action ids, a multipart body of known
//   length under 64 KiB, and the form's js=1 (Mitt program's cards post without it and get the redirect);
// - only for a session that Auth.js would accept without touching it: not expired, and not yet due for its
//   daily extension (Auth.js then writes the new expiry and cookie); the account's role must pass the rule.
// A body it has read but will not answer (no js=1, or one it cannot parse) is handed to Next unchanged.
//
// instrumentation.ts installs it in production; SIGNUP_DIRECT=0 turns it off (then Next answers every post).
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import busboy from "busboy";
import { eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { authSessions, users } from "@/db/schema";
import { authConfig } from "@/lib/auth/config";
import type { Role } from "@/lib/domain";
import { passes, policy } from "@/lib/policy";
import { contentSecurityPolicy, createNonce, servedOverHttps, staticSecurityHeaders, strictTransportSecurity } from "@/lib/security-headers";
import { signupAnswer, signupAnswerResult } from "@/lib/signup-answer";
import { crossOrigin } from "./same-origin";

/** The response header that says the direct answer served the request (for tests and the bench). */
export const DIRECT_HEADER = "x-larpass-direct";
export const MAX_BODY_BYTES = 64 * 1024;

type Kind = "choose" | "leave";
const ACTIONS: Record<string, { kind: Kind; rule: "registration.choose" | "registration.leave" }> = {
  chooseAction: { kind: "choose", rule: "registration.choose" },
  leaveAction: { kind: "leave", rule: "registration.leave" },
};

/** The build's ids of the sign-up actions (its server-reference-manifest.json), and its build id. */
export function readBuild(distDir: string): { ids: Map<string, Kind>; buildId: string } {
  const manifest = JSON.parse(fs.readFileSync(path.join(distDir, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const ids = new Map<string, Kind>();
  for (const [id, entry] of Object.entries(manifest.node)) {
    const action = entry.filename === "app/program/actions.ts" && entry.exportedName ? ACTIONS[entry.exportedName] : undefined;
    if (action) ids.set(id, action.kind);
  }
  return { ids, buildId: fs.readFileSync(path.join(distDir, "BUILD_ID"), "utf8").trim() };
}

type Caller = { id: string; role: Role };

const sessionByToken = db
  .select({ expires: authSessions.expires, id: users.id, role: users.role })
  .from(authSessions)
  .innerJoin(users, eq(users.id, authSessions.userId))
  .where(eq(authSessions.sessionToken, sql.placeholder("token")))
  .prepare();

const cookieName = () => (authConfig.useSecureCookies ? "__Secure-authjs.session-token" : "authjs.session-token");

/**
 * The account of the request's session, when Auth.js would read it as is (lib/auth/config.ts): null when
 * there is none, it has expired, or it is due for its extension (Auth.js deletes or updates it: Next's path).
 */
export function freshSessionCaller(cookieHeader: string | undefined, now = Date.now()): Caller | null {
  if (!cookieHeader) return null;
  const name = cookieName();
  let token: string | undefined;
  for (const part of cookieHeader.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) token = decodeURIComponent(part.slice(eq + 1).trim());
  }
  if (!token) return null;
  const row = sessionByToken.get({ token });
  if (!row) return null;
  const expires = row.expires.valueOf();
  const { maxAge, updateAge } = authConfig.session;
  if (expires <= now || expires - maxAge * 1000 + updateAge * 1000 <= now) return null;
  return { id: row.id, role: row.role };
}

/**
 * The form React posted: encodeReply([previousState, formData]) puts the form's fields under `_<n>_` where
 * field "0" (the arguments) refers to it as "$K<n in hex>". Null when the body is not that shape.
 */
export function readActionForm(fields: Map<string, string>): Map<string, string> | null {
  let args: unknown;
  try {
    args = JSON.parse(fields.get("0") ?? "");
  } catch {
    return null;
  }
  if (!Array.isArray(args) || args.length !== 2) return null;
  const ref = args[1];
  if (typeof ref !== "string" || !/^\$K[0-9a-f]+$/.test(ref)) return null;
  const prefix = `_${parseInt(ref.slice(2), 16)}_`;
  const form = new Map<string, string>();
  for (const [k, v] of fields) if (k.startsWith(prefix)) form.set(k.slice(prefix.length), v);
  return form;
}

/** A multipart body's text fields; null if it has a file, too many fields or does not parse. */
export function parseMultipart(body: Buffer, contentType: string): Promise<Map<string, string> | null> {
  return new Promise((resolve) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: { "content-type": contentType }, limits: { files: 0, fields: 64, fieldSize: MAX_BODY_BYTES } });
    } catch {
      return resolve(null);
    }
    const fields = new Map<string, string>();
    let bad = false;
    parser.on("field", (name, value, info) => {
      if (info.valueTruncated || info.nameTruncated) bad = true;
      fields.set(name, value);
    });
    parser.on("file", (_name, stream) => {
      bad = true;
      stream.resume();
    });
    parser.on("filesLimit", () => (bad = true));
    parser.on("fieldsLimit", () => (bad = true));
    parser.on("error", () => resolve(null));
    parser.on("close", () => resolve(bad ? null : fields));
    parser.end(body);
  });
}

/** A value as React's flight encoding writes a plain JSON model: strings that begin with "$" are escaped. */
export function flightJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === "string" && v.startsWith("$")) return `$${v}`;
    if (v === undefined) return "$undefined";
    return v;
  });
}

/** The body Next sends for a server action that returns `result` and re-renders nothing. */
export function actionResponseBody(result: unknown, search: string, buildId: string): string {
  return `0:${JSON.stringify({ a: "$@1", q: search, i: false, b: buildId })}\n1:${flightJson(result)}\n`;
}

function readBody(req: http.IncomingMessage, length: number): Promise<Buffer | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size <= length) chunks.push(c);
    });
    req.on("end", () => resolve(size === length ? Buffer.concat(chunks) : null));
    req.on("error", () => resolve(null));
  });
}

/** The same request with its body, for Next, after this module has read the original. */
function replayed(req: http.IncomingMessage, body: Buffer | null): http.IncomingMessage {
  const copy = new http.IncomingMessage(req.socket);
  copy.method = req.method;
  copy.url = req.url;
  copy.headers = req.headers;
  copy.rawHeaders = req.rawHeaders;
  copy.httpVersion = req.httpVersion;
  copy.httpVersionMajor = req.httpVersionMajor;
  copy.httpVersionMinor = req.httpVersionMinor;
  copy.complete = true;
  copy.push(body ?? Buffer.alloc(0));
  copy.push(null);
  return copy;
}

function headerOf(req: http.IncomingMessage) {
  return (name: string) => {
    const v = req.headers[name];
    return Array.isArray(v) ? v[0] : v;
  };
}

export type Direct = {
  /** Whether this request is one the direct answer takes; false leaves it to Next untouched. */
  takes(req: http.IncomingMessage): { kind: Kind; caller: Caller } | null;
  answer(req: http.IncomingMessage, res: http.ServerResponse, take: { kind: Kind; caller: Caller }, next: (req: http.IncomingMessage) => void): Promise<void>;
};

export function signupDirect(build: { ids: Map<string, Kind>; buildId: string }): Direct {
  const https = servedOverHttps();
  const fixedHeaders: Record<string, string> = {
    ...Object.fromEntries(staticSecurityHeaders.map((h) => [h.key.toLowerCase(), h.value])),
    vary: "rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch",
    "cache-control": "no-cache, no-store, max-age=0, must-revalidate",
    "content-type": "text/x-component",
    ...(https ? { "strict-transport-security": strictTransportSecurity } : {}),
  };
  return {
    takes(req) {
      if (req.method !== "POST") return null;
      const id = req.headers["next-action"];
      const kind = typeof id === "string" ? build.ids.get(id) : undefined;
      if (!kind) return null;
      if (!String(req.headers["content-type"] ?? "").startsWith("multipart/form-data")) return null;
      const length = Number(req.headers["content-length"]);
      if (!Number.isInteger(length) || length <= 0 || length > MAX_BODY_BYTES) return null;
      if (crossOrigin(headerOf(req))) return null;
      const caller = freshSessionCaller(req.headers.cookie);
      if (!caller || !passes(caller.role, policy[kind === "choose" ? "registration.choose" : "registration.leave"].who)) return null;
      return { kind, caller };
    },
    async answer(req, res, { kind, caller }, next) {
      const body = await readBody(req, Number(req.headers["content-length"]));
      const fields = body ? await parseMultipart(body, String(req.headers["content-type"])) : null;
      const form = fields ? readActionForm(fields) : null;
      if (!form || form.get("js") !== "1") return next(replayed(req, body));
      const result = signupAnswerResult(caller.id, await signupAnswer(kind, caller.id, form));
      const search = new URL(req.url ?? "/", "http://x").search;
      const payload = Buffer.from(actionResponseBody(result, search, build.buildId), "utf8");
      res.writeHead(200, {
        ...fixedHeaders,
        "content-security-policy": contentSecurityPolicy({ nonce: createNonce(), https, dev: false }),
        "content-length": String(payload.length),
        [DIRECT_HEADER]: "1",
      });
      res.end(payload);
    },
  };
}

type Listener = (req: http.IncomingMessage, res: http.ServerResponse) => void;

/** A request listener that answers what `direct` takes and passes everything else (and replays) to `next`. */
export function withSignupDirect(direct: Direct, next: Listener): Listener {
  return (req, res) => {
    const take = direct.takes(req);
    if (!take) return next(req, res);
    direct
      .answer(req, res, take, (replay) => next(replay, res))
      .catch(() => {
        if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
        res.end("Något gick fel. Ladda om sidan och försök igen.");
      });
  };
}

const installed = Symbol.for("larpass.signupDirect");

/** Makes this process's HTTP server answer the sign-up actions directly (see above). */
export function installSignupDirect(distDir: string): void {
  const proto = http.Server.prototype as unknown as Record<symbol, boolean> & { emit: (...args: unknown[]) => boolean };
  if (proto[installed]) return;
  const build = readBuild(distDir);
  if (build.ids.size !== Object.keys(ACTIONS).length) {
    // Renamed or moved actions: nothing breaks (Next answers every click), but the rush gets slower.
    console.warn("Det direkta svaret hittade inte anmälningsåtgärderna i bygget (app/program/actions.ts): Next svarar på alla klick.");
  }
  const direct = signupDirect(build);
  const emit = proto.emit;
  proto.emit = function (this: unknown, event: unknown, ...args: unknown[]) {
    if (event !== "request") return emit.call(this, event, ...args);
    const [req, res] = args as [http.IncomingMessage, http.ServerResponse];
    withSignupDirect(direct, (r, s) => emit.call(this, event, r, s))(req, res);
    return true;
  };
  proto[installed] = true;
}
