import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { openDatabase } from "@/db/open";
import { authSessions, larpass, registrations, timeSlots, users } from "@/db/schema";
import { documentHeaders } from "./browser";
import { createLargeEvent } from "./large-event";
import { fmt, freshDatabase, percentile, request, startNext, text, type Reply, type Server } from "./lib";

/** A member with a live session holding a seat in each of the first `seats` slots (the demo has three). */
function seatedMember(file: string, seats: number): string {
  const db = openDatabase(file);
  const id = crypto.randomUUID();
  const token = crypto.randomBytes(24).toString("hex");
  db.insert(users).values({ id, email: "programmet@bench.example" }).run();
  db.insert(authSessions).values({ sessionToken: token, userId: id, expires: new Date(Date.now() + 86_400_000) }).run();
  for (const slot of db.select().from(timeSlots).orderBy(timeSlots.startsAt).limit(seats).all()) {
    const lp = db.select().from(larpass).where(eq(larpass.timeSlotId, slot.id)).limit(1).get()!;
    const now = new Date();
    db.insert(registrations).values({ larpassId: lp.id, userId: id, timeSlotId: slot.id, status: "confirmed", queuedAt: now, confirmedAt: now }).run();
  }
  db.$client.close();
  return `authjs.session-token=${token}`;
}

type Series = { p50: number; p95: number; rps: number; last: Reply; hits: number; rounds: number };

const snapshotShare = (s: Series) => `${s.hits} av ${s.rounds}`;

/** `rounds` requests one after the other on one keep-alive connection (a warm server, one reader at a time). */
async function series(server: Server, path: string, cookie: string, rounds: number, warm = 20): Promise<Series> {
  const get = () => request({ port: server.port, path, method: "GET", headers: documentHeaders(server.port, cookie) });
  for (let i = 0; i < warm; i++) await get();
  const times: number[] = [];
  let last: Reply | null = null;
  let hits = 0;
  const started = performance.now();
  for (let i = 0; i < rounds; i++) {
    last = await get();
    if (last.status !== 200) throw new Error(`GET ${path} gav ${last.status}`);
    if (last.headers["x-larpass-snapshot"] === "hit") hits += 1;
    times.push(last.ms);
  }
  const total = performance.now() - started;
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), rps: (rounds / total) * 1000, last: last!, hits, rounds };
}

const size = (r: Reply) => `HTML ${fmt(Buffer.byteLength(text(r)) / 1024, 0)} KB (gzip ${fmt(r.body.length / 1024, 0)} KB)`;
const describe = (s: Series) => `p50 ${fmt(s.p50)} ms, p95 ${fmt(s.p95)} ms, ${fmt(s.rps, 0)} req/s, ${size(s.last)}`;

/**
 * The programme page, warm, one request at a time: anonymous and signed in, on the demo (14 lärpass) and on a
 * generated large event (200 lärpass, 10,000 members), beside Next's own prerendered /icon.svg (the fastest
 * route Next serves). Returns the comparable `programme: …` line.
 */
export async function benchProgramme(rounds = 200): Promise<string> {
  const { dir, file } = freshDatabase("program");
  const member = seatedMember(file, 2);
  const server = await startNext(3331, file, dir);
  let demo: { anonymous: Series; member: Series; icon: Series };
  try {
    const icon = await series(server, "/icon.svg", "", rounds, 100);
    const anonymous = await series(server, "/program", "", rounds);
    demo = { anonymous, member: await series(server, "/program", member, rounds), icon };
    const html = text(anonymous.last);
    const scripts = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]))];
    let jsBytes = 0;
    for (const src of scripts) jsBytes += (await request({ port: server.port, path: src, method: "GET" })).body.length;
    console.log(`Programsidan, demon (14 lärpass), ${rounds} anrop i följd efter uppvärmning:`);
    console.log(`  Nexts förrenderade /icon.svg: p50 ${fmt(icon.p50, 2)} ms, ${fmt(icon.rps, 0)} req/s`);
    console.log(`  anonym: ${describe(anonymous)}, ${fmt((anonymous.rps / icon.rps) * 100, 1)} % av /icon.svg:s req/s`);
    console.log(`  inloggad medlem (platser i två pass): ${describe(demo.member)}`);
    console.log(`  (anonym: ${snapshotShare(anonymous)} ur ögonblicksbilden, lib/net/page-snapshot.ts)`);
    console.log(`  JavaScript: ${scripts.length} filer, ${fmt(jsBytes / 1024)} KiB (okomprimerat)`);
  } finally {
    server.stop();
  }

  const large = createLargeEvent();
  const largeServer = await startNext(3332, large.file, large.dir);
  let big: { anonymous: Series; member: Series };
  try {
    const largeRounds = Math.max(20, Math.round(rounds / 4));
    big = {
      anonymous: await series(largeServer, "/program", "", largeRounds, 5),
      member: await series(largeServer, "/program", `authjs.session-token=${large.memberToken}`, largeRounds, 5),
    };
    console.log(`Programsidan, stort evenemang (200 lärpass, 10 000 medlemmar med platser), ${largeRounds} anrop i följd:`);
    console.log(`  anonym: ${describe(big.anonymous)} (${snapshotShare(big.anonymous)} ur ögonblicksbilden)`);
    console.log(`  inloggad medlem (plats i alla 10 pass): ${describe(big.member)}`);
  } finally {
    largeServer.stop();
  }
  // What a render costs when the snapshot cannot answer (its first visitor each second): the same server
  // with the snapshots turned off.
  const plain = await startNext(3333, file, dir, { PAGE_SNAPSHOTS: "0" });
  try {
    const rendered = await series(plain, "/program", "", rounds);
    console.log(`Programsidan, demon, anonym utan ögonblicksbilder (PAGE_SNAPSHOTS=0): ${describe(rendered)}`);
  } finally {
    plain.stop();
  }
  const plainLarge = await startNext(3334, large.file, large.dir, { PAGE_SNAPSHOTS: "0" });
  try {
    const rendered = await series(plainLarge, "/program", "", Math.max(20, Math.round(rounds / 4)), 5);
    console.log(`Programsidan, stort evenemang, anonym utan ögonblicksbilder: ${describe(rendered)}`);
  } finally {
    plainLarge.stop();
  }
  return (
    `programme: anonymous ${fmt(demo.anonymous.rps, 0)} req/s (${fmt(demo.anonymous.rps / demo.icon.rps, 3)} of next's static route), ` +
    `member p50 ${fmt(demo.member.p50)} ms, large event anonymous p50 ${fmt(big.anonymous.p50)} ms, member p50 ${fmt(big.member.p50)} ms`
  );
}
