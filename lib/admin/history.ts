// The history of a lärpass or a speaker, read from the revisions (lib/revisions.ts): who changed what and
// when, each changed field as a diff ready to show, and restoring an earlier version. A restore is an
// ordinary save (updateLarpass / updateSpeaker): version check, bump, public Ändringar entry, a new
// revision, marked with the revision it restored. Used by the organisers' Historik pages and by the
// speakers' own pages alike; who may restore what is the caller's check.
import "server-only";
import { desc, eq, inArray, sql } from "drizzle-orm";
import { diffWords } from "diff";
import { db as defaultDb, type DB } from "@/db";
import { larpass, organisations, revisions, speakers, type Larpass } from "@/db/schema";
import type { RevisionEntity } from "@/lib/domain";
import { snapshotLarpass, snapshotSpeaker, type LarpassSnapshot, type RevisionAuthor, type SpeakerSnapshot } from "@/lib/revisions";
import { formatDateTime } from "@/lib/time";
import { languageLabels, larpassStatusLabels } from "@/lib/domain";
import { encodeSpeakerEntry } from "@/lib/speaker-entry";
import { larpassSchema, speakerSchema } from "@/lib/validation/admin";
import { updateLarpass } from "./larpass";
import { updateSpeaker } from "./speakers";

// Display ------------------------------------------------------------------------------------------------

/** A run of words in a text diff: unchanged, added (`<ins>`) or removed (`<del>`). */
export type DiffPart = { text: string; change: "same" | "added" | "removed" };

export type FieldChange =
  /** Title, abstract, name, bio: the words that changed, in place. */
  | { field: string; label: string; kind: "text"; parts: DiffPart[] }
  /** Everything else: before → after. */
  | { field: string; label: string; kind: "value"; before: string; after: string };

export type RevisionRoleLabel = "arrangör" | "talare" | "import" | "medlem";

export type RevisionRow = {
  id: number;
  /** The lärpass's or speaker's version after this change. */
  version: number;
  createdAt: Date;
  /** createdAt in Swedish, Stockholm time: "23 november 2026 kl. 11:52". */
  when: string;
  authorLabel: string;
  roleLabel: RevisionRoleLabel;
  /** The first revision: the lärpass or speaker was created (or imported) here. */
  created: boolean;
  /** The revision this one restored, and that revision's version, when it was a restore. */
  restoredFrom: { id: number; version: number | null } | null;
  changes: FieldChange[];
  /**
   * Whether restoring it would change anything now: false for the current state (and for a revision that
   * only moved the lärpass, since a restore leaves time and room alone).
   */
  restorable: boolean;
};

export const roleLabels: Record<RevisionAuthor["role"], RevisionRoleLabel> = {
  organiser: "arrangör",
  speaker: "talare",
  system: "import",
  member: "medlem",
};

const larpassLabels: Record<keyof LarpassSnapshot, string> = {
  title: "Titel",
  abstract: "Sammanfattning",
  speakers: "Talare",
  status: "Status",
  timeSlot: "Tid",
  room: "Lokal",
  capacity: "Antal platser",
  track: "Spår",
  language: "Språk",
};
const speakerLabels: Record<keyof SpeakerSnapshot, string> = {
  name: "Namn",
  role: "Roll",
  organisation: "Organisation",
  bio: "Presentation",
};
/** Fields compared word by word; the rest are shown as before → after. */
const textFields = new Set(["title", "abstract", "name", "bio"]);

const EMPTY = "–";

function larpassValue(field: keyof LarpassSnapshot, s: Partial<LarpassSnapshot> | null): string {
  if (!s) return "";
  switch (field) {
    case "title":
    case "abstract":
      return s[field] ?? "";
    case "speakers":
      return (s.speakers ?? []).map((p) => p.name).join(", ") || "Inga talare";
    case "status":
      return s.status ? (larpassStatusLabels[s.status as Larpass["status"]] ?? s.status) : EMPTY;
    case "timeSlot":
      return s.timeSlot?.label ?? "Ingen tid";
    case "room":
      return s.room?.name ?? "Ingen lokal";
    case "capacity":
      return s.capacity != null ? String(s.capacity) : "Lokalens antal";
    case "track":
      return s.track || EMPTY;
    case "language":
      return s.language ? (languageLabels[s.language] ?? s.language) : EMPTY;
  }
}

function speakerValue(field: keyof SpeakerSnapshot, s: Partial<SpeakerSnapshot> | null): string {
  if (!s) return "";
  switch (field) {
    case "name":
    case "bio":
      return s[field] ?? "";
    case "role":
      return s.role || EMPTY;
    case "organisation":
      return s.organisation?.name ?? "Ingen organisation";
  }
}

/** The words of `before` and `after`, unchanged runs and what was removed and added. */
export function diffText(before: string, after: string): DiffPart[] {
  return diffWords(before, after).map((p) => ({ text: p.value, change: p.added ? "added" : p.removed ? "removed" : "same" }));
}

/** The fields that differ between two snapshots, in the order the form shows them, ready to display. */
export function fieldChanges(
  entity: RevisionEntity,
  before: Record<string, unknown> | null,
  after: Record<string, unknown>,
): FieldChange[] {
  const labels: Record<string, string> = entity === "larpass" ? larpassLabels : speakerLabels;
  const value = (field: string, s: Record<string, unknown> | null) =>
    entity === "larpass"
      ? larpassValue(field as keyof LarpassSnapshot, s as Partial<LarpassSnapshot> | null)
      : speakerValue(field as keyof SpeakerSnapshot, s as Partial<SpeakerSnapshot> | null);
  const out: FieldChange[] = [];
  for (const [field, label] of Object.entries(labels)) {
    const b = value(field, before);
    const a = value(field, after);
    // A new lärpass or speaker lists what it was created with (empty fields left out).
    if (!before && (a === "" || a === EMPTY)) continue;
    if (before && JSON.stringify(before[field] ?? null) === JSON.stringify(after[field] ?? null)) continue;
    if (b === a && before) continue;
    if (textFields.has(field)) out.push({ field, label, kind: "text", parts: diffText(b, a) });
    else out.push({ field, label, kind: "value", before: before ? b || EMPTY : EMPTY, after: a || EMPTY });
  }
  return out;
}

// What a restore writes back ------------------------------------------------------------------------------

/** A restore brings back these lärpass fields; time, room and status stay (moves and cancellations have their own flows). */
const restoredLarpassFields = ["title", "abstract", "speakers", "capacity", "track", "language"] as const;
/** A restore brings back these speaker fields; the address name and the private e-mail stay. */
const restoredSpeakerFields = ["name", "role", "organisation", "bio"] as const;

function restorablePart(entity: RevisionEntity, s: Record<string, unknown> | null): string {
  if (!s) return "";
  const fields: readonly string[] = entity === "larpass" ? restoredLarpassFields : restoredSpeakerFields;
  return JSON.stringify(
    fields.map((f) => {
      const v = s[f] ?? null;
      // Compare speakers and organisations by id: a rename since does not make an old version "different".
      if (Array.isArray(v)) return v.map((x) => (x as { id: number }).id);
      if (v && typeof v === "object" && "id" in v) return (v as { id: number }).id;
      return v;
    }),
  );
}

function currentSnapshot(database: DB, entity: RevisionEntity, id: number) {
  return (entity === "larpass" ? snapshotLarpass(database, id) : snapshotSpeaker(database, id)) as Record<string, unknown> | null;
}

// Reading ------------------------------------------------------------------------------------------------

const entityColumn = (entity: RevisionEntity) => (entity === "larpass" ? revisions.larpassId : revisions.speakerId);

/** The revisions of a lärpass or speaker, newest first, each with its changed fields as diffs. */
export function listRevisions({
  entity,
  id,
  database = defaultDb,
}: {
  entity: RevisionEntity;
  id: number;
  database?: DB;
}): RevisionRow[] {
  const rows = database
    .select()
    .from(revisions)
    .where(eq(entityColumn(entity), id))
    .orderBy(desc(revisions.id))
    .all();
  const current = restorablePart(entity, currentSnapshot(database, entity, id));
  const restoredIds = [...new Set(rows.flatMap((r) => (r.restoredFrom != null ? [r.restoredFrom] : [])))];
  const restoredVersions = new Map(
    restoredIds.length
      ? database
          .select({ id: revisions.id, version: revisions.version })
          .from(revisions)
          .where(inArray(revisions.id, restoredIds))
          .all()
          .map((r) => [r.id, r.version])
      : [],
  );
  return rows.map((r) => ({
    id: r.id,
    version: r.version,
    createdAt: r.createdAt,
    when: formatDateTime(r.createdAt, "Europe/Stockholm"),
    authorLabel: r.authorLabel,
    roleLabel: roleLabels[r.authorRole],
    created: r.before == null,
    restoredFrom: r.restoredFrom != null ? { id: r.restoredFrom, version: restoredVersions.get(r.restoredFrom) ?? null } : null,
    changes: fieldChanges(entity, r.before, r.after),
    restorable: restorablePart(entity, r.after) !== current,
  }));
}

/** How many revisions a lärpass or speaker has (for the "Historik (N ändringar)" link). */
export function countRevisions({ entity, id, database = defaultDb }: { entity: RevisionEntity; id: number; database?: DB }): number {
  return (
    database
      .select({ n: sql<number>`count(*)` })
      .from(revisions)
      .where(eq(entityColumn(entity), id))
      .get()?.n ?? 0
  );
}

/** "1 ändring", "3 ändringar". */
export function changesCount(n: number): string {
  return n === 1 ? "1 ändring" : `${n} ändringar`;
}

export type HistorySubject = {
  entity: RevisionEntity;
  id: number;
  /** The lärpass's title or the speaker's name. */
  name: string;
  /** The current version: a restore is refused unless it is still this one. */
  version: number;
  /** The lärpass's event (null for a speaker). */
  eventId: number | null;
};

/** What a history page is about, or null when it does not exist. */
export function getHistorySubject({ entity, id, database = defaultDb }: { entity: RevisionEntity; id: number; database?: DB }): HistorySubject | null {
  if (entity === "larpass") {
    const row = database
      .select({ title: larpass.title, version: larpass.version, eventId: larpass.eventId })
      .from(larpass)
      .where(eq(larpass.id, id))
      .get();
    return row ? { entity, id, name: row.title, version: row.version, eventId: row.eventId } : null;
  }
  const row = database.select({ name: speakers.name, version: speakers.version }).from(speakers).where(eq(speakers.id, id)).get();
  return row ? { entity, id, name: row.name, version: row.version, eventId: null } : null;
}

// Restoring ----------------------------------------------------------------------------------------------

export type RestoreResult =
  | { ok: true; entity: RevisionEntity; id: number; version: number; notes: string[] }
  | {
      ok: false;
      reason: "not_found" | "stale" | "current" | "invalid";
      message: string;
      /** The lärpass or speaker the revision belongs to, when the revision exists. */
      entity?: RevisionEntity;
      id?: number;
    };

export const restoreMessages = {
  not_found: "Versionen finns inte längre. Lärpasset eller talaren kan ha tagits bort.",
  stale: "Den har ändrats av någon annan sedan du öppnade den. Ingenting är återställt: titta på den senaste ändringen och försök igen.",
  current: "Den här versionen är redan den nuvarande. Ingenting behövde återställas.",
  invalid: "Versionen gick inte att återställa.",
} as const;

/**
 * Restores the *after* state of a revision as a new save by `author`, if the lärpass or speaker is still at
 * `expectedVersion`. Lärpass: title, abstract, speakers (those that still exist), number of seats, track and
 * language; time, room and status stay as they are. Speakers: name, role, organisation (if it still exists)
 * and presentation. The new revision records `restoredFrom`; a published lärpass's changes appear on the
 * public Ändringar page as for any edit.
 */
export async function restoreRevision({
  revisionId,
  expectedVersion,
  author,
  database = defaultDb,
}: {
  revisionId: number;
  expectedVersion: number;
  author: RevisionAuthor;
  database?: DB;
}): Promise<RestoreResult> {
  const rev = database.select().from(revisions).where(eq(revisions.id, revisionId)).get();
  if (!rev) return { ok: false, reason: "not_found", message: restoreMessages.not_found };
  const entity = rev.entity;
  const id = (entity === "larpass" ? rev.larpassId : rev.speakerId)!;
  const refuse = (reason: "not_found" | "stale" | "current" | "invalid", message: string = restoreMessages[reason]) =>
    ({ ok: false, reason, message, entity, id }) as const;

  if (entity === "larpass") {
    const row = database.select().from(larpass).where(eq(larpass.id, id)).get();
    if (!row) return refuse("not_found");
    if (row.version !== expectedVersion) return refuse("stale");
    if (restorablePart(entity, rev.after) === restorablePart(entity, currentSnapshot(database, entity, id))) return refuse("current");
    const snap = rev.after as LarpassSnapshot;
    const wanted = snap.speakers ?? [];
    const existing = new Set(
      wanted.length
        ? database
            .select({ id: speakers.id })
            .from(speakers)
            .where(inArray(speakers.id, wanted.map((s) => s.id)))
            .all()
            .map((s) => s.id)
        : [],
    );
    const missing = wanted.filter((s) => !existing.has(s.id));
    // Through the form's own schema, so a restore obeys the same rules as a save.
    const input = larpassSchema.safeParse({
      title: snap.title,
      slug: row.slug,
      abstract: snap.abstract,
      speakers: wanted.filter((s) => existing.has(s.id)).map((s) => encodeSpeakerEntry({ kind: "existing", id: s.id })),
      timeSlotId: row.timeSlotId ? String(row.timeSlotId) : "",
      roomId: row.roomId ? String(row.roomId) : "",
      capacity: snap.capacity != null ? String(snap.capacity) : "",
      status: row.status,
      track: snap.track ?? "",
      language: snap.language,
    });
    if (!input.success) return refuse("invalid", `${restoreMessages.invalid} ${input.error.issues[0]?.message ?? ""}`.trim());
    // Time, room and status do not change, so nobody is moved or released: only a smaller number of
    // seats can be "a consequence", and it never takes a seat from anyone.
    const saved = await updateLarpass({ id, expectedVersion, input: input.data, author, confirmed: true, restoredFrom: rev.id, database });
    if (saved.ok) {
      const notes = missing.length
        ? [`${missing.map((s) => s.name).join(", ")} finns inte längre som talare och kom inte med.`]
        : [];
      return { ok: true, entity, id, version: saved.version, notes };
    }
    if ("conflict" in saved) return refuse("stale");
    if ("errors" in saved) return refuse("invalid", Object.values(saved.errors).find(Boolean) ?? restoreMessages.invalid);
    return refuse("invalid");
  }

  const row = database.select().from(speakers).where(eq(speakers.id, id)).get();
  if (!row) return refuse("not_found");
  if (row.version !== expectedVersion) return refuse("stale");
  if (restorablePart(entity, rev.after) === restorablePart(entity, currentSnapshot(database, entity, id))) return refuse("current");
  const snap = rev.after as SpeakerSnapshot;
  const org = snap.organisation
    ? database.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, snap.organisation.id)).get()
    : undefined;
  const input = speakerSchema.safeParse({
    name: snap.name,
    slug: row.slug,
    role: snap.role ?? "",
    organisationId: org ? String(org.id) : "",
    bio: snap.bio,
    email: row.email ?? "",
  });
  if (!input.success) return refuse("invalid", `${restoreMessages.invalid} ${input.error.issues[0]?.message ?? ""}`.trim());
  const saved = updateSpeaker({ id, input: input.data, expectedVersion, author, restoredFrom: rev.id, database });
  if (saved.ok) {
    const notes = snap.organisation && !org ? [`Organisationen ${snap.organisation.name} finns inte längre; talaren är utan organisation.`] : [];
    return { ok: true, entity, id, version: saved.version, notes };
  }
  if ("conflict" in saved) return refuse("stale");
  return refuse("invalid", Object.values(saved.errors).find(Boolean) ?? restoreMessages.invalid);
}
