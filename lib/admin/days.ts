// An event's days: adding, renaming and deleting one (its time slots go with it, lärpass in them are
// unscheduled and their members mailed after the commit).
import "server-only";
import { and, eq } from "drizzle-orm";
import { db as defaultDb, type DB } from "@/db";
import { days, events, timeSlots } from "@/db/schema";
import { type RevisionAuthor } from "@/lib/revisions";
import { formatDateSpan, formatIsoDate } from "@/lib/time";
import type { DayInput, DayNameInput } from "@/lib/validation/admin";
import type { DeletionImpact } from "./deletion";
import { sendPending, type PendingMail } from "@/lib/mail";
import { notFound, type SaveResult } from "./save-result";
import { slotImpact, unscheduleSlots } from "./slots";

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
