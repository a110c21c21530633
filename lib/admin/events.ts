// Events: the organisers' list and hub of an event, creating, editing and deleting one. Days, time slots
// and rooms have their own modules (days.ts, slots.ts, rooms.ts). Every change is one transaction.
import "server-only";
import { and, asc, count, desc, eq, ne, sql } from "drizzle-orm";
import { db as defaultDb, type DB } from "@/db";
import { days, events, larpass, registrations, rooms, timeSlots, type Day, type Event, type Room, type TimeSlot } from "@/db/schema";
import { slugify } from "@/lib/slug";
import { formatDateSpan, formatDay, formatIsoDate, formatTimeRange, zonedToUtc } from "@/lib/time";
import type { EventInput, NewEventInput } from "@/lib/validation/admin";
import type { DeletionImpact } from "./deletion";
import { larpassCount, members } from "@/lib/domain";
import { countMembers, releaseRegistrations } from "./release";
import { attachmentFilesOf, removeAttachmentFiles } from "@/lib/documentation/attachments";
import { sendPending, type PendingMail, withQueuedMails } from "@/lib/mail";
import { notFound, type SaveResult } from "./save-result";

// Reading ------------------------------------------------------------------------------------------------

export type AdminEventSummary = Pick<Event, "id" | "slug" | "name" | "startsOn" | "endsOn" | "published"> & {
  larpass: { draft: number; published: number; cancelled: number };
};

/** Every event, published or not, newest first, with its lärpass counted per status (one query). */
export function listAdminEvents({ database = defaultDb }: { database?: DB } = {}): AdminEventSummary[] {
  const rows = database
    .select({ id: events.id, slug: events.slug, name: events.name, startsOn: events.startsOn, endsOn: events.endsOn, published: events.published })
    .from(events)
    .orderBy(desc(events.startsOn), desc(events.id))
    .all();
  const counts = database
    .select({ eventId: larpass.eventId, status: larpass.status, n: count() })
    .from(larpass)
    .groupBy(larpass.eventId, larpass.status)
    .all();
  return rows.map((e) => {
    const c = { draft: 0, published: 0, cancelled: 0 };
    for (const r of counts) if (r.eventId === e.id) c[r.status] = r.n;
    return { ...e, larpass: c };
  });
}

export type AdminSlot = TimeSlot & { date: string; larpassCount: number };
export type AdminRoom = Room & { larpassCount: number };
export type AdminEvent = { event: Event; days: Day[]; slots: AdminSlot[]; rooms: AdminRoom[] };

export function getAdminEvent({ id, database = defaultDb }: { id: number; database?: DB }): AdminEvent | null {
  const event = database.select().from(events).where(eq(events.id, id)).get();
  if (!event) return null;
  const dayRows = database.select().from(days).where(eq(days.eventId, id)).orderBy(asc(days.date)).all();
  // The outer columns are named in full: in a one-table select drizzle writes ${rooms.id} as a bare "id",
  // which inside the subquery would mean l.id.
  const slotRows = database
    .select({ slot: timeSlots, date: days.date, larpassCount: sql<number>`(select count(*) from larpass l where l.time_slot_id = "time_slots"."id")` })
    .from(timeSlots)
    .innerJoin(days, eq(days.id, timeSlots.dayId))
    .where(eq(timeSlots.eventId, id))
    .orderBy(asc(timeSlots.startsAt), asc(timeSlots.endsAt))
    .all();
  const roomRows = database
    .select({ room: rooms, larpassCount: sql<number>`(select count(*) from larpass l where l.room_id = "rooms"."id")` })
    .from(rooms)
    .where(eq(rooms.eventId, id))
    .all();
  return {
    event,
    days: dayRows,
    slots: slotRows.map((r) => ({ ...r.slot, date: r.date, larpassCount: r.larpassCount })),
    rooms: roomRows
      .map((r) => ({ ...r.room, larpassCount: r.larpassCount }))
      .sort((a, b) => a.name.localeCompare(b.name, "sv-SE", { numeric: true })),
  };
}

/** "torsdag 15 mars 2018 09:00–09:45 (Lärpass 1)" */
export function slotLabel(slot: Pick<TimeSlot, "startsAt" | "endsAt" | "label">, timeZone: string): string {
  const base = `${formatDay(slot.startsAt, timeZone)} ${formatTimeRange(slot.startsAt, slot.endsAt, timeZone)}`;
  return slot.label ? `${base} (${slot.label})` : base;
}

// Events -------------------------------------------------------------------------------------------------

function slugTaken(tx: Pick<DB, "select">, slug: string, exceptId?: number): boolean {
  return Boolean(
    tx
      .select({ id: events.id })
      .from(events)
      .where(and(eq(events.slug, slug), exceptId !== undefined ? ne(events.id, exceptId) : undefined))
      .get(),
  );
}

const slugTakenMessage = (slug: string) => `Adressnamnet "${slug}" används redan av ett annat evenemang. Välj ett annat.`;

export function createEvent({ input, database = defaultDb }: { input: NewEventInput; database?: DB }): SaveResult {
  return database.transaction(
    (tx): SaveResult => {
      const slug = input.slug ?? slugify(input.name);
      if (slugTaken(tx, slug)) return { ok: false, errors: { slug: slugTakenMessage(slug) } };
      const row = tx
        .insert(events)
        .values({ slug, name: input.name, startsOn: input.startsOn, endsOn: input.endsOn, published: false })
        .returning({ id: events.id })
        .get();
      return { ok: true, id: row.id };
    },
    { behavior: "immediate" },
  );
}

export function updateEvent({ id, input, database = defaultDb }: { id: number; input: EventInput; database?: DB }): SaveResult {
  return database.transaction(
    (tx): SaveResult => {
      const event = tx.select().from(events).where(eq(events.id, id)).get();
      if (!event) return notFound;
      const slug = input.slug ?? event.slug;
      if (slugTaken(tx, slug, id)) return { ok: false, errors: { slug: slugTakenMessage(slug) } };
      const outside = tx
        .select({ date: days.date })
        .from(days)
        .where(and(eq(days.eventId, id), sql`(${days.date} < ${input.startsOn} or ${days.date} > ${input.endsOn})`))
        .orderBy(asc(days.date))
        .all();
      if (outside.length) {
        return {
          ok: false,
          errors: {
            startsOn: `Dagen ${formatIsoDate(outside[0].date)} ligger utanför de nya datumen. Ta bort dagen först, eller välj datum som omfattar den.`,
          },
        };
      }
      const at = (v: { date: string; time: string } | null) => (v ? zonedToUtc(v.date, v.time, event.timeZone) : null);
      tx.update(events)
        .set({
          name: input.name,
          slug,
          startsOn: input.startsOn,
          endsOn: input.endsOn,
          venue: input.venue,
          description: input.description,
          signupOpensAt: at(input.signupOpensAt),
          signupClosesAt: at(input.signupClosesAt),
          published: input.published,
          speakerEditDeadline: at(input.speakerEditDeadline),
          speakersSeeParticipants: input.speakersSeeParticipants,
          speakerEditsReviewed: input.speakerEditsReviewed,
          updatedAt: new Date(),
        })
        .where(eq(events.id, id))
        .run();
      return { ok: true, id };
    },
    { behavior: "immediate" },
  );
}

export async function deleteEvent({ id, database = defaultDb }: { id: number; database?: DB }): Promise<boolean> {
  const mails: PendingMail[] = [];
  let files: string[] = [];
  const deleted = database.transaction(
    withQueuedMails(mails, (tx) => {
      const event = tx.select({ id: events.id }).from(events).where(eq(events.id, id)).get();
      if (!event) return false;
      const ids = tx.select({ id: larpass.id }).from(larpass).where(eq(larpass.eventId, id)).all().map((l) => l.id);
      files = attachmentFilesOf(tx, ids);
      releaseRegistrations(tx, ids, "event-removed", mails);
      // Days, time slots, rooms, lärpass and the change log go with the event (ON DELETE CASCADE).
      tx.delete(events).where(eq(events.id, id)).run();
      return true;
    }),
    { behavior: "immediate" },
  );
  // Its lärpass's attachment rows went with it (cascade); their files go now.
  if (deleted) removeAttachmentFiles(files, { database });
  await sendPending(mails, database);
  return deleted;
}

export function describeEventDeletion({ id, database = defaultDb }: { id: number; database?: DB }): DeletionImpact | null {
  const data = getAdminEvent({ id, database });
  if (!data) return null;
  const ids = database.select({ id: larpass.id }).from(larpass).where(eq(larpass.eventId, id)).all().map((l) => l.id);
  const who = countMembers(database, ids);
  const consequences = [
    `Allt i evenemanget tas bort: ${larpassCount(ids.length)}, ${data.days.length} ${data.days.length === 1 ? "dag" : "dagar"}, ${data.slots.length} ${data.slots.length === 1 ? "tid" : "tider"} och ${data.rooms.length} ${data.rooms.length === 1 ? "lokal" : "lokaler"}, liksom ändringsloggen.`,
  ];
  if (who.members > 0) {
    consequences.push(`${members(who.members)} har valt lärpass i evenemanget; de får ett mejl och deras platser och köplatser släpps.`);
  }
  consequences.push("Talare och organisationer finns kvar (de kan vara med i andra evenemang).");
  return {
    kind: "evenemang",
    id,
    what: `evenemanget ${data.event.name} (${formatDateSpan(data.event.startsOn, data.event.endsOn)})`,
    consequences,
    backHref: `/arrangor/evenemang/${id}`,
    doneHref: "/arrangor?borttaget=evenemang",
  };
}

/** Registrations per event, for the hub's summary. */
export function countEventRegistrations({ eventId, database = defaultDb }: { eventId: number; database?: DB }): number {
  return database
    .select({ n: count() })
    .from(registrations)
    .innerJoin(larpass, eq(larpass.id, registrations.larpassId))
    .where(eq(larpass.eventId, eventId))
    .get()!.n;
}
