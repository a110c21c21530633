// The public record of what changed in a published programme ("Ändringar"), written inside the same
// transaction as the change itself.
import { and, desc, eq, gte, max } from "drizzle-orm";
import { db as defaultDb, type DB } from "@/db";
import { events, larpass, programmeChanges, type ProgrammeChange } from "@/db/schema";
import type { ChangeKind } from "@/lib/domain";

type Tx = Pick<DB, "select" | "insert">;

/**
 * Records a change when it concerns the public programme: the event is published and the lärpass is
 * (or was) visible. Drafts change freely without noise.
 */
export function recordChange(
  tx: Tx,
  change: { larpassId: number; kind: ChangeKind; before?: string | null; after?: string | null; wasPublic?: boolean },
): void {
  const row = tx
    .select({ eventId: larpass.eventId, title: larpass.title, status: larpass.status, published: events.published })
    .from(larpass)
    .innerJoin(events, eq(events.id, larpass.eventId))
    .where(eq(larpass.id, change.larpassId))
    .get();
  if (!row || !row.published) return;
  const isPublic = row.status !== "draft" || change.wasPublic === true;
  if (!isPublic) return;
  tx.insert(programmeChanges)
    .values({
      eventId: row.eventId,
      larpassId: change.larpassId,
      larpassTitle: row.title,
      kind: change.kind,
      before: change.before ?? null,
      after: change.after ?? null,
    })
    .run();
}

export function listChanges({
  eventId,
  since,
  database = defaultDb,
}: {
  eventId: number;
  since?: Date;
  database?: DB;
}) {
  return database
    .select()
    .from(programmeChanges)
    .where(and(eq(programmeChanges.eventId, eventId), since ? gte(programmeChanges.createdAt, since) : undefined))
    .orderBy(desc(programmeChanges.createdAt), desc(programmeChanges.id))
    .all();
}

export type PublicChange = ProgrammeChange & {
  /** The lärpass's slug while it is public (published or cancelled), for a link; null otherwise. */
  larpassSlug: string | null;
};

/** The changes of an event, newest first, with a link target for the lärpass that are still public. */
export function listPublicChanges({ eventId, database = defaultDb }: { eventId: number; database?: DB }): PublicChange[] {
  return database
    .select({ change: programmeChanges, slug: larpass.slug, status: larpass.status })
    .from(programmeChanges)
    .leftJoin(larpass, eq(larpass.id, programmeChanges.larpassId))
    .where(eq(programmeChanges.eventId, eventId))
    .orderBy(desc(programmeChanges.createdAt), desc(programmeChanges.id))
    .all()
    .map((r) => ({ ...r.change, larpassSlug: r.slug && r.status !== "draft" ? r.slug : null }));
}

/** When the newest change of the event was recorded, or null. */
export function latestChangeAt({ eventId, database = defaultDb }: { eventId: number; database?: DB }): Date | null {
  const row = database
    .select({ at: max(programmeChanges.createdAt) })
    .from(programmeChanges)
    .where(eq(programmeChanges.eventId, eventId))
    .get();
  return row?.at ?? null;
}


