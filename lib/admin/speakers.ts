// Speakers: they outlive a single event, so they are managed on their own pages (organisations likewise,
// in organisations.ts).
// Each change is one transaction; removing a speaker from published lärpass is logged as a change.
// Every change to a speaker is a revision (lib/revisions.ts), and a save from a stale form is refused.
import "server-only";
import { and, eq, inArray, ne, sql } from "drizzle-orm";
import { db as defaultDb, type DB } from "@/db";
import { events, larpass, larpassSpeakers, organisations, speakers, type Speaker } from "@/db/schema";
import { recordChange } from "@/lib/changes";
import { recordRevision, reviseAround, snapshotSpeaker, type RevisionAuthor } from "@/lib/revisions";
import { slugify, uniqueSlug } from "@/lib/slug";
import { foldForSearch, sortBySv } from "@/lib/text";
import type { SpeakerField, SpeakerInput } from "@/lib/validation/admin";
import type { FieldErrors } from "@/lib/validation/form";
import type { DeletionImpact } from "./deletion";

type Tx = Pick<DB, "select" | "insert" | "update" | "delete">;

export type PeopleResult<F extends string> = { ok: true; id: number } | { ok: false; errors: FieldErrors<F> };

export const gone = { ok: false as const, errors: { form: "Det finns inte längre. Någon kan ha tagit bort det." } };

/** The slugs already used in the table, for a new row's unique slug. */
export function takenSlugs(tx: Pick<DB, "select">, table: typeof speakers | typeof organisations): Set<string> {
  return new Set(tx.select({ slug: table.slug }).from(table).all().map((r) => r.slug));
}

// Used by the lärpass form's "ny talare" --------------------------------------------------------------

/** A speaker with this name at this organisation, reused when one exists, else created (a revision by `author`). */
export function findOrCreateSpeaker(
  tx: Tx,
  s: { name: string; role: string | null; organisationId: number | null },
  author: RevisionAuthor,
): number {
  const wanted = foldForSearch(s.name);
  const existing = tx
    .select({ id: speakers.id, name: speakers.name, organisationId: speakers.organisationId })
    .from(speakers)
    .all()
    .find((r) => foldForSearch(r.name) === wanted && (r.organisationId ?? null) === s.organisationId);
  if (existing) return existing.id;
  const slug = uniqueSlug(slugify(s.name), takenSlugs(tx, speakers));
  const row = tx
    .insert(speakers)
    .values({ name: s.name.trim(), slug, role: s.role, organisationId: s.organisationId })
    .returning({ id: speakers.id, version: speakers.version })
    .get();
  recordRevision(tx, { entity: "speaker", id: row.id, version: row.version, author, before: null, after: snapshotSpeaker(tx, row.id)! });
  return row.id;
}

// Speakers -------------------------------------------------------------------------------------------------

export type AdminSpeakerRow = Pick<Speaker, "id" | "slug" | "name" | "role"> & { organisation: string | null; larpassCount: number };

/** All speakers in Swedish alphabetical order, with their organisation and how many lärpass they are in. */
export function listAdminSpeakers({ database = defaultDb }: { database?: DB } = {}): AdminSpeakerRow[] {
  // The outer column is named in full: in a one-table select drizzle writes ${speakers.id} as a bare "id".
  const rows = database
    .select({
      id: speakers.id,
      slug: speakers.slug,
      name: speakers.name,
      role: speakers.role,
      organisation: organisations.name,
      larpassCount: sql<number>`(select count(*) from larpass_speakers ls where ls.speaker_id = "speakers"."id")`,
    })
    .from(speakers)
    .leftJoin(organisations, eq(organisations.id, speakers.organisationId))
    .all();
  return sortBySv(rows, (r) => r.name);
}

export type AdminSpeaker = Speaker & { larpass: { id: number; title: string; eventName: string }[] };

export function getAdminSpeaker({ id, database = defaultDb }: { id: number; database?: DB }): AdminSpeaker | null {
  const row = database.select().from(speakers).where(eq(speakers.id, id)).get();
  if (!row) return null;
  const list = database
    .select({ id: larpass.id, title: larpass.title, eventName: events.name })
    .from(larpassSpeakers)
    .innerJoin(larpass, eq(larpass.id, larpassSpeakers.larpassId))
    .innerJoin(events, eq(events.id, larpass.eventId))
    .where(eq(larpassSpeakers.speakerId, id))
    .all();
  return { ...row, larpass: sortBySv(list, (l) => l.title) };
}

function checkSpeaker(tx: Pick<DB, "select">, input: SpeakerInput, exceptId?: number): FieldErrors<SpeakerField> | null {
  if (input.slug) {
    const other = tx.select({ id: speakers.id, name: speakers.name }).from(speakers).where(eq(speakers.slug, input.slug)).get();
    if (other && other.id !== exceptId) return { slug: `Adressnamnet "${input.slug}" används redan av ${other.name}. Välj ett annat.` };
  }
  if (input.organisationId) {
    const org = tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, input.organisationId)).get();
    if (!org) return { organisationId: "Organisationen finns inte längre. Välj en annan." };
  }
  return null;
}

export function createSpeaker({
  input,
  author,
  database = defaultDb,
}: {
  input: SpeakerInput;
  author: RevisionAuthor;
  database?: DB;
}): PeopleResult<SpeakerField> {
  return database.transaction(
    (tx): PeopleResult<SpeakerField> => {
      const errors = checkSpeaker(tx, input);
      if (errors) return { ok: false, errors };
      const slug = input.slug ?? uniqueSlug(slugify(input.name), takenSlugs(tx, speakers));
      const row = tx
        .insert(speakers)
        .values({ name: input.name, slug, role: input.role, organisationId: input.organisationId, bio: input.bio, email: input.email })
        .returning({ id: speakers.id, version: speakers.version })
        .get();
      recordRevision(tx, { entity: "speaker", id: row.id, version: row.version, author, before: null, after: snapshotSpeaker(tx, row.id)! });
      return { ok: true, id: row.id };
    },
    { behavior: "immediate" },
  );
}

/** Published lärpass the speaker is in: a new name or organisation there is a visible change. */
export function publicLarpassOf(tx: Pick<DB, "select">, speakerIds: number[]): number[] {
  if (speakerIds.length === 0) return [];
  return [
    ...new Set(
      tx
        .select({ id: larpass.id })
        .from(larpassSpeakers)
        .innerJoin(larpass, eq(larpass.id, larpassSpeakers.larpassId))
        .innerJoin(events, eq(events.id, larpass.eventId))
        .where(and(inArray(larpassSpeakers.speakerId, speakerIds), ne(larpass.status, "draft"), eq(events.published, true)))
        .all()
        .map((r) => r.id),
    ),
  ];
}

/** The speaker form's fields as text, the way the form shows and sends them. */
export type SpeakerFormValues = { name: string; slug: string; role: string; organisationId: string; bio: string; email: string };
/** The same in words (the organisation's name), for showing two versions side by side. */
export type SpeakerDisplay = { name: string; slug: string; role: string; organisation: string; bio: string; email: string };
export type SpeakerVersion = { version: number; updatedAt: Date; values: SpeakerFormValues; display: SpeakerDisplay };

export type SaveSpeakerResult =
  | { ok: true; id: number; version: number }
  | { ok: false; errors: FieldErrors<SpeakerField> }
  /** Someone else saved since the form was opened: nothing written. */
  | { ok: false; conflict: { current: SpeakerVersion; yours: SpeakerDisplay } };

function organisationName(tx: Pick<DB, "select">, orgId: number | null): string | null {
  return orgId ? (tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, orgId)).get()?.name ?? null) : null;
}

export function speakerFormValuesOf(row: Speaker): SpeakerFormValues {
  return {
    name: row.name,
    slug: row.slug,
    role: row.role ?? "",
    organisationId: row.organisationId ? String(row.organisationId) : "",
    bio: row.bio,
    email: row.email ?? "",
  };
}

function speakerDisplay(
  tx: Pick<DB, "select">,
  v: { name: string; slug: string | null; role: string | null; organisationId: number | null; bio: string; email: string | null },
): SpeakerDisplay {
  return {
    name: v.name,
    slug: v.slug ?? "",
    role: v.role ?? "",
    organisation: organisationName(tx, v.organisationId) ?? "Ingen organisation",
    bio: v.bio,
    email: v.email ?? "",
  };
}

/**
 * Saves an edited speaker if nobody else (an organiser, or the speaker on Mina lärpass) saved since
 * `expectedVersion`; every save bumps speakers.version and is one revision by `author` (none when
 * nothing changed). `restoredFrom` marks a restore (lib/admin/history.ts).
 */
export function updateSpeaker({
  id,
  input,
  expectedVersion,
  author,
  restoredFrom,
  database = defaultDb,
}: {
  id: number;
  input: SpeakerInput;
  expectedVersion: number;
  author: RevisionAuthor;
  restoredFrom?: number;
  database?: DB;
}): SaveSpeakerResult {
  return database.transaction(
    (tx): SaveSpeakerResult => {
      const row = tx.select().from(speakers).where(eq(speakers.id, id)).get();
      if (!row) return gone;
      if (row.version !== expectedVersion) {
        return {
          ok: false,
          conflict: {
            current: { version: row.version, updatedAt: row.updatedAt, values: speakerFormValuesOf(row), display: speakerDisplay(tx, row) },
            yours: speakerDisplay(tx, input),
          },
        };
      }
      const errors = checkSpeaker(tx, input, id);
      if (errors) return { ok: false, errors };
      const line = (name: string, orgId: number | null) => [name, organisationName(tx, orgId)].filter(Boolean).join(", ");
      const before = line(row.name, row.organisationId);
      const snapshot = snapshotSpeaker(tx, id);
      tx.update(speakers)
        .set({
          name: input.name,
          slug: input.slug ?? row.slug,
          role: input.role,
          organisationId: input.organisationId,
          bio: input.bio,
          email: input.email,
          // An invitation is for the address it was sent to: a new address must be invited before it can link.
          invitedAt: (row.email ?? "").toLowerCase() === (input.email ?? "").toLowerCase() ? row.invitedAt : null,
          version: expectedVersion + 1,
          updatedAt: new Date(),
        })
        .where(eq(speakers.id, id))
        .run();
      const after = line(input.name, input.organisationId);
      if (before !== after) {
        for (const larpassId of publicLarpassOf(tx, [id])) recordChange(tx, { larpassId, kind: "speakers", before, after });
      }
      recordRevision(tx, { entity: "speaker", id, version: expectedVersion + 1, author, before: snapshot, after: snapshotSpeaker(tx, id)!, restoredFrom });
      return { ok: true, id, version: expectedVersion + 1 };
    },
    { behavior: "immediate" },
  );
}

/** The speaker's lärpass lose them: each gets a revision by `author` (the speaker's own history goes with it). */
export function deleteSpeaker({ id, author, database = defaultDb }: { id: number; author: RevisionAuthor; database?: DB }): boolean {
  return database.transaction(
    (tx) => {
      const row = tx.select().from(speakers).where(eq(speakers.id, id)).get();
      if (!row) return false;
      for (const larpassId of publicLarpassOf(tx, [id])) {
        recordChange(tx, { larpassId, kind: "speakers", before: row.name, after: `${row.name} medverkar inte längre` });
      }
      const affected = tx.select({ id: larpassSpeakers.larpassId }).from(larpassSpeakers).where(eq(larpassSpeakers.speakerId, id)).all();
      reviseAround(tx, { entity: "larpass", ids: affected.map((a) => a.id), author }, () => tx.delete(speakers).where(eq(speakers.id, id)).run());
      return true;
    },
    { behavior: "immediate" },
  );
}

export function describeSpeakerDeletion({ id, database = defaultDb }: { id: number; database?: DB }): DeletionImpact | null {
  const s = getAdminSpeaker({ id, database });
  if (!s) return null;
  const consequences: string[] = [];
  if (s.larpass.length) {
    consequences.push(
      `${s.name} tas bort som talare från ${s.larpass.length} lärpass: ${s.larpass.map((l) => `${l.title} (${l.eventName})`).join("; ")}.`,
    );
    const pub = publicLarpassOf(database, [id]).length;
    if (pub) consequences.push(`${pub} av dem är publicerade; ändringen noteras på sidan Ändringar.`);
  }
  return {
    kind: "talare",
    id,
    what: `talaren ${s.name}`,
    consequences,
    backHref: `/arrangor/talare/${id}`,
    doneHref: "/arrangor/talare?borttaget=talare",
  };
}
