// An event's time slots: adding, changing the time (members who chose lärpass in it are asked about
// first and mailed after the commit) and deleting one.
import "server-only";
import { and, eq, inArray, ne } from "drizzle-orm";
import { db as defaultDb, type DB } from "@/db";
import { days, events, larpass, registrations, rooms, timeSlots } from "@/db/schema";
import { recordChange } from "@/lib/changes";
import { overlappingChoices, promoteWaitlist } from "@/lib/registrations";
import { reviseAround, type RevisionAuthor } from "@/lib/revisions";
import { siteUrl } from "@/lib/site-url";
import { formatDay, formatTimeRange, zonedToUtc } from "@/lib/time";
import type { SlotField, SlotInput } from "@/lib/validation/admin";
import type { DeletionImpact } from "./deletion";
import { larpassCount, members } from "@/lib/domain";
import { countMembers } from "./release";
import { sendPending, type PendingMail } from "@/lib/mail";
import { applyMove, needsConfirmation } from "./schedule";
import { effectiveCapacitySql } from "@/lib/capacity";
import { notFound, type SaveResult, type Tx } from "./save-result";
import { slotLabel } from "./events";

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



/** The lärpass scheduled in the given slots lose their time (members' choices released, with a mail). */
export function unscheduleSlots(tx: Tx, eventId: number, slotIds: number[], mails: PendingMail[], author: RevisionAuthor) {
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


export function slotImpact(database: DB, slotIds: number[]): string[] {
  if (slotIds.length === 0) return [];
  const ids = database.select({ id: larpass.id }).from(larpass).where(inArray(larpass.timeSlotId, slotIds)).all().map((l) => l.id);
  if (ids.length === 0) return [];
  const who = countMembers(database, ids);
  const out = [`${larpassCount(ids.length)} blir utan tid (”Tid meddelas senare”).`];
  if (who.members > 0) out.push(`${members(who.members)} har valt dem; de får ett mejl och deras platser och köplatser släpps.`);
  return out;
}
