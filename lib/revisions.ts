// Revisions: every saved change to a lärpass or a speaker, with who made it and the editable fields
// before and after. Written inside the same transaction as the change itself, by organiser edits,
// speaker edits, imports and restores alike. (No "server-only": the import CLI writes revisions too.)
import { asc, eq, sql } from "drizzle-orm";
import type { DB } from "@/db";
import { larpass, larpassSpeakers, organisations, rooms, revisions, speakers, timeSlots } from "@/db/schema";
import type { Role } from "@/lib/domain";

type Tx = Pick<DB, "select" | "insert">;
type WriteTx = Pick<DB, "select" | "insert" | "update">;

export type RevisionAuthor = { userId: string | null; label: string; role: Role | "system" };

/** The author for changes made by a signed-in user. */
export function authorOf(user: { id: string; email: string; name?: string | null; role: Role }): RevisionAuthor {
  return { userId: user.id, label: user.name ? `${user.name} (${user.email})` : user.email, role: user.role };
}

/** The author for the command-line import (no account). */
export const importAuthor: RevisionAuthor = { userId: null, label: "Import", role: "system" };

/** The author for an import an organiser runs in the browser: "Import av <who>", with the organiser's role. */
export function importAuthorOf(user: Parameters<typeof authorOf>[0]): RevisionAuthor {
  const author = authorOf(user);
  return { ...author, label: `Import av ${author.label}` };
}

/**
 * The editable fields of a lärpass. Ids are what a restore writes back; the names beside them keep an
 * old revision readable after a room, slot or speaker has been renamed or deleted.
 */
export type LarpassSnapshot = {
  title: string;
  abstract: string;
  status: string;
  capacity: number | null;
  track: string | null;
  language: string;
  timeSlot: { id: number; label: string } | null;
  room: { id: number; name: string } | null;
  speakers: { id: number; name: string }[];
};

export type SpeakerSnapshot = {
  name: string;
  role: string | null;
  bio: string;
  organisation: { id: number; name: string } | null;
};

export function snapshotLarpass(tx: Tx, id: number): LarpassSnapshot | null {
  const row = tx
    .select({
      title: larpass.title,
      abstract: larpass.abstract,
      status: larpass.status,
      capacity: larpass.capacity,
      track: larpass.track,
      language: larpass.language,
      slotId: timeSlots.id,
      slotStartsAt: timeSlots.startsAt,
      slotEndsAt: timeSlots.endsAt,
      slotLabel: timeSlots.label,
      roomId: rooms.id,
      roomName: rooms.name,
    })
    .from(larpass)
    .leftJoin(timeSlots, eq(timeSlots.id, larpass.timeSlotId))
    .leftJoin(rooms, eq(rooms.id, larpass.roomId))
    .where(eq(larpass.id, id))
    .get();
  if (!row) return null;
  const people = tx
    .select({ id: speakers.id, name: speakers.name })
    .from(larpassSpeakers)
    .innerJoin(speakers, eq(speakers.id, larpassSpeakers.speakerId))
    .where(eq(larpassSpeakers.larpassId, id))
    .orderBy(asc(larpassSpeakers.position))
    .all();
  return {
    title: row.title,
    abstract: row.abstract,
    status: row.status,
    capacity: row.capacity,
    track: row.track,
    language: row.language,
    timeSlot:
      row.slotId != null && row.slotStartsAt && row.slotEndsAt
        ? { id: row.slotId, label: slotLabel(row.slotStartsAt, row.slotEndsAt, row.slotLabel) }
        : null,
    room: row.roomId != null ? { id: row.roomId, name: row.roomName ?? "" } : null,
    speakers: people,
  };
}

export function snapshotSpeaker(tx: Tx, id: number): SpeakerSnapshot | null {
  const row = tx
    .select({ name: speakers.name, role: speakers.role, bio: speakers.bio, orgId: organisations.id, orgName: organisations.name })
    .from(speakers)
    .leftJoin(organisations, eq(organisations.id, speakers.organisationId))
    .where(eq(speakers.id, id))
    .get();
  if (!row) return null;
  return {
    name: row.name,
    role: row.role,
    bio: row.bio,
    organisation: row.orgId != null ? { id: row.orgId, name: row.orgName ?? "" } : null,
  };
}

const stockholm = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "Europe/Stockholm",
  weekday: "short",
  day: "numeric",
  month: "short",
  hour: "2-digit",
  minute: "2-digit",
});
const clock = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm", hour: "2-digit", minute: "2-digit" });

/** The time itself even where the slot has a name, so that a slot's new time shows in the history. */
function slotLabel(startsAt: Date, endsAt: Date, name: string | null): string {
  const time = `${stockholm.format(startsAt)}–${clock.format(endsAt)}`;
  return name ? `${time} (${name})` : time;
}

/**
 * Records one revision. `before` is null for something new. Nothing is written when nothing changed,
 * so saving an untouched form leaves no empty entry in the history.
 */
export function recordRevision(
  tx: Tx,
  r: {
    entity: "larpass" | "speaker";
    id: number;
    version: number;
    author: RevisionAuthor;
    before: LarpassSnapshot | SpeakerSnapshot | null;
    after: LarpassSnapshot | SpeakerSnapshot;
    restoredFrom?: number;
  },
): void {
  if (r.before && JSON.stringify(r.before) === JSON.stringify(r.after)) return;
  tx.insert(revisions)
    .values({
      entity: r.entity,
      larpassId: r.entity === "larpass" ? r.id : null,
      speakerId: r.entity === "speaker" ? r.id : null,
      authorId: r.author.userId,
      authorLabel: r.author.label,
      authorRole: r.author.role,
      version: r.version,
      before: r.before as Record<string, unknown> | null,
      after: r.after as Record<string, unknown>,
      restoredFrom: r.restoredFrom ?? null,
    })
    .run();
}

/**
 * For changes made elsewhere that alter what a lärpass's or speaker's snapshot shows (a slot's new time, a
 * deleted speaker or organisation): runs `change`, then gives each of `ids` whose snapshot it changed a new
 * version (so a form opened before it meets a version conflict) and a revision by `author`.
 */
export function reviseAround(
  tx: WriteTx,
  r: { entity: "larpass" | "speaker"; ids: number[]; author: RevisionAuthor },
  change: () => void,
): void {
  const snapshot = (id: number) => (r.entity === "larpass" ? snapshotLarpass(tx, id) : snapshotSpeaker(tx, id));
  const before = new Map(r.ids.map((id) => [id, snapshot(id)]));
  change();
  for (const [id, was] of before) {
    const now = snapshot(id);
    if (!was || !now || JSON.stringify(was) === JSON.stringify(now)) continue;
    const table = r.entity === "larpass" ? larpass : speakers;
    const { version } = tx
      .update(table)
      .set({ version: sql`${table.version} + 1`, updatedAt: new Date() })
      .where(eq(table.id, id))
      .returning({ version: table.version })
      .get()!;
    recordRevision(tx, { entity: r.entity, id, version, author: r.author, before: was, after: now });
  }
}
