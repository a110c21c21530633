// Creating, editing and deleting lärpass. Each save is one transaction and is checked against the version
// the organiser's form was opened with: a save from a stale form is refused with both versions, never
// written over what someone else saved. Changes to the public programme are logged (lib/changes.ts);
// members whose choices are moved or released get mails after the commit. Reading is in ./larpass-read.ts.
import "server-only";
import { and, eq, inArray, max } from "drizzle-orm";
import { db as defaultDb, type DB } from "@/db";
import { events, larpass, larpassSpeakers, organisations, rooms, speakers, timeSlots, type Larpass } from "@/db/schema";
import { recordChange } from "@/lib/changes";
import { recordRevision, snapshotLarpass, type RevisionAuthor } from "@/lib/revisions";
import { attachmentFilesOf, removeAttachmentFiles } from "@/lib/documentation/attachments";
import { sendPending, type PendingMail, withQueuedMails } from "@/lib/mail";
import { cancelInTransaction, promoteWaitlist } from "@/lib/registrations";
import { slugify, uniqueSlug } from "@/lib/slug";
import type { SpeakerEntry } from "@/lib/speaker-entry";
import type { LarpassField, LarpassInput } from "@/lib/validation/admin";
import type { FieldErrors } from "@/lib/validation/form";
import type { DeletionImpact } from "./deletion";
import { comparableOf, display, formValuesOf, speakerIdsOf, type LarpassDisplay, type LarpassVersion } from "./larpass-read";
import { findOrCreateSpeaker } from "./speakers";
import { findOrCreateOrganisation } from "@/lib/admin/organisations";
import { members } from "@/lib/domain";
import { countMembers, releaseRegistrations } from "./release";
import { addChangeDigests, type ContentChanges } from "./change-digest";
import { applyMove, previewMove } from "./schedule";
import { effectiveCapacity } from "@/lib/capacity";

type Tx = Pick<DB, "select" | "insert" | "update" | "delete">;

export type SaveLarpassResult =
  | { ok: true; id: number; version: number; eventId: number }
  | { ok: false; errors: FieldErrors<LarpassField> }
  /** Someone else saved since the form was opened: nothing written. */
  | { ok: false; conflict: { current: LarpassVersion; yours: LarpassDisplay } }
  /** The save would move or release members: nothing written until the organiser confirms. */
  | { ok: false; confirm: { consequences: string[] } };

// Shared checks ----------------------------------------------------------------------------------------

class Refusal extends Error {
  constructor(readonly errors: FieldErrors<LarpassField>) {
    super("refused");
  }
}

function checkSlotAndRoom(tx: Pick<DB, "select">, eventId: number, input: Pick<LarpassInput, "timeSlotId" | "roomId">) {
  if (input.timeSlotId) {
    const s = tx.select({ eventId: timeSlots.eventId }).from(timeSlots).where(eq(timeSlots.id, input.timeSlotId)).get();
    if (!s || s.eventId !== eventId) throw new Refusal({ timeSlotId: "Tiden finns inte i evenemanget längre. Välj en annan." });
  }
  if (input.roomId) {
    const r = tx.select({ eventId: rooms.eventId }).from(rooms).where(eq(rooms.id, input.roomId)).get();
    if (!r || r.eventId !== eventId) throw new Refusal({ roomId: "Lokalen finns inte i evenemanget längre. Välj en annan." });
  }
}

function slugInUse(tx: Pick<DB, "select">, eventId: number, slug: string, exceptId?: number): boolean {
  const row = tx
    .select({ id: larpass.id })
    .from(larpass)
    .where(and(eq(larpass.eventId, eventId), eq(larpass.slug, slug)))
    .get();
  return Boolean(row && row.id !== exceptId);
}

/** The speaker ids in order; new speakers (and their organisations) are created here, in the same transaction. */
function resolveSpeakers(tx: Tx, entries: SpeakerEntry[], author: RevisionAuthor): number[] {
  const ids: number[] = [];
  const existing = entries.flatMap((e) => (e.kind === "existing" ? [e.id] : []));
  const found = new Set(
    existing.length ? tx.select({ id: speakers.id }).from(speakers).where(inArray(speakers.id, existing)).all().map((s) => s.id) : [],
  );
  for (const e of entries) {
    if (e.kind === "existing") {
      if (!found.has(e.id)) throw new Refusal({ speakers: "En av talarna finns inte längre (någon har tagit bort den). Ta bort den ur listan." });
      ids.push(e.id);
    } else {
      const orgId = e.organisation ? findOrCreateOrganisation(tx, e.organisation) : null;
      ids.push(findOrCreateSpeaker(tx, { name: e.name, role: e.role, organisationId: orgId }, author));
    }
  }
  return [...new Set(ids)];
}

function setSpeakers(tx: Tx, larpassId: number, speakerIds: number[]) {
  tx.delete(larpassSpeakers).where(eq(larpassSpeakers.larpassId, larpassId)).run();
  if (speakerIds.length) {
    tx.insert(larpassSpeakers)
      .values(speakerIds.map((speakerId, position) => ({ larpassId, speakerId, position })))
      .run();
  }
}

function speakerNames(tx: Pick<DB, "select">, ids: number[]): string {
  if (ids.length === 0) return "";
  const rows = tx
    .select({ id: speakers.id, name: speakers.name, org: organisations.name })
    .from(speakers)
    .leftJoin(organisations, eq(organisations.id, speakers.organisationId))
    .where(inArray(speakers.id, ids))
    .all();
  const byId = new Map(rows.map((r) => [r.id, r.org ? `${r.name} (${r.org})` : r.name]));
  return ids.map((id) => byId.get(id) ?? "").filter(Boolean).join(", ");
}

// Create -------------------------------------------------------------------------------------------------

const notCancellable = "Bara ett publicerat lärpass kan ställas in. Ett utkast syns inte för besökarna: låt det vara utkast eller ta bort det.";

export function createLarpass({
  eventId,
  input,
  author,
  database = defaultDb,
}: {
  eventId: number;
  input: LarpassInput;
  /** Who creates it, for the revision history (lib/revisions.ts). */
  author: RevisionAuthor;
  database?: DB;
}): SaveLarpassResult {
  try {
    return database.transaction(
      (tx): SaveLarpassResult => {
        const event = tx.select({ id: events.id }).from(events).where(eq(events.id, eventId)).get();
        if (!event) return { ok: false, errors: { form: "Evenemanget finns inte längre." } };
        if (input.status === "cancelled") return { ok: false, errors: { status: notCancellable } };
        checkSlotAndRoom(tx, eventId, input);
        let slug = input.slug;
        if (slug && slugInUse(tx, eventId, slug)) {
          return { ok: false, errors: { slug: `Adressnamnet "${slug}" används redan av ett annat lärpass i evenemanget.` } };
        }
        if (!slug) {
          const taken = new Set(tx.select({ slug: larpass.slug }).from(larpass).where(eq(larpass.eventId, eventId)).all().map((r) => r.slug));
          slug = uniqueSlug(slugify(input.title), taken);
        }
        const speakerIds = resolveSpeakers(tx, input.speakers, author);
        const order = tx.select({ n: max(larpass.sortOrder) }).from(larpass).where(eq(larpass.eventId, eventId)).get()?.n ?? 0;
        const row = tx
          .insert(larpass)
          .values({
            eventId,
            slug,
            title: input.title,
            abstract: input.abstract,
            status: input.status,
            timeSlotId: input.timeSlotId,
            roomId: input.roomId,
            capacity: input.capacity,
            track: input.track,
            language: input.language,
            sortOrder: order + 1,
          })
          .returning({ id: larpass.id, version: larpass.version })
          .get();
        setSpeakers(tx, row.id, speakerIds);
        recordRevision(tx, { entity: "larpass", id: row.id, version: row.version, author, before: null, after: snapshotLarpass(tx, row.id)! });
        // A new lärpass straight into the published programme is news; a draft (or a cancelled one) is not.
        if (input.status === "published") recordChange(tx, { larpassId: row.id, kind: "new" });
        return { ok: true, id: row.id, version: row.version, eventId };
      },
      { behavior: "immediate" },
    );
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, errors: error.errors };
    throw error;
  }
}

// Update -------------------------------------------------------------------------------------------------

/** What saving would do to members, in words; empty when nobody is affected. */
function consequencesOf(tx: Tx, row: Larpass, input: LarpassInput): string[] {
  const out: string[] = [];
  const who = countMembers(tx, [row.id]);
  if (who.members === 0) return out;
  if (input.status === "cancelled" && row.status !== "cancelled") {
    out.push(`${members(who.members)} har valt det; de får ett mejl och platserna släpps när lärpasset ställs in.`);
    return out;
  }
  if (input.status === "draft" && row.status !== "draft") {
    out.push(`${members(who.members)} har valt det; de får ett mejl och platserna släpps när lärpasset tas ur programmet.`);
    return out;
  }
  const moved = (row.timeSlotId ?? null) !== input.timeSlotId || (row.roomId ?? null) !== input.roomId;
  if (moved) {
    const p = previewMove({ larpassId: row.id, target: { timeSlotId: input.timeSlotId, roomId: input.roomId }, database: tx as DB });
    if (p.ok) {
      const to = [p.plan.to.slot ?? "ingen tid", p.plan.to.room ?? "ingen lokal"].join(", ");
      out.push(`Lärpasset flyttas till ${to}.`);
      if (p.plan.follow > 0) out.push(`${members(p.plan.follow)} följer med och får ett mejl om ändringen.`);
      if (p.plan.released > 0) {
        out.push(
          p.plan.to.slot
            ? `${members(p.plan.released)} har redan valt något annat vid den nya tiden; deras val släpps och de får ett mejl.`
            : `${members(p.plan.released)} släpps eftersom lärpasset blir utan tid; de får ett mejl.`,
        );
      }
    }
  }
  const room = input.roomId ? tx.select({ capacity: rooms.capacity }).from(rooms).where(eq(rooms.id, input.roomId)).get() : undefined;
  const capacityAfter = effectiveCapacity(input.capacity, room?.capacity);
  if (capacityAfter != null && capacityAfter < who.confirmed) {
    out.push(
      `${who.confirmed} har redan plats, fler än de ${capacityAfter} platserna. Ingen förlorar sin plats, men inga nya platser ges ut förrän antalet har sjunkit.`,
    );
  }
  return out;
}

/**
 * Saves an edited lärpass if nobody else saved since `expectedVersion`. A save that moves or releases
 * members needs `confirmed`; otherwise it returns what would happen and writes nothing. The save is one
 * revision by `author` (none when nothing changed); `restoredFrom` marks a restore (lib/admin/history.ts).
 */
export async function updateLarpass({
  id,
  expectedVersion,
  input,
  author,
  confirmed = false,
  restoredFrom,
  notifyMembers = true,
  database = defaultDb,
}: {
  id: number;
  expectedVersion: number;
  input: LarpassInput;
  author: RevisionAuthor;
  confirmed?: boolean;
  restoredFrom?: number;
  /** false: "ändra utan att meddela" (a typo fix): no digest mail for title, abstract or speakers. */
  notifyMembers?: boolean;
  database?: DB;
}): Promise<SaveLarpassResult> {
  const mails: PendingMail[] = [];
  const notices: PendingMail[] = [];
  let promote = false;
  let result: SaveLarpassResult;
  try {
    result = database.transaction(
      withQueuedMails(mails, withQueuedMails(notices, (tx): SaveLarpassResult => {
        const row = tx.select().from(larpass).where(eq(larpass.id, id)).get();
        if (!row) return { ok: false, errors: { form: "Lärpasset finns inte längre. Någon kan ha tagit bort det." } };
        const beforeSpeakers = speakerIdsOf(tx, id);
        if (row.version !== expectedVersion) {
          return {
            ok: false,
            conflict: {
              current: {
                version: row.version,
                updatedAt: row.updatedAt,
                values: formValuesOf(row, beforeSpeakers),
                display: display(tx, row.eventId, comparableOf(row, beforeSpeakers)),
              },
              yours: display(tx, row.eventId, input),
            },
          };
        }
        // Cancelled lärpass are shown publicly as cancelled: one that never was public is deleted or kept as a draft.
        if (row.status === "draft" && input.status === "cancelled") return { ok: false, errors: { status: notCancellable } };
        checkSlotAndRoom(tx, row.eventId, input);
        const slug = input.slug ?? row.slug;
        if (slug !== row.slug && slugInUse(tx, row.eventId, slug, id)) {
          return { ok: false, errors: { slug: `Adressnamnet "${slug}" används redan av ett annat lärpass i evenemanget.` } };
        }
        if (!confirmed) {
          const consequences = consequencesOf(tx, row, input);
          if (consequences.length) return { ok: false, confirm: { consequences } };
        }

        const before = snapshotLarpass(tx, id);
        const wasPublic = row.status !== "draft";
        const staysPublic = wasPublic && input.status !== "draft";
        const speakerIds = resolveSpeakers(tx, input.speakers, author);

        tx.update(larpass)
          .set({
            title: input.title,
            slug,
            abstract: input.abstract,
            capacity: input.capacity,
            track: input.track,
            language: input.language,
          })
          .where(eq(larpass.id, id))
          .run();
        const speakersChanged = speakerIds.join(",") !== beforeSpeakers.join(",");
        if (speakersChanged) setSpeakers(tx, id, speakerIds);

        const content: ContentChanges = {};
        if (staysPublic) {
          if (row.title !== input.title) {
            recordChange(tx, { larpassId: id, kind: "title", before: row.title, after: input.title });
            content.title = { before: row.title, after: input.title };
          }
          if (row.abstract !== input.abstract) {
            recordChange(tx, { larpassId: id, kind: "abstract", before: row.abstract, after: input.abstract });
            content.abstract = true;
          }
          if (speakersChanged) {
            const names = { before: speakerNames(tx, beforeSpeakers), after: speakerNames(tx, speakerIds) };
            recordChange(tx, { larpassId: id, kind: "speakers", ...names });
            content.speakers = { before: names.before ?? "", after: names.after ?? "" };
          }
        }

        // A new time or room goes through the schedule's move: members follow or are released, with mails.
        // No author: the move is part of this save's one revision, recorded below.
        if ((row.timeSlotId ?? null) !== input.timeSlotId || (row.roomId ?? null) !== input.roomId) {
          const moved = applyMove(tx, { larpassId: id, target: { timeSlotId: input.timeSlotId, roomId: input.roomId } }, row.eventId, mails);
          if (!moved.ok) throw new Refusal({ form: moved.message });
        }

        // One mail per member for this save (its content changes and a move together), unless the
        // organiser chose "ändra utan att meddela"; a cancellation or unpublishing has mails of its own.
        if (notifyMembers && staysPublic && input.status === row.status) addChangeDigests(tx, id, content, mails);

        if (input.status !== row.status) {
          if (input.status === "cancelled") {
            // Cancelling releases every seat and queue place and mails the members (lib/registrations.ts).
            cancelInTransaction(tx, id, notices);
            if (wasPublic) recordChange(tx, { larpassId: id, kind: "cancelled" });
          } else if (input.status === "draft") {
            releaseRegistrations(tx, [id], "unpublished", mails);
            tx.update(larpass).set({ status: "draft" }).where(eq(larpass.id, id)).run();
            recordChange(tx, { larpassId: id, kind: "removed", wasPublic: true });
          } else {
            tx.update(larpass).set({ status: "published" }).where(eq(larpass.id, id)).run();
            recordChange(tx, { larpassId: id, kind: row.status === "cancelled" ? "restored" : "new" });
          }
        }

        tx.update(larpass)
          .set({ version: expectedVersion + 1, updatedAt: new Date() })
          .where(eq(larpass.id, id))
          .run();
        recordRevision(tx, { entity: "larpass", id, version: expectedVersion + 1, author, before, after: snapshotLarpass(tx, id)!, restoredFrom });
        const room = input.roomId ? tx.select({ capacity: rooms.capacity }).from(rooms).where(eq(rooms.id, input.roomId)).get() : undefined;
        promote = input.status === "published" && effectiveCapacity(input.capacity, room?.capacity) != null;
        return { ok: true, id, version: expectedVersion + 1, eventId: row.eventId };
      })),
      { behavior: "immediate" },
    );
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, errors: error.errors };
    throw error;
  }
  if (result.ok) {
    await sendPending(mails, database);
    await sendPending(notices, database);
    // More seats (a bigger room, a higher number, members released by a move) go to the queue at once.
    if (promote) await promoteWaitlist({ larpassId: id, database });
  }
  return result;
}

// Delete -------------------------------------------------------------------------------------------------

export async function deleteLarpass({ id, database = defaultDb }: { id: number; database?: DB }): Promise<{ eventId: number } | null> {
  const mails: PendingMail[] = [];
  let files: string[] = [];
  const deleted = database.transaction(
    withQueuedMails(mails, (tx) => {
      const row = tx.select({ eventId: larpass.eventId }).from(larpass).where(eq(larpass.id, id)).get();
      if (!row) return null;
      files = attachmentFilesOf(tx, [id]);
      // Logged while the row still exists (the log keeps the title; its link to the lärpass becomes empty).
      recordChange(tx, { larpassId: id, kind: "removed" });
      releaseRegistrations(tx, [id], "removed", mails);
      tx.delete(larpass).where(eq(larpass.id, id)).run();
      return { eventId: row.eventId };
    }),
    { behavior: "immediate" },
  );
  await sendPending(mails, database);
  // The lärpass's attachment rows went with it (cascade); their files go now.
  if (deleted) removeAttachmentFiles(files, { database });
  return deleted;
}

export function describeLarpassDeletion({ id, database = defaultDb }: { id: number; database?: DB }): DeletionImpact | null {
  const row = database
    .select({ l: larpass, published: events.published })
    .from(larpass)
    .innerJoin(events, eq(events.id, larpass.eventId))
    .where(eq(larpass.id, id))
    .get();
  if (!row) return null;
  const consequences: string[] = [];
  const who = countMembers(database, [id]);
  if (who.members > 0) consequences.push(`${members(who.members)} har valt det; de får ett mejl och platserna släpps.`);
  if (row.published && row.l.status !== "draft") {
    consequences.push("Det försvinner ur det publicerade programmet och noteras som borttaget på sidan Ändringar.");
    if (row.l.status === "published") consequences.push("Vill du hellre att det syns som inställt? Ändra status till Inställt i stället.");
  }
  return {
    kind: "larpass",
    id,
    what: `lärpasset ${row.l.title}`,
    consequences,
    backHref: `/arrangor/larpass/${id}`,
    doneHref: `/arrangor/evenemang/${row.l.eventId}/larpass?borttaget=larpass`,
  };
}
