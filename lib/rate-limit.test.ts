// The fixed-window sign-in limiter, in SQLite so every server process shares it.
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { openDatabase } from "@/db/open";
import { hitRateLimit, signInLimits } from "./rate-limit";

const second = openDatabase(process.env.DATABASE_PATH!);
afterAll(() => second.$client.close());

let n = 0;
const key = () => `test:${++n}`;

describe("hitRateLimit", () => {
  it("counts up to the limit within the window, then refuses with the time left", () => {
    const k = key();
    const t = 1_000_000;
    const hit = (now: number) => hitRateLimit({ key: k, limit: 3, windowMs: 60_000, now });
    expect(hit(t)).toEqual({ ok: true, remaining: 2 });
    expect(hit(t + 1_000)).toEqual({ ok: true, remaining: 1 });
    expect(hit(t + 2_000)).toEqual({ ok: true, remaining: 0 });
    expect(hit(t + 10_000)).toEqual({ ok: false, retryAfterSeconds: 50 });
    expect(hit(t + 59_001)).toEqual({ ok: false, retryAfterSeconds: 1 });
    // Refused attempts do not extend the window.
    expect(hit(t + 60_000)).toEqual({ ok: true, remaining: 2 });
  });

  it("starts a new window after windowMs, counting afresh", () => {
    const k = key();
    const hit = (now: number) => hitRateLimit({ key: k, limit: 2, windowMs: 1_000, now });
    expect(hit(0).ok).toBe(true);
    expect(hit(10).ok).toBe(true);
    expect(hit(999)).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(hit(1_500)).toEqual({ ok: true, remaining: 1 });
    expect(hit(2_000)).toEqual({ ok: true, remaining: 0 });
    // The new window began at 1 500, so 2 400 is still inside it.
    expect(hit(2_400)).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(hit(2_500)).toEqual({ ok: true, remaining: 1 });
  });

  it("keeps keys apart", () => {
    const a = key();
    const b = key();
    expect(hitRateLimit({ key: a, limit: 1, windowMs: 60_000, now: 0 }).ok).toBe(true);
    expect(hitRateLimit({ key: a, limit: 1, windowMs: 60_000, now: 1 }).ok).toBe(false);
    expect(hitRateLimit({ key: b, limit: 1, windowMs: 60_000, now: 1 }).ok).toBe(true);
  });

  it("is shared by two connections to the same file (two server processes)", () => {
    const k = key();
    const limit = signInLimits.perAddress.limit;
    const windowMs = signInLimits.perAddress.windowMs;
    const now = Date.now();
    expect(limit).toBe(3);
    expect(hitRateLimit({ key: k, limit, windowMs, now, database: db })).toEqual({ ok: true, remaining: 2 });
    expect(hitRateLimit({ key: k, limit, windowMs, now: now + 1, database: second })).toEqual({ ok: true, remaining: 1 });
    expect(hitRateLimit({ key: k, limit, windowMs, now: now + 2, database: db })).toEqual({ ok: true, remaining: 0 });
    const refused = hitRateLimit({ key: k, limit, windowMs, now: now + 3, database: second });
    expect(refused).toEqual({ ok: false, retryAfterSeconds: 600 });
    expect(hitRateLimit({ key: k, limit, windowMs, now: now + windowMs, database: second })).toEqual({ ok: true, remaining: 2 });
  });

  it("uses the real clock by default", () => {
    const k = key();
    expect(hitRateLimit({ key: k, limit: 1, windowMs: 60_000 })).toEqual({ ok: true, remaining: 0 });
    const refused = hitRateLimit({ key: k, limit: 1, windowMs: 60_000 });
    expect(refused.ok).toBe(false);
    expect(refused.ok === false && refused.retryAfterSeconds).toBeGreaterThanOrEqual(59);
  });
});
