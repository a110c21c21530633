// The durable mail queue: a failing mail server leaves the mail queued, a retry sends it, a restart resumes,
// and a change whose mail fails is still saved and reported as saved.
import { eq } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { mailQueue } from "@/db/schema";
import { chooseLarpass, leaveLarpass } from "@/lib/registrations";
import { createEvent, createUsers, statusOf, useTempOutbox } from "@/test/factories";
import { deliver, readOutbox, sendNow } from "./mail";
import {
  backoffMs,
  enqueueMails,
  listMailQueue,
  MAX_ATTEMPTS,
  processMailQueue,
  recoverStaleClaims,
  retryMail,
  STALE_CLAIM_MS,
  type Transport,
} from "./mail-queue";

useTempOutbox();
beforeAll(() => {
  vi.spyOn(console, "log").mockImplementation(() => {});
});
const savedSmtp = process.env.SMTP_URL;
afterEach(() => {
  if (savedSmtp === undefined) delete process.env.SMTP_URL;
  else process.env.SMTP_URL = savedSmtp;
});

const rowOf = (id: number) => db.select().from(mailQueue).where(eq(mailQueue.id, id)).get()!;
const failing: Transport = async () => {
  throw new Error("SMTP svarar inte");
};

describe("the mail queue", () => {
  it("keeps a mail whose send failed, with the error, and sends it when the retry is due", async () => {
    const t0 = new Date("2026-11-29T10:00:00Z");
    const [id] = db.transaction((tx) => enqueueMails(tx, [{ to: "kö@example.se", subject: "Köat", text: "Hej" }], t0));
    expect(await processMailQueue({ transport: failing, ids: [id], now: t0 })).toEqual({ sent: 0, retrying: 1, failed: 0 });
    expect(rowOf(id)).toMatchObject({ status: "pending", attempts: 1, lastError: "SMTP svarar inte" });
    expect(rowOf(id).nextAttemptAt.getTime()).toBe(t0.getTime() + backoffMs(1));

    // Not yet due: nothing happens.
    const sent: string[] = [];
    const ok: Transport = async (m) => void sent.push(m.subject);
    expect(await processMailQueue({ transport: ok, ids: [id], now: new Date(t0.getTime() + 1000) })).toEqual({ sent: 0, retrying: 0, failed: 0 });
    // Due: sent, once.
    const later = new Date(t0.getTime() + backoffMs(1));
    expect(await processMailQueue({ transport: ok, ids: [id], now: later })).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(await processMailQueue({ transport: ok, ids: [id], now: later })).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(sent).toEqual(["Köat"]);
    expect(rowOf(id)).toMatchObject({ status: "sent", lastError: null });
  });

  it("gives up after MAX_ATTEMPTS with a growing pause, shows the mail as failed, and sends it when retried by hand", async () => {
    let now = new Date("2026-11-29T12:00:00Z");
    const [id] = db.transaction((tx) => enqueueMails(tx, [{ to: "fel@example.se", subject: "Misslyckas", text: "x" }], now));
    const pauses: number[] = [];
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      await processMailQueue({ transport: failing, ids: [id], now });
      const next = rowOf(id).nextAttemptAt.getTime();
      pauses.push(next - now.getTime());
      now = new Date(next);
    }
    expect(rowOf(id)).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS });
    expect(pauses.slice(0, 4)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(Math.max(...pauses)).toBeLessThanOrEqual(60 * 60_000);
    expect(listMailQueue().failed.map((m) => m.id)).toContain(id);
    expect(retryMail({ id, now })).toBe(true);
    expect(await processMailQueue({ transport: async () => {}, ids: [id], now })).toMatchObject({ sent: 1 });
    expect(retryMail({ id, now })).toBe(false);
  });

  it("resumes after a restart: a send cut off half-way goes back to pending and is sent", async () => {
    const t0 = new Date("2026-11-29T14:00:00Z");
    const [id] = db.transaction((tx) => enqueueMails(tx, [{ to: "omstart@example.se", subject: "Efter omstart", text: "x" }], t0));
    // The old process claimed it and died.
    db.update(mailQueue).set({ status: "sending", claimedAt: t0 }).where(eq(mailQueue.id, id)).run();
    expect(recoverStaleClaims({ now: new Date(t0.getTime() + 1000) })).toBe(0);
    const after = new Date(t0.getTime() + STALE_CLAIM_MS + 1);
    expect(recoverStaleClaims({ now: after })).toBeGreaterThanOrEqual(1);
    const sent: string[] = [];
    await processMailQueue({ transport: async (m) => void sent.push(m.to), now: after });
    expect(sent).toContain("omstart@example.se");
    expect(rowOf(id).status).toBe("sent");
  });

  it("two workers never send the same mail", async () => {
    const now = new Date("2026-11-29T15:00:00Z");
    const ids = db.transaction((tx) => enqueueMails(tx, Array.from({ length: 5 }, (_, i) => ({ to: `par${i}@example.se`, subject: "Par", text: "x" })), now));
    const sent: string[] = [];
    const slow: Transport = async (m) => {
      await new Promise((r) => setTimeout(r, 5));
      sent.push(m.to);
    };
    await Promise.all([processMailQueue({ transport: slow, ids, now }), processMailQueue({ transport: slow, ids, now })]);
    expect(sent.sort()).toEqual(ids.map((_, i) => `par${i}@example.se`).sort());
  });
});

describe("deliver with a real mail server that is down", () => {
  it("never throws: the mail stays queued with the error, and goes out to the outbox once mail works again", async () => {
    process.env.SMTP_URL = "smtp://127.0.0.1:1"; // nothing listens there: connection refused
    await expect(deliver([{ to: "nere@example.se", subject: "Servern nere", text: "x" }])).resolves.toBeUndefined();
    const queued = listMailQueue().waiting.find((m) => m.to === "nere@example.se")!;
    expect(queued).toMatchObject({ status: "pending", attempts: 1 });
    expect(queued.lastError).toMatch(/ECONNREFUSED|connect/i);
    delete process.env.SMTP_URL;
    await processMailQueue({ transport: sendNow, ids: [queued.id], now: new Date(Date.now() + backoffMs(1)) });
    expect(readOutbox({ to: "nere@example.se" }).map((m) => m.subject)).toEqual(["Servern nere"]);
  });

  it("a seat taken while mail is down is saved and reported as taken; the promotion mail waits in the queue", async () => {
    const f = createEvent(db);
    const lp = f.larpass({ slot: f.slot("09:00", "09:45"), capacity: 1, title: "Postlöst" });
    const [a, b] = createUsers(db, 2);
    await chooseLarpass({ userId: a.id, larpassId: lp.id });
    await chooseLarpass({ userId: b.id, larpassId: lp.id, waitlist: true });
    process.env.SMTP_URL = "smtp://127.0.0.1:1";
    await expect(leaveLarpass({ userId: a.id, larpassId: lp.id })).resolves.toBeDefined();
    expect(statusOf(db, b.id, lp.id)).toBe("confirmed");
    expect(listMailQueue().waiting.some((m) => m.to === b.email && m.subject === "Du har fått en plats: Postlöst")).toBe(true);
  });
});
