// Several Node processes on the same SQLite file, as when more than one server process runs: each
// worker (test/signup-worker.ts) has its own connection and they all start at the same moment.
// BEGIN IMMEDIATE + the capacity trigger must give exactly `capacity` seats and one contiguous queue.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { createEvent, createUsers, registrationsOf, useTempOutbox } from "@/test/factories";
import type { WorkerConfig, WorkerReport } from "@/test/signup-worker";
import { readOutbox } from "./mail";
import { getMyRegistrations, getSeatCounts } from "./registrations";

const outbox = useTempOutbox();
const root = path.resolve(__dirname, "..");
const tsx = path.join(root, "node_modules", ".bin", "tsx");
const worker = path.join(root, "test", "signup-worker.ts");

/** Starts one worker per batch, releases them together once all are ready, and returns their reports. */
async function runWorkers(action: WorkerConfig["action"], larpassId: number, batches: string[][]): Promise<WorkerReport[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "larpass-workers-"));
  const startFile = path.join(dir, "start");
  const configs: WorkerConfig[] = batches.map((userIds, i) => ({
    action,
    larpassId,
    userIds,
    readyFile: path.join(dir, `ready-${i}`),
    startFile,
    resultFile: path.join(dir, `result-${i}.json`),
  }));
  const exits = configs.map(
    (config) =>
      new Promise<void>((resolve, reject) => {
        let stderr = "";
        const child = spawn(tsx, [worker, JSON.stringify(config)], {
          cwd: root,
          env: { ...process.env, DATABASE_PATH: process.env.DATABASE_PATH, OUTBOX_PATH: outbox },
          stdio: ["ignore", "ignore", "pipe"],
        });
        child.stderr!.on("data", (d) => (stderr += d));
        child.on("error", reject);
        child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`worker exited ${code}: ${stderr}`))));
      }),
  );
  const failed = Promise.race(exits.map((e) => e.then(() => new Promise<never>(() => {}))));
  const allReady = (async () => {
    while (!configs.every((c) => fs.existsSync(c.readyFile))) await new Promise((r) => setTimeout(r, 10));
  })();
  await Promise.race([allReady, failed]);
  fs.writeFileSync(startFile, "go");
  await Promise.all(exits);
  return configs.map((c) => JSON.parse(fs.readFileSync(c.resultFile, "utf8")) as WorkerReport);
}

describe("sign-up from several processes at once", () => {
  const CAPACITY = 10;
  const WORKERS = 4;
  const PER_WORKER = 100;
  let larpassId: number;
  let batches: string[][];

  beforeAll(() => {
    const f = createEvent(db);
    const slot = f.slot("09:00", "09:45");
    larpassId = f.larpass({ slot, capacity: CAPACITY, title: "Populärt lärpass" }).id;
    const members = createUsers(db, WORKERS * PER_WORKER, "process");
    batches = Array.from({ length: WORKERS }, (_, w) => members.slice(w * PER_WORKER, (w + 1) * PER_WORKER).map((m) => m.id));
  });

  it(`${WORKERS} processes × ${PER_WORKER} members for ${CAPACITY} seats: exactly ${CAPACITY} seats, one contiguous queue`, { timeout: 60_000 }, async () => {
    const reports = await runWorkers("choose", larpassId, batches);

    // The workers really ran at the same time (at least two of them overlapped; all usually do).
    const overlap = reports.some((a, i) => reports.some((b, j) => i !== j && a.startedAt < b.endedAt && b.startedAt < a.endedAt));
    expect(overlap).toBe(true);
    const outcomes = reports.flatMap((r) => r.outcomes);
    expect(outcomes.filter((o) => !o.ok)).toEqual([]);
    expect(outcomes).toHaveLength(WORKERS * PER_WORKER);
    expect(outcomes.filter((o) => o.status === "confirmed")).toHaveLength(CAPACITY);
    expect(outcomes.filter((o) => o.status === "waitlisted")).toHaveLength(WORKERS * PER_WORKER - CAPACITY);

    const rows = registrationsOf(db, larpassId); // (queuedAt, id) order
    expect(rows).toHaveLength(WORKERS * PER_WORKER);
    expect(new Set(rows.map((r) => r.userId)).size).toBe(WORKERS * PER_WORKER);
    expect(rows.filter((r) => r.status === "confirmed")).toHaveLength(CAPACITY);
    const waiting = rows.filter((r) => r.status === "waitlisted");
    expect(waiting.map((r) => getMyRegistrations({ userId: r.userId }).get(larpassId)!.position)).toEqual(
      Array.from({ length: waiting.length }, (_, i) => i + 1),
    );
    // Nobody overtook anyone: the place each member was told when joining is still theirs (no seat has
    // freed up yet), so queue order is the order in which the processes' transactions committed.
    for (const o of outcomes.filter((o) => o.status === "waitlisted")) {
      expect(o.position).toBe(getMyRegistrations({ userId: o.userId }).get(larpassId)!.position);
    }
  });

  it("seats given back from two processes at once go to the first in the queue, never overbooked", { timeout: 60_000 }, async () => {
    const before = registrationsOf(db, larpassId);
    const seated = before.filter((r) => r.status === "confirmed").map((r) => r.userId);
    const firstInQueue = before.filter((r) => r.status === "waitlisted").slice(0, CAPACITY).map((r) => r.userId);
    expect(seated).toHaveLength(CAPACITY);

    const reports = await runWorkers("leave", larpassId, [seated.slice(0, CAPACITY / 2), seated.slice(CAPACITY / 2)]);
    expect(reports.flatMap((r) => r.outcomes).every((o) => o.ok && o.status === "confirmed")).toBe(true);

    const after = registrationsOf(db, larpassId);
    const confirmed = after.filter((r) => r.status === "confirmed").map((r) => r.userId);
    expect(confirmed.sort()).toEqual([...firstInQueue].sort());
    expect(getSeatCounts({ larpassIds: [larpassId] }).get(larpassId)).toEqual({
      confirmed: CAPACITY,
      waitlisted: WORKERS * PER_WORKER - 2 * CAPACITY,
    });
    const waiting = after.filter((r) => r.status === "waitlisted");
    expect(waiting.map((r) => getMyRegistrations({ userId: r.userId }).get(larpassId)!.position)).toEqual(
      Array.from({ length: waiting.length }, (_, i) => i + 1),
    );
    // One "you got a seat" mail per promoted member, written by the worker processes.
    const mails = readOutbox().filter((m) => m.subject === "Du har fått en plats: Populärt lärpass");
    expect(mails).toHaveLength(CAPACITY);
  });
});
