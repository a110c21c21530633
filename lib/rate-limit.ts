import { eq, sql } from "drizzle-orm";
import { db as defaultDb, type DB } from "@/db";
import { rateLimits } from "@/db/schema";

export type RateLimitResult = { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

/**
 * The mailbox an address delivers to, for rate limits: lower case, without a "+tag" in the local part
 * (sub-addressing, which most mail systems offer). "Anna+1@Region.se" and "anna@region.se" are one mailbox.
 */
export function mailboxKey(email: string): string {
  const address = email.trim().toLowerCase();
  const at = address.lastIndexOf("@");
  if (at <= 0) return address;
  const local = address.slice(0, at).split("+")[0] || address.slice(0, at);
  return `${local}@${address.slice(at + 1)}`;
}

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

/**
 * Sign-in mails: a few per address (someone mistyping theirs), a few more per mailbox (the address with any
 * "+tag" removed, so anna+1@…, anna+2@… count together), more per client (a shared office network).
 */
export const signInLimits = {
  perAddress: { limit: 3, windowMs: 10 * 60_000 },
  perMailbox: { limit: 5, windowMs: 10 * 60_000 },
  perClient: { limit: 20, windowMs: 10 * 60_000 },
};
