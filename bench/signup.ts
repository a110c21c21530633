import crypto from "node:crypto";
import path from "node:path";
import { and, eq, sql } from "drizzle-orm";
import { openDatabase } from "@/db/open";
import { authSessions, larpass, registrations, rooms, timeSlots, users } from "@/db/schema";
import { fmt, freshDatabase, percentile, request, startNext, startProcess, root, type Server } from "./lib";

type Run = { rps: number; p50: number; p95: number; p99: number; wallMs: number; statuses: Record<number, number>; confirmed: number; capacity: number; overbooked: number };

/** N members, each with a live session, all choosing a lärpass of the first slot at the same moment. */
function prepare(file: string, n: number, prefix = "medlem") {
  const db = openDatabase(file);
  const slot = db.select().from(timeSlots).orderBy(timeSlots.startsAt).limit(1).get()!;
  const targets = db
    .select({ id: larpass.id, capacity: sql<number>`coalesce(${larpass.capacity}, ${rooms.capacity})` })
    .from(larpass)
    .leftJoin(rooms, eq(rooms.id, larpass.roomId))
    .where(eq(larpass.timeSlotId, slot.id))
    .all();
  const members: { token: string; larpassId: number }[] = [];
  db.transaction((tx) => {
    for (let i = 0; i < n; i++) {
      const id = crypto.randomUUID();
      const token = crypto.randomBytes(24).toString("hex");
      tx.insert(users).values({ id, email: `${prefix}${i}@bench.example` }).run();
      tx.insert(authSessions).values({ sessionToken: token, userId: id, expires: new Date(Date.now() + 86_400_000) }).run();
      members.push({ token, larpassId: targets[i % targets.length].id });
    }
  });
  db.$client.close();
  return { members, targets };
}

/** spreadMs = 0: everyone at the same moment; otherwise arrivals evenly spread over that many ms. */
async function load(
  server: Server,
  members: { token: string; larpassId: number }[],
  spreadMs = 0,
): Promise<Omit<Run, "confirmed" | "capacity" | "overbooked">> {
  const started = performance.now();
  const results = await Promise.all(
    members.map(async (m, i) => {
      if (spreadMs > 0) await new Promise((r) => setTimeout(r, (i * spreadMs) / members.length));
      return request({
        port: server.port,
        path: "/api/anmalan",
        method: "POST",
        headers: { "content-type": "application/json", cookie: `authjs.session-token=${m.token}` },
        body: JSON.stringify({ larpassId: m.larpassId, waitlist: true }),
      });
    }),
  );
  const wallMs = performance.now() - started;
  const ms = results.map((r) => r.ms).sort((a, b) => a - b);
  const statuses: Record<number, number> = {};
  for (const r of results) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
  return { rps: (members.length / wallMs) * 1000, p50: percentile(ms, 50), p95: percentile(ms, 95), p99: percentile(ms, 99), wallMs, statuses };
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

async function measure(kind: "app" | "floor", n: number, port: number, spreadMs = 0): Promise<Run> {
  const { dir, file } = freshDatabase(kind);
  const { members, targets } = prepare(file, n);
  const server =
    kind === "app"
      ? await startNext(port, file, dir)
      : await startProcess(
          path.join(root, "node_modules", ".bin", "tsx"),
          [path.join(root, "bench", "floor-server.ts")],
          { DATABASE_PATH: file, PORT: String(port), OUTBOX_PATH: path.join(dir, "outbox.jsonl"), NODE_ENV: "production", MAIL_OUTBOX: "1" },
          port,
          path.join(dir, "floor.log"),
        );
  try {
    // Warm up: the first requests compile routes and open connections; members of the warm-up are extra users.
    const warm = prepare(file, 20, "uppvarmning");
    await load(server, warm.members);
    openDatabase(file).$client.exec("DELETE FROM registrations");
    const run = await load(server, members, spreadMs);
    return { ...run, ...audit(file, targets) };
  } finally {
    server.stop();
  }
}

export async function benchSignup(n: number): Promise<string> {
  const spreadS = Number(process.env.BENCH_SPREAD_S ?? 60);
  const app = await measure("app", n, 3391);
  const floor = await measure("floor", n, 3392);
  const minute = spreadS > 0 ? await measure("app", n, 3393, spreadS * 1000) : null;
  const show = (label: string, r: Run) =>
    console.log(
      `  ${label}: ${fmt(r.rps, 0)} req/s, p50 ${fmt(r.p50)} ms, p95 ${fmt(r.p95)} ms, p99 ${fmt(r.p99)} ms, ` +
        `klart på ${fmt(r.wallMs, 0)} ms, svar ${JSON.stringify(r.statuses)}, bekräftade ${r.confirmed} av ${r.capacity}, överbokade ${r.overbooked}`,
    );
  console.log(`Anmälan: ${n} medlemmar väljer samtidigt bland lärpassen i första passet (med kö)`);
  show("appen (next start)", app);
  show("golvet (node:http + better-sqlite3)", floor);
  if (minute) {
    console.log(`Anmälan: ${n} medlemmar under samma minut (jämnt fördelat över ${spreadS} s)`);
    show("appen (next start)", minute);
  }
  if (app.overbooked > 0 || (minute?.overbooked ?? 0) > 0) console.log("  FEL: platser överbokade!");
  const ratio = app.wallMs / floor.wallMs;
  return `signup: ${n} members, ${fmt(app.rps, 0)} req/s, p50 ${fmt(app.p50)} ms, p95 ${fmt(app.p95)} ms, p99 ${fmt(app.p99)} ms, confirmed ${app.confirmed} of capacity ${app.capacity}, floor ratio ${fmt(ratio, 2)}`;
}
