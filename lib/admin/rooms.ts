// An event's rooms: adding, renaming or resizing and deleting one (its lärpass keep their time and lose
// the room; a bigger room seats the queue).
import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import { db as defaultDb, type DB } from "@/db";
import { events, larpass, rooms } from "@/db/schema";
import { promoteWaitlist } from "@/lib/registrations";
import { type RevisionAuthor } from "@/lib/revisions";
import type { RoomInput } from "@/lib/validation/admin";
import type { DeletionImpact } from "./deletion";
import { larpassCount, members } from "@/lib/domain";
import { countMembers } from "./release";
import { sendPending, type PendingMail } from "@/lib/mail";
import { applyMove } from "./schedule";
import { notFound, type SaveResult } from "./save-result";

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
