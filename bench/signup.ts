import crypto from "node:crypto";
import path from "node:path";
import { and, eq, sql } from "drizzle-orm";
import { openDatabase } from "@/db/open";
import { authSessions, larpass, registrations, rooms, timeSlots, users } from "@/db/schema";
import { actionRequest, documentHeaders, formPostRequest, knownActionIds, readCardForms, type Prepared } from "./browser";
import { fmt, freshDatabase, nextServerRssMiB, percentile, request, startNext, startProcess, text, root, type Server } from "./lib";

/**
 * The sign-up rush, on each path a member's click can take:
 * - js: the server action as React posts it with JavaScript (one request; the reply is the action's result as React's
 *   flight rows, from lib/net/signup-direct.ts for a fresh session, else from Next);
 * - form: the same form without JavaScript (POST, 303, then the browser GETs the programme page);
 * - api: POST /api/anmalan with JSON (no browser uses it; kept for comparison);
 * - floor: a bare node:http + better-sqlite3 server running the same transaction as the api.
 * Every member clicks "Välj" (no queue: a full lärpass is refused, as the button they saw does), so all
 * four do the same database work.
 */
export type Scenario = "js" | "js-next" | "form" | "api" | "floor";
export const scenarioLabels: Record<Scenario, string> = {
  js: "server action med JavaScript",
  "js-next": "samma, bara genom Next (SIGNUP_DIRECT=0)",
  form: "formulär utan JavaScript (POST + GET)",
  api: "POST /api/anmalan (JSON)",
  floor: "golvet (node:http + better-sqlite3)",
};

type Member = { token: string; larpassId: number };
/** direct: answered by the HTTP server itself (lib/net/signup-direct.ts), not by Next. */
type Outcome = { ms: number; code: string; direct?: boolean };
export type Run = {
  n: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  wallMs: number;
  codes: Record<string, number>;
  confirmed: number;
  capacity: number;
  overbooked: number;
  rssMiB: number | null;
  /** How many members the direct answer served (the rest went through Next). */
  direct: number;
};

/** Outcomes a member can be told after clicking "Välj" in the rush. */
const ANSWERS = new Set(["vald", "fel-full"]);

/**
 * N members, each with a live session as Auth.js stores it at sign-in (expires in 30 days: not yet due for its
 * daily extension, as for a member who loaded the programme before sign-up opened), spread over the lärpass
 * of the first slot.
 */
function prepare(file: string, n: number, prefix: string) {
  const db = openDatabase(file);
  const slot = db.select().from(timeSlots).orderBy(timeSlots.startsAt).limit(1).get()!;
  const targets = db
    .select({ id: larpass.id, capacity: sql<number>`coalesce(${larpass.capacity}, ${rooms.capacity})` })
    .from(larpass)
    .leftJoin(rooms, eq(rooms.id, larpass.roomId))
    .where(and(eq(larpass.timeSlotId, slot.id), eq(larpass.status, "published")))
    .all();
  const members: Member[] = [];
  db.transaction((tx) => {
    for (let i = 0; i < n; i++) {
      const id = crypto.randomUUID();
      const token = crypto.randomBytes(24).toString("hex");
      tx.insert(users).values({ id, email: `${prefix}${i}@bench.example` }).run();
      tx.insert(authSessions).values({ sessionToken: token, userId: id, expires: new Date(Date.now() + 30 * 86_400_000) }).run();
      members.push({ token, larpassId: targets[i % targets.length].id });
    }
  });
  db.$client.close();
  return { members, targets };
}

const cookie = (m: Member) => `authjs.session-token=${m.token}`;

/** What a click costs on one path, from the member's side: the request(s) a browser makes and what it is told. */
type Click = (m: Member) => Promise<Outcome>;

async function clicker(kind: Scenario, server: Server, larpassIds: number[], someone: Member): Promise<Click> {
  const port = server.port;
  if (kind === "api" || kind === "floor") {
    return async (m) => {
      const r = await request({
        port,
        path: "/api/anmalan",
        method: "POST",
        headers: { "content-type": "application/json", cookie: cookie(m) },
        body: JSON.stringify({ larpassId: m.larpassId, waitlist: false }),
      });
      const body = r.status === 200 || r.status === 409 ? (JSON.parse(r.body.toString("utf8")) as { status?: string; reason?: string }) : {};
      const code = r.status === 200 && body.status === "confirmed" ? "vald" : r.status === 409 ? `fel-${body.reason}` : `http-${r.status}`;
      return { ms: r.ms, code };
    };
  }
  // The page as this member's browser has it open before sign-up opens: its "Välj" forms are what gets posted.
  const page = await request({ port, path: "/program", method: "GET", headers: documentHeaders(port, cookie(someone)) });
  if (page.status !== 200) throw new Error(`GET /program gav ${page.status}`);
  const known = knownActionIds();
  const byLarpass = new Map<number, Prepared>();
  for (const form of readCardForms(text(page))) {
    if (!larpassIds.includes(form.larpassId) || !/^Välj\b/.test(form.button)) continue;
    const prepared = kind === "js" || kind === "js-next" ? await actionRequest(port, "/program", form) : await formPostRequest(port, "/program", form);
    const actionId = prepared.headers("")["next-action"] ?? /"id":"([0-9a-f]+)"/.exec(prepared.body.toString("utf8"))?.[1];
    if (!actionId || !known.has(actionId)) throw new Error(`Formuläret för lärpass ${form.larpassId} anropar en okänd action (${actionId}).`);
    byLarpass.set(form.larpassId, prepared);
  }
  for (const id of larpassIds) if (!byLarpass.has(id)) throw new Error(`Ingen Välj-knapp för lärpass ${id} på /program.`);

  if (kind === "js" || kind === "js-next") {
    return async (m) => {
      const p = byLarpass.get(m.larpassId)!;
      const r = await request({ port, path: p.path, method: "POST", headers: p.headers(cookie(m)), body: p.body });
      // The reply is the action's result (React's flight rows): row 1 is the SignupResult the card shows.
      if (r.status !== 200) return { ms: r.ms, code: `http-${r.status}` };
      const row = /^1:(\{.*\})$/m.exec(text(r))?.[1];
      const code = row ? (JSON.parse(row) as { code?: string }).code ?? "okänt" : r.headers["x-action-redirect"] ? "omdirigering" : "okänt svar";
      return { ms: r.ms, code, direct: r.headers["x-larpass-direct"] === "1" };
    };
  }
  return async (m) => {
    const p = byLarpass.get(m.larpassId)!;
    const post = await request({ port, path: p.path, method: "POST", headers: p.headers(cookie(m)), body: p.body });
    const location = String(post.headers.location ?? "");
    if (post.status !== 303 || !location) return { ms: post.ms, code: `http-${post.status}` };
    const target = location.replace(/#.*$/, "");
    const get = await request({ port, path: target, method: "GET", headers: documentHeaders(port, cookie(m), p.path) });
    const code = get.status === 200 ? (/[?&]anmalan=([\w-]+)/.exec(target)?.[1] ?? "okänt") : `http-${get.status}`;
    return { ms: post.ms + get.ms, code };
  };
}

/** spreadMs = 0: everyone at the same moment; otherwise arrivals evenly spread over that many ms. */
async function load(click: Click, members: Member[], spreadMs = 0) {
  const started = performance.now();
  const results = await Promise.all(
    members.map(async (m, i) => {
      if (spreadMs > 0) await new Promise((r) => setTimeout(r, (i * spreadMs) / members.length));
      return click(m).catch((e: Error) => ({ ms: 0, code: `nätverksfel ${e.message}` }));
    }),
  );
  const wallMs = performance.now() - started;
  const ms = results.map((r) => r.ms).sort((a, b) => a - b);
  const codes: Record<string, number> = {};
  for (const r of results) codes[r.code] = (codes[r.code] ?? 0) + 1;
  const direct = results.filter((r) => "direct" in r && r.direct).length;
  return { n: members.length, rps: (members.length / wallMs) * 1000, p50: percentile(ms, 50), p95: percentile(ms, 95), p99: percentile(ms, 99), wallMs, codes, direct };
}

function audit(file: string, targets: { id: number; capacity: number }[]) {
  const db = openDatabase(file);
  let confirmed = 0;
  let overbooked = 0;
  for (const t of targets) {
    const n = db
      .select({ n: sql<number>`count(*)` })
      .from(registrations)
      .where(and(eq(registrations.larpassId, t.id), eq(registrations.status, "confirmed")))
      .get()!.n;
    confirmed += n;
    if (n > t.capacity) overbooked += n - t.capacity;
  }
  db.$client.close();
  return { confirmed, capacity: targets.reduce((s, t) => s + t.capacity, 0), overbooked };
}

export async function measure(kind: Scenario, n: number, port: number, spreadMs = 0): Promise<Run> {
  const { dir, file } = freshDatabase(kind);
  const { members, targets } = prepare(file, n, "medlem");
  const warm = prepare(file, 20, "uppvarmning");
  const server =
    kind === "floor"
      ? await startProcess(
          path.join(root, "node_modules", ".bin", "tsx"),
          [path.join(root, "bench", "floor-server.ts")],
          { DATABASE_PATH: file, PORT: String(port), OUTBOX_PATH: path.join(dir, "outbox.jsonl"), NODE_ENV: "production", MAIL_OUTBOX: "1" },
          port,
          path.join(dir, "floor.log"),
        )
      : await startNext(port, file, dir, kind === "js-next" ? { SIGNUP_DIRECT: "0" } : {});
  try {
    const click = await clicker(kind, server, targets.map((t) => t.id), warm.members[0]);
    // Warm up: the first requests load the route's code and open connections; warm-up members are extra users.
    await load(click, warm.members);
    const db = openDatabase(file);
    db.$client.exec("DELETE FROM registrations");
    db.$client.close();
    const run = await load(click, members, spreadMs);
    const rssMiB = kind === "floor" ? null : nextServerRssMiB(server);
    return { ...run, ...audit(file, targets), rssMiB };
  } finally {
    server.stop();
  }
}

export function describe(r: Run): string {
  return (
    `${fmt(r.rps, 0)} req/s, p50 ${fmt(r.p50)} ms, p95 ${fmt(r.p95)} ms, p99 ${fmt(r.p99)} ms, klart på ${fmt(r.wallMs, 0)} ms, ` +
    `svar ${JSON.stringify(r.codes)}, bekräftade ${r.confirmed} av ${r.capacity}, överbokade ${r.overbooked}` +
    (r.direct ? `, direkt besvarade ${r.direct} av ${r.n}` : "") +
    (r.rssMiB != null ? `, RSS ${fmt(r.rssMiB, 0)} MB` : "")
  );
}

/** Problems that make a run's figures meaningless: overbooking, members without an answer, seats left empty. */
export function faults(r: Run): string[] {
  const out: string[] = [];
  if (r.overbooked > 0) out.push(`${r.overbooked} platser överbokade`);
  const unanswered = Object.entries(r.codes).filter(([c]) => !ANSWERS.has(c));
  if (unanswered.length) out.push(`medlemmar utan svar: ${JSON.stringify(Object.fromEntries(unanswered))}`);
  if (r.confirmed !== Math.min(r.capacity, r.n)) out.push(`bekräftade ${r.confirmed}, väntat ${Math.min(r.capacity, r.n)}`);
  return out;
}

const order: Scenario[] = ["js", "js-next", "form", "api", "floor"];
/** Spread over a minute, every path is far from its limit: the one Next path with JavaScript is enough there. */
const spreadOrder: Scenario[] = ["js", "form", "api", "floor"];

export async function benchSignup(n: number): Promise<string> {
  const spreadS = Number(process.env.BENCH_SPREAD_S ?? 60);
  const burst = {} as Record<Scenario, Run>;
  let bad = false;
  console.log(`Anmälan: ${n} medlemmar klickar "Välj" samtidigt bland lärpassen i första passet`);
  for (const [i, kind] of order.entries()) burst[kind] = await measure(kind, n, 3311 + i);
  for (const kind of order) {
    const r = burst[kind];
    const vsFloor = kind === "floor" ? "" : `, ${fmt(r.wallMs / burst.floor.wallMs, 2)}x golvets tid`;
    console.log(`  ${scenarioLabels[kind]}: ${describe(r)}${vsFloor}`);
    const problems = [...faults(r), ...(kind === "js-next" && r.direct > 0 ? [`${r.direct} svar kom direkt trots SIGNUP_DIRECT=0`] : [])];
    for (const f of problems) {
      bad = true;
      console.log(`    FEL: ${f}`);
    }
  }
  if (spreadS > 0) {
    console.log(`Anmälan: ${n} medlemmar klickar "Välj" jämnt fördelat över ${spreadS} s`);
    for (const [i, kind] of spreadOrder.entries()) {
      const r = await measure(kind, n, 3321 + i, spreadS * 1000);
      console.log(`  ${scenarioLabels[kind]}: ${describe(r)}`);
      for (const f of faults(r)) {
        bad = true;
        console.log(`    FEL: ${f}`);
      }
    }
  }
  if (bad) process.exitCode = 1;
  const js = burst.js;
  console.log(`Minne: next-server efter rusningen (server action med JavaScript) VmRSS ${fmt(js.rssMiB ?? 0, 0)} MB`);
  return (
    `signup: ${n} members, ${fmt(js.rps, 0)} req/s, p50 ${fmt(js.p50)} ms, p95 ${fmt(js.p95)} ms, p99 ${fmt(js.p99)} ms, ` +
    `confirmed ${js.confirmed} of capacity ${js.capacity}, floor ratio ${fmt(js.wallMs / burst.floor.wallMs, 2)}`
  );
}
