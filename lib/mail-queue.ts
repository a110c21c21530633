// The one durable mail queue. A mail is a row in mail_queue, written in the same transaction as the change
// it reports (enqueueMails) or just after it (deliver in lib/mail.ts), and sent by processMailQueue: at
// once for the request that wrote it, and by the worker in the server process (instrumentation.ts) for
// everything that failed or was left behind, with retries and a growing pause between them. A failing
// mail server never makes a saved change look failed, and a restart loses nothing: the rows are still
// there, and a send that was cut off half-way (status "sending") is picked up again.
import { and, asc, desc, eq, inArray, lte, sql } from "drizzle-orm";
import { db as defaultDb, type DB } from "@/db";
import { mailQueue } from "@/db/schema";
import type { Mail } from "./mail";

export type { Mail };
type Tx = Pick<DB, "insert">;
export type Transport = (mail: Mail) => Promise<void>;

/** After this many failed tries a mail is "failed": shown to the organisers, retried only by hand. */
export const MAX_ATTEMPTS = 8;
/** A send still marked "sending" after this long was cut off (a crash, a restart): try it again. */
export const STALE_CLAIM_MS = 5 * 60_000;

/** 30 s, 1 min, 2 min, … at most 1 hour between tries. */
export function backoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 60 * 60_000);
}

/** Queues mails inside the caller's transaction; returns their ids. */
export function enqueueMails(tx: Tx, mails: Mail[], now = new Date()): number[] {
  if (mails.length === 0) return [];
  return tx
    .insert(mailQueue)
    .values(mails.map((m) => ({ to: m.to, subject: m.subject, body: m.text, status: "pending" as const, nextAttemptAt: now, createdAt: now })))
    .returning({ id: mailQueue.id })
    .all()
    .map((r) => r.id);
}

export type QueueRun = { sent: number; retrying: number; failed: number };

/**
 * Sends the pending mails that are due (only `ids`, when given). Each row is claimed first (pending →
 * sending in one UPDATE), so two processes never send the same mail.
 */
export async function processMailQueue({
  transport,
  ids,
  now = new Date(),
  limit = 100,
  database = defaultDb,
}: {
  transport: Transport;
  ids?: number[];
  now?: Date;
  limit?: number;
  database?: DB;
}): Promise<QueueRun> {
  const run: QueueRun = { sent: 0, retrying: 0, failed: 0 };
  if (ids && ids.length === 0) return run;
  const due = database
    .select()
    .from(mailQueue)
    .where(and(eq(mailQueue.status, "pending"), lte(mailQueue.nextAttemptAt, now), ids ? inArray(mailQueue.id, ids) : undefined))
    .orderBy(asc(mailQueue.nextAttemptAt), asc(mailQueue.id))
    .limit(limit)
    .all();
  for (const row of due) {
    const claimed = database
      .update(mailQueue)
      .set({ status: "sending", claimedAt: now })
      .where(and(eq(mailQueue.id, row.id), eq(mailQueue.status, "pending")))
      .run().changes;
    if (!claimed) continue;
    try {
      await transport({ to: row.to, subject: row.subject, text: row.body });
      database.update(mailQueue).set({ status: "sent", sentAt: new Date(), claimedAt: null, lastError: null }).where(eq(mailQueue.id, row.id)).run();
      run.sent += 1;
    } catch (error) {
      const attempts = row.attempts + 1;
      const failed = attempts >= MAX_ATTEMPTS;
      database
        .update(mailQueue)
        .set({
          status: failed ? "failed" : "pending",
          attempts,
          claimedAt: null,
          lastError: String(error instanceof Error ? error.message : error).slice(0, 500),
          nextAttemptAt: new Date(now.getTime() + backoffMs(attempts)),
        })
        .where(eq(mailQueue.id, row.id))
        .run();
      if (failed) run.failed += 1;
      else run.retrying += 1;
    }
  }
  return run;
}

/** Sends cut off by a crash or restart go back to pending. */
export function recoverStaleClaims({ now = new Date(), database = defaultDb }: { now?: Date; database?: DB } = {}): number {
  return database
    .update(mailQueue)
    .set({ status: "pending", claimedAt: null, nextAttemptAt: now })
    .where(and(eq(mailQueue.status, "sending"), lte(mailQueue.claimedAt, new Date(now.getTime() - STALE_CLAIM_MS))))
    .run().changes;
}

/** A failed mail back in the queue, to be tried at once ("Försök igen"). */
export function retryMail({ id, now = new Date(), database = defaultDb }: { id: number; now?: Date; database?: DB }): boolean {
  return (
    database
      .update(mailQueue)
      .set({ status: "pending", nextAttemptAt: now, attempts: sql`min(${mailQueue.attempts}, ${MAX_ATTEMPTS - 1})` })
      .where(and(eq(mailQueue.id, id), eq(mailQueue.status, "failed")))
      .run().changes > 0
  );
}

export type QueuedMail = typeof mailQueue.$inferSelect;

/** What the outbox page and the organisers' mail page show: pending and failed first, then the latest sent. */
export function listMailQueue({ database = defaultDb, sentLimit = 20 }: { database?: DB; sentLimit?: number } = {}): {
  waiting: QueuedMail[];
  failed: QueuedMail[];
  sent: QueuedMail[];
} {
  const waiting = database.select().from(mailQueue).where(inArray(mailQueue.status, ["pending", "sending"])).orderBy(asc(mailQueue.nextAttemptAt)).all();
  const failed = database.select().from(mailQueue).where(eq(mailQueue.status, "failed")).orderBy(desc(mailQueue.id)).all();
  const sent = database.select().from(mailQueue).where(eq(mailQueue.status, "sent")).orderBy(desc(mailQueue.id)).limit(sentLimit).all();
  return { waiting, failed, sent };
}

let worker: ReturnType<typeof setInterval> | null = null;

/** In the server process: every few seconds, due retries are sent. Idempotent; never keeps the process alive. */
export function startMailWorker({ transport, everyMs = 5_000 }: { transport: Transport; everyMs?: number }): void {
  if (worker) return;
  recoverStaleClaims();
  let busy = false;
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      recoverStaleClaims();
      await processMailQueue({ transport });
    } catch (error) {
      console.error("E-postkön:", error);
    } finally {
      busy = false;
    }
  };
  worker = setInterval(tick, everyMs);
  worker.unref();
  void tick();
}
