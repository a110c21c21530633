// A separate Node process that signs members up (or lets them leave) as fast as it can, for
// lib/registrations.two-process.test.ts. Run with tsx (resolves "@/..." through tsconfig paths):
//
//   DATABASE_PATH=… OUTBOX_PATH=… tsx test/signup-worker.ts '<json config>'
//
// It opens its own connection, writes `readyFile`, waits until `startFile` exists (so all workers
// start at the same moment), runs every call in turn and writes a JSON report to `resultFile`.
import fs from "node:fs";
import { openDatabase } from "@/db/open";
import { chooseLarpass, leaveLarpass } from "@/lib/registrations";

export type WorkerConfig = {
  action: "choose" | "leave";
  larpassId: number;
  userIds: string[];
  readyFile: string;
  startFile: string;
  /** Where the report goes (stdout also carries lib/mail's outbox log). */
  resultFile: string;
};

export type WorkerOutcome = { userId: string; ok: boolean; status?: string; position?: number; reason?: string; error?: string };
export type WorkerReport = { pid: number; startedAt: number; endedAt: number; outcomes: WorkerOutcome[] };

const sleeper = new Int32Array(new SharedArrayBuffer(4));

async function main() {
  const config = JSON.parse(process.argv[2]) as WorkerConfig;
  const database = openDatabase(process.env.DATABASE_PATH!);
  // Touch the database once so opening costs nothing after the start signal.
  database.$client.prepare("select count(*) from registrations").get();
  fs.writeFileSync(config.readyFile, String(process.pid));
  const giveUp = Date.now() + 30_000;
  while (!fs.existsSync(config.startFile)) {
    if (Date.now() > giveUp) throw new Error("startsignalen kom aldrig");
    Atomics.wait(sleeper, 0, 0, 1);
  }

  const startedAt = Date.now();
  const outcomes: WorkerOutcome[] = [];
  for (const userId of config.userIds) {
    try {
      const o =
        config.action === "choose"
          ? await chooseLarpass({ userId, larpassId: config.larpassId, waitlist: true, database })
          : await leaveLarpass({ userId, larpassId: config.larpassId, database });
      outcomes.push(
        o.ok
          ? { userId, ok: true, status: "status" in o ? o.status : o.was, position: "position" in o ? o.position : undefined }
          : { userId, ok: false, reason: o.reason },
      );
    } catch (e) {
      outcomes.push({ userId, ok: false, error: e instanceof Error ? e.message : String(e) });
    }
  }
  const report: WorkerReport = { pid: process.pid, startedAt, endedAt: Date.now(), outcomes };
  database.$client.close();
  fs.writeFileSync(config.resultFile, JSON.stringify(report));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
