// The public record of what changed in a published programme ("Ändringar"), written inside the same
// transaction as the change itself.
import { and, desc, eq, gte } from "drizzle-orm";
import { db as defaultDb, type DB } from "@/db";
import { events, larpass, programmeChanges, type ChangeKind } from "@/db/schema";

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

export const changeKindLabels: Record<ChangeKind, string> = {
  new: "Nytt lärpass",
  time: "Ny tid",
  room: "Ny lokal",
  title: "Ny titel",
  abstract: "Ny sammanfattning",
  speakers: "Ändrade talare",
  cancelled: "Inställt",
  removed: "Borttaget",
  restored: "Åter i programmet",
};
