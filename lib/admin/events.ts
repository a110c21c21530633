// Events and their frame: days, time slots and rooms. Every change is one transaction; members whose
// choices are released get their mails after the commit.
import "server-only";
import { and, asc, count, desc, eq, inArray, ne, sql } from "drizzle-orm";
import { db as defaultDb, type DB } from "@/db";
import { days, events, larpass, registrations, rooms, timeSlots, type Day, type Event, type Room, type TimeSlot } from "@/db/schema";
import { recordChange } from "@/lib/changes";
import { overlappingChoices, promoteWaitlist } from "@/lib/registrations";
import { reviseAround, type RevisionAuthor } from "@/lib/revisions";
import { siteUrl } from "@/lib/site-url";
import { slugify } from "@/lib/slug";
import { formatDateSpan, formatDay, formatIsoDate, formatTimeRange, zonedToUtc } from "@/lib/time";
import type { DayInput, DayNameInput, EventInput, NewEventInput, RoomInput, SlotField, SlotInput } from "@/lib/validation/admin";
import type { FieldErrors } from "@/lib/validation/form";
import type { DeletionImpact } from "./deletion";
import { larpassCount, members } from "@/lib/domain";
import { countMembers, releaseRegistrations } from "./release";
import { sendPending, type PendingMail } from "@/lib/mail";
import { applyMove, needsConfirmation } from "./schedule";
import { effectiveCapacitySql } from "@/lib/capacity";

type Tx = Pick<DB, "select" | "insert" | "update" | "delete">;

export type SaveResult<F extends string = string> = { ok: true; id: number } | { ok: false; errors: FieldErrors<F> };

const notFound = { ok: false as const, errors: { form: "Det finns inte längre. Någon kan ha tagit bort det." } };

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
  const deleted = database.transaction(
    (tx) => {
      const event = tx.select({ id: events.id }).from(events).where(eq(events.id, id)).get();
      if (!event) return false;
      const ids = tx.select({ id: larpass.id }).from(larpass).where(eq(larpass.eventId, id)).all().map((l) => l.id);
      releaseRegistrations(tx, ids, "event-removed", mails);
      // Days, time slots, rooms, lärpass and the change log go with the event (ON DELETE CASCADE).
      tx.delete(events).where(eq(events.id, id)).run();
      return true;
    },
    { behavior: "immediate" },
  );
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

// Days ---------------------------------------------------------------------------------------------------

export function addDay({ eventId, input, database = defaultDb }: { eventId: number; input: DayInput; database?: DB }): SaveResult {
  return database.transaction(
    (tx): SaveResult => {
      const event = tx.select().from(events).where(eq(events.id, eventId)).get();
      if (!event) return notFound;
      if (input.date < event.startsOn || input.date > event.endsOn) {
        return {
          ok: false,
          errors: { date: `Dagen måste ligga inom evenemangets datum, ${formatDateSpan(event.startsOn, event.endsOn)}.` },
        };
      }
      const exists = tx.select({ id: days.id }).from(days).where(and(eq(days.eventId, eventId), eq(days.date, input.date))).get();
      if (exists) return { ok: false, errors: { date: `${formatIsoDate(input.date)} finns redan.` } };
      const row = tx.insert(days).values({ eventId, date: input.date, name: input.name }).returning({ id: days.id }).get();
      return { ok: true, id: row.id };
    },
    { behavior: "immediate" },
  );
}

/** A day's name ("Dag 2: lärpass"); its date stays, since the day's time slots are on it. */
export function renameDay({ id, input, database = defaultDb }: { id: number; input: DayNameInput; database?: DB }): SaveResult {
  return database.transaction(
    (tx): SaveResult => {
      const day = tx.select({ eventId: days.eventId }).from(days).where(eq(days.id, id)).get();
      if (!day) return notFound;
      tx.update(days).set({ name: input.name }).where(eq(days.id, id)).run();
      return { ok: true, id: day.eventId };
    },
    { behavior: "immediate" },
  );
}

/** The lärpass scheduled in the given slots lose their time (members' choices released, with a mail). */
function unscheduleSlots(tx: Tx, eventId: number, slotIds: number[], mails: PendingMail[], author: RevisionAuthor) {
  if (slotIds.length === 0) return;
  const affected = tx
    .select({ id: larpass.id, roomId: larpass.roomId })
    .from(larpass)
    .where(inArray(larpass.timeSlotId, slotIds))
    .all();
  for (const l of affected) {
    const r = applyMove(tx, { larpassId: l.id, target: { timeSlotId: null, roomId: l.roomId } }, eventId, mails, author);
    if (!r.ok) throw new Error(r.message);
  }
}

/** `author`: who deletes it; every lärpass that loses its time gets a revision by them. */
export async function deleteDay({ id, author, database = defaultDb }: { id: number; author: RevisionAuthor; database?: DB }): Promise<number | null> {
  const mails: PendingMail[] = [];
  const eventId = database.transaction(
    (tx) => {
      const day = tx.select().from(days).where(eq(days.id, id)).get();
      if (!day) return null;
      const slotIds = tx.select({ id: timeSlots.id }).from(timeSlots).where(eq(timeSlots.dayId, id)).all().map((s) => s.id);
      unscheduleSlots(tx, day.eventId, slotIds, mails, author);
      tx.delete(days).where(eq(days.id, id)).run();
      return day.eventId;
    },
    { behavior: "immediate" },
  );
  await sendPending(mails, database);
  return eventId;
}

function slotImpact(database: DB, slotIds: number[]): string[] {
  if (slotIds.length === 0) return [];
  const ids = database.select({ id: larpass.id }).from(larpass).where(inArray(larpass.timeSlotId, slotIds)).all().map((l) => l.id);
  if (ids.length === 0) return [];
  const who = countMembers(database, ids);
  const out = [`${larpassCount(ids.length)} blir utan tid (”Tid meddelas senare”).`];
  if (who.members > 0) out.push(`${members(who.members)} har valt dem; de får ett mejl och deras platser och köplatser släpps.`);
  return out;
}

export function describeDayDeletion({ id, database = defaultDb }: { id: number; database?: DB }): DeletionImpact | null {
  const day = database.select().from(days).where(eq(days.id, id)).get();
  if (!day) return null;
  const slotIds = database.select({ id: timeSlots.id }).from(timeSlots).where(eq(timeSlots.dayId, id)).all().map((s) => s.id);
  const consequences = slotIds.length
    ? [`Dagens ${slotIds.length} ${slotIds.length === 1 ? "tid" : "tider"} tas bort.`, ...slotImpact(database, slotIds)]
    : [];
  return {
    kind: "dag",
    id,
    what: `dagen ${formatIsoDate(day.date)}${day.name ? ` (${day.name})` : ""}`,
    consequences,
    backHref: `/arrangor/evenemang/${day.eventId}#dagar`,
    doneHref: `/arrangor/evenemang/${day.eventId}?borttaget=dag#dagar`,
  };
}

// Time slots ---------------------------------------------------------------------------------------------

export function addSlot({ eventId, input, database = defaultDb }: { eventId: number; input: SlotInput; database?: DB }): SaveResult {
  return database.transaction(
    (tx): SaveResult => {
      const row = tx
        .select({ day: days, timeZone: events.timeZone })
        .from(days)
        .innerJoin(events, eq(events.id, days.eventId))
        .where(and(eq(days.id, input.dayId), eq(days.eventId, eventId)))
        .get();
      if (!row) return { ok: false, errors: { dayId: "Välj en av evenemangets dagar." } };
      const startsAt = zonedToUtc(row.day.date, input.start, row.timeZone);
      const endsAt = zonedToUtc(row.day.date, input.end, row.timeZone);
      const same = tx
        .select({ id: timeSlots.id })
        .from(timeSlots)
        .where(and(eq(timeSlots.dayId, row.day.id), eq(timeSlots.startsAt, startsAt), eq(timeSlots.endsAt, endsAt)))
        .get();
      if (same) return { ok: false, errors: { start: `Tiden ${input.start}–${input.end} finns redan den dagen.` } };
      const inserted = tx
        .insert(timeSlots)
        .values({ eventId, dayId: row.day.id, startsAt, endsAt, label: input.label })
        .returning({ id: timeSlots.id })
        .get();
      return { ok: true, id: inserted.id };
    },
    { behavior: "immediate" },
  );
}

/** What changing a slot's time does to the members who chose lärpass in it, for the organiser to confirm. */
export type SlotChangePlan = {
  /** Lärpass scheduled in the slot. */
  larpass: number;
  /** Members with a seat or queue place in them. */
  members: number;
  /** Of those, members whose choice is released: the new time collides with another choice of theirs. */
  released: number;
  from: string;
  to: string;
};

export type UpdateSlotResult = SaveResult<SlotField> | { ok: false; confirm: SlotChangePlan };

/**
 * Changes a time slot (day, start, end, name). A new time is a move for every lärpass in the slot: members
 * whose choice now overlaps another of their choices (same status, as the sign-up rules allow one seat and
 * one queue place per time) lose this one, the others keep it; all of them get a mail, and the public change
 * log gets a "time" change for each published lärpass. When members are affected the first call only
 * answers `confirm` with the counts; `confirmed` carries it out. One transaction; mails after the commit.
 */
export async function updateSlot({
  id,
  input,
  confirmed = false,
  author,
  database = defaultDb,
}: {
  id: number;
  input: SlotInput;
  confirmed?: boolean;
  /** Who changed it: each lärpass in the slot whose time (or the slot's name) changed gets a revision. */
  author: RevisionAuthor;
  database?: DB;
}): Promise<UpdateSlotResult> {
  const mails: PendingMail[] = [];
  const result = database.transaction(
    (tx): UpdateSlotResult & { promote?: number[] } => {
      const row = tx
        .select({ slot: timeSlots, timeZone: events.timeZone })
        .from(timeSlots)
        .innerJoin(events, eq(events.id, timeSlots.eventId))
        .where(eq(timeSlots.id, id))
        .get();
      if (!row) return notFound;
      const { slot, timeZone } = row;
      const day = tx.select().from(days).where(and(eq(days.id, input.dayId), eq(days.eventId, slot.eventId))).get();
      if (!day) return { ok: false, errors: { dayId: "Välj en av evenemangets dagar." } };
      const startsAt = zonedToUtc(day.date, input.start, timeZone);
      const endsAt = zonedToUtc(day.date, input.end, timeZone);
      const same = tx
        .select({ id: timeSlots.id })
        .from(timeSlots)
        .where(and(eq(timeSlots.dayId, day.id), eq(timeSlots.startsAt, startsAt), eq(timeSlots.endsAt, endsAt), ne(timeSlots.id, id)))
        .get();
      if (same) return { ok: false, errors: { start: `Tiden ${input.start}–${input.end} finns redan den dagen.` } };

      const timeChanged = startsAt.getTime() !== slot.startsAt.getTime() || endsAt.getTime() !== slot.endsAt.getTime();
      const inSlot = tx
        .select({ id: larpass.id, title: larpass.title, capacity: effectiveCapacitySql })
        .from(larpass)
        .leftJoin(rooms, eq(rooms.id, larpass.roomId))
        .where(eq(larpass.timeSlotId, id))
        .all();
      const regs = timeChanged && inSlot.length
        ? tx
            .select({ id: registrations.id, userId: registrations.userId, larpassId: registrations.larpassId, status: registrations.status })
            .from(registrations)
            .where(inArray(registrations.larpassId, inSlot.map((l) => l.id)))
            .all()
        : [];
      const others = overlappingChoices(tx, { userIds: [...new Set(regs.map((r) => r.userId))], startsAt, endsAt, exceptSlotId: id });
      const clashes = new Map<number, string>();
      for (const r of regs) {
        const clash = others.find((o) => o.userId === r.userId && o.status === r.status);
        if (clash) clashes.set(r.id, clash.title);
      }
      const before = `${formatDay(slot.startsAt, timeZone)} ${formatTimeRange(slot.startsAt, slot.endsAt, timeZone)}`;
      const after = `${formatDay(startsAt, timeZone)} ${formatTimeRange(startsAt, endsAt, timeZone)}`;
      if (needsConfirmation(new Set(regs.map((r) => r.userId)).size, confirmed)) {
        return {
          ok: false,
          confirm: { larpass: inSlot.length, members: new Set(regs.map((r) => r.userId)).size, released: clashes.size, from: before, to: after },
        };
      }

      if (clashes.size) tx.delete(registrations).where(inArray(registrations.id, [...clashes.keys()])).run();
      reviseAround(tx, { entity: "larpass", ids: inSlot.map((l) => l.id), author }, () =>
        tx.update(timeSlots).set({ dayId: day.id, startsAt, endsAt, label: input.label }).where(eq(timeSlots.id, id)).run(),
      );
      if (timeChanged) {
        for (const l of inSlot) recordChange(tx, { larpassId: l.id, kind: "time", before, after });
        const titles = new Map(inSlot.map((l) => [l.id, l.title]));
        for (const r of regs) {
          const title = titles.get(r.larpassId)!;
          const collidesWith = clashes.get(r.id);
          mails.push({
            userId: r.userId,
            build: (email) =>
              collidesWith
                ? {
                    to: email,
                    subject: `Ditt val är släppt: ${title}`,
                    text:
                      `Hej!\n\nLärpasset "${title}" har fått en ny tid: ${after} (tidigare ${before}). ` +
                      `Den nya tiden krockar med "${collidesWith}" som du redan har valt, så din ${r.status === "confirmed" ? "plats" : "köplats"} på "${title}" är släppt.` +
                      `\nVill du hellre gå på "${title}" kan du välja om i programmet.\n\nMitt program: ${siteUrl()}/mitt-program`,
                  }
                : {
                    to: email,
                    subject: `Ändrad tid: ${title}`,
                    text: `Hej!\n\nLärpasset "${title}" som du har valt har fått en ny tid: ${after} (tidigare ${before}).\nDitt val följer med, du behöver inte göra något.\n\nMitt program: ${siteUrl()}/mitt-program`,
                  },
          });
        }
      }
      // Seats given up by members who had a collision go to the queue (only where the number of seats is known).
      const freed = new Set(regs.filter((r) => clashes.has(r.id) && r.status === "confirmed").map((r) => r.larpassId));
      return { ok: true, id: slot.eventId, promote: inSlot.filter((l) => freed.has(l.id) && l.capacity != null).map((l) => l.id) };
    },
    { behavior: "immediate" },
  );
  await sendPending(mails, database);
  if (result.ok) for (const larpassId of result.promote ?? []) await promoteWaitlist({ larpassId, database });
  if (result.ok) return { ok: true, id: result.id };
  return result;
}

export async function deleteSlot({ id, author, database = defaultDb }: { id: number; author: RevisionAuthor; database?: DB }): Promise<number | null> {
  const mails: PendingMail[] = [];
  const eventId = database.transaction(
    (tx) => {
      const slot = tx.select().from(timeSlots).where(eq(timeSlots.id, id)).get();
      if (!slot) return null;
      unscheduleSlots(tx, slot.eventId, [id], mails, author);
      tx.delete(timeSlots).where(eq(timeSlots.id, id)).run();
      return slot.eventId;
    },
    { behavior: "immediate" },
  );
  await sendPending(mails, database);
  return eventId;
}

export function describeSlotDeletion({ id, database = defaultDb }: { id: number; database?: DB }): DeletionImpact | null {
  const row = database
    .select({ slot: timeSlots, timeZone: events.timeZone })
    .from(timeSlots)
    .innerJoin(events, eq(events.id, timeSlots.eventId))
    .where(eq(timeSlots.id, id))
    .get();
  if (!row) return null;
  return {
    kind: "tid",
    id,
    what: `tiden ${slotLabel(row.slot, row.timeZone)}`,
    consequences: slotImpact(database, [id]),
    backHref: `/arrangor/evenemang/${row.slot.eventId}#tider`,
    doneHref: `/arrangor/evenemang/${row.slot.eventId}?borttaget=tid#tider`,
  };
}

// Rooms --------------------------------------------------------------------------------------------------

const roomTaken = (name: string) => `Det finns redan en lokal som heter ${name} i evenemanget.`;

function roomNameTaken(tx: Pick<DB, "select">, eventId: number, name: string, exceptId?: number): boolean {
  return Boolean(
    tx
      .select({ id: rooms.id })
      .from(rooms)
      .where(and(eq(rooms.eventId, eventId), sql`lower(${rooms.name}) = lower(${name})`, exceptId !== undefined ? ne(rooms.id, exceptId) : undefined))
      .get(),
  );
}

export function addRoom({ eventId, input, database = defaultDb }: { eventId: number; input: RoomInput; database?: DB }): SaveResult {
  return database.transaction(
    (tx): SaveResult => {
      if (!tx.select({ id: events.id }).from(events).where(eq(events.id, eventId)).get()) return notFound;
      if (roomNameTaken(tx, eventId, input.name)) return { ok: false, errors: { name: roomTaken(input.name) } };
      const row = tx.insert(rooms).values({ eventId, name: input.name, capacity: input.capacity }).returning({ id: rooms.id }).get();
      return { ok: true, id: row.id };
    },
    { behavior: "immediate" },
  );
}

/** A bigger room gives its free seats to the queues of the lärpass in it (those without their own number). */
export async function updateRoom({ id, input, database = defaultDb }: { id: number; input: RoomInput; database?: DB }): Promise<SaveResult> {
  const result = database.transaction(
    (tx): SaveResult & { grew?: number[] } => {
      const room = tx.select().from(rooms).where(eq(rooms.id, id)).get();
      if (!room) return notFound;
      if (roomNameTaken(tx, room.eventId, input.name, id)) return { ok: false, errors: { name: roomTaken(input.name) } };
      tx.update(rooms).set({ name: input.name, capacity: input.capacity }).where(eq(rooms.id, id)).run();
      const grew =
        input.capacity > room.capacity
          ? tx
              .select({ id: larpass.id })
              .from(larpass)
              .where(and(eq(larpass.roomId, id), sql`${larpass.capacity} is null`, eq(larpass.status, "published")))
              .all()
              .map((l) => l.id)
          : [];
      return { ok: true, id: room.eventId, grew };
    },
    { behavior: "immediate" },
  );
  if (result.ok) for (const larpassId of result.grew ?? []) await promoteWaitlist({ larpassId, database });
  return result.ok ? { ok: true, id: result.id } : result;
}

export async function deleteRoom({ id, author, database = defaultDb }: { id: number; author: RevisionAuthor; database?: DB }): Promise<number | null> {
  const mails: PendingMail[] = [];
  const eventId = database.transaction(
    (tx) => {
      const room = tx.select().from(rooms).where(eq(rooms.id, id)).get();
      if (!room) return null;
      const affected = tx.select({ id: larpass.id, slotId: larpass.timeSlotId }).from(larpass).where(eq(larpass.roomId, id)).all();
      // Each lärpass keeps its time and loses its room, logged as a room change like any other move.
      for (const l of affected) {
        const r = applyMove(tx, { larpassId: l.id, target: { timeSlotId: l.slotId, roomId: null } }, room.eventId, mails, author);
        if (!r.ok) throw new Error(r.message);
      }
      tx.delete(rooms).where(eq(rooms.id, id)).run();
      return room.eventId;
    },
    { behavior: "immediate" },
  );
  await sendPending(mails, database);
  return eventId;
}

export function describeRoomDeletion({ id, database = defaultDb }: { id: number; database?: DB }): DeletionImpact | null {
  const room = database.select().from(rooms).where(eq(rooms.id, id)).get();
  if (!room) return null;
  const affected = database
    .select({ id: larpass.id, capacity: larpass.capacity })
    .from(larpass)
    .where(eq(larpass.roomId, id))
    .all();
  const consequences: string[] = [];
  if (affected.length) {
    consequences.push(`${larpassCount(affected.length)} blir utan lokal (”Lokal meddelas senare”) men behåller sin tid.`);
    const who = countMembers(database, affected.map((l) => l.id));
    if (who.members > 0) consequences.push(`${members(who.members)} har valt dem; de behåller sina platser och får ett mejl om ändringen.`);
    const open = affected.filter((l) => l.capacity == null).length;
    if (open > 0) consequences.push(`${larpassCount(open)} har inget eget antal platser och blir utan platsgräns tills de får en ny lokal.`);
  }
  return {
    kind: "lokal",
    id,
    what: `lokalen ${room.name} (${room.capacity} platser)`,
    consequences,
    backHref: `/arrangor/evenemang/${room.eventId}#lokaler`,
    doneHref: `/arrangor/evenemang/${room.eventId}?borttaget=lokal#lokaler`,
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
