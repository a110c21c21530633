// Shared by the documentation's write functions: the event's documentation row (made on first use), its
// revisions, and the small result type. No "server-only": the demo seed writes documentation too.
import { and, eq } from "drizzle-orm";
import type { DB } from "@/db";
import { docQuestions, docRevisions, documentations, events, larpass, type Documentation, type Event } from "@/db/schema";
import type { RevisionAuthor } from "@/lib/revisions";

export type Tx = Pick<DB, "select" | "insert" | "update" | "delete">;
export type Result<T = object> = ({ ok: true } & T) | { ok: false; message: string; field?: string };

export const GONE = "Det du försökte ändra finns inte längre. Ladda om sidan.";

export function fail(message: string, field?: string): { ok: false; message: string; field?: string } {
  return { ok: false, message, ...(field ? { field } : {}) };
}

/** The event's documentation settings, created with the defaults the first time they are needed. */
export function ensureDocumentation(tx: Tx, eventId: number): Documentation {
  const row = tx.select().from(documentations).where(eq(documentations.eventId, eventId)).get();
  if (row) return row;
  return tx.insert(documentations).values({ eventId }).returning().get();
}

export function readDocumentation(tx: Pick<DB, "select">, eventId: number): Documentation | null {
  return tx.select().from(documentations).where(eq(documentations.eventId, eventId)).get() ?? null;
}

export function eventById(tx: Pick<DB, "select">, eventId: number): Event | null {
  return tx.select().from(events).where(eq(events.id, eventId)).get() ?? null;
}

export function larpassOfEvent(tx: Pick<DB, "select">, eventId: number, larpassId: number) {
  return tx.select().from(larpass).where(and(eq(larpass.id, larpassId), eq(larpass.eventId, eventId))).get() ?? null;
}

export function questionOfEvent(tx: Pick<DB, "select">, eventId: number, questionId: number) {
  return tx.select().from(docQuestions).where(and(eq(docQuestions.id, questionId), eq(docQuestions.eventId, eventId))).get() ?? null;
}

/**
 * One change in the documentation workspace (table doc_revisions): who, when, what
 * (`what` names the kind of change, e.g. "svar rättat") and the values before and after. Nothing is written
 * when nothing changed.
 */
export function recordDocRevision(
  tx: Pick<DB, "insert">,
  r: { eventId: number; author: RevisionAuthor; what: string; before: Record<string, unknown> | null; after: Record<string, unknown> },
): void {
  if (r.before && JSON.stringify(r.before) === JSON.stringify(r.after)) return;
  tx.insert(docRevisions)
    .values({
      eventId: r.eventId,
      authorId: r.author.userId,
      authorLabel: r.author.label,
      authorRole: r.author.role,
      what: r.what,
      before: r.before,
      after: r.after,
    })
    .run();
}
