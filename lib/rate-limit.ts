import { eq, sql } from "drizzle-orm";
import { db as defaultDb, type DB } from "@/db";
import { rateLimits } from "@/db/schema";

export type RateLimitResult = { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

/**
 * Fixed-window counter in SQLite, shared by every server process. Counts the attempt and says whether
 * it is within `limit` per `windowMs`.
 */
export function hitRateLimit({
  key,
  limit,
  windowMs,
  now = Date.now(),
  database = defaultDb,
}: {
  key: string;
  limit: number;
  windowMs: number;
  now?: number;
  database?: DB;
}): RateLimitResult {
  return database.transaction(
    (tx) => {
      const row = tx.select().from(rateLimits).where(eq(rateLimits.key, key)).get();
      if (!row || now - row.windowStart >= windowMs) {
        tx.insert(rateLimits)
          .values({ key, windowStart: now, count: 1 })
          .onConflictDoUpdate({ target: rateLimits.key, set: { windowStart: now, count: 1 } })
          .run();
        return { ok: true as const, remaining: limit - 1 };
      }
      if (row.count >= limit) {
        return { ok: false as const, retryAfterSeconds: Math.ceil((row.windowStart + windowMs - now) / 1000) };
      }
      tx.update(rateLimits)
        .set({ count: sql`${rateLimits.count} + 1` })
        .where(eq(rateLimits.key, key))
        .run();
      return { ok: true as const, remaining: limit - row.count - 1 };
    },
    { behavior: "immediate" },
  );
}

/** Sign-in mails: a few per address (someone mistyping theirs), more per client (a shared office network). */
export const signInLimits = {
  perAddress: { limit: 3, windowMs: 10 * 60_000 },
  perClient: { limit: 20, windowMs: 10 * 60_000 },
};
