// Small builders for tests: an event with days, slots, rooms, lärpass and members, straight into SQLite.
// Every call makes unique slugs/e-mails, so tests in one file can share the file's database.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import type { DB } from "@/db/open";
import { days, events, larpass, registrations, rooms, timeSlots, users, type Event, type Larpass, type Room, type TimeSlot } from "@/db/schema";
import { zonedToUtc } from "@/lib/time";

let seq = 0;
const next = () => `${process.pid}-${++seq}`;

/** Points lib/mail's outbox at a fresh temp file (lib/mail reads OUTBOX_PATH on every call). */
export function useTempOutbox(): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "larpass-outbox-")), "outbox.jsonl");
  process.env.OUTBOX_PATH = file;
  return file;
}

/** Sign-up open since 2000 and never closing, unless the test says otherwise. */
export const LONG_AGO = new Date("2000-01-01T00:00:00Z");

export type Fixture = {
  database: DB;
  event: Event;
  /** A slot on the event's first day, local Stockholm times "09:00"–"09:45". */
  slot: (start: string, end: string, date?: string) => TimeSlot;
  room: (capacity: number, name?: string) => Room;
  larpass: (values: {
    slot?: TimeSlot | null;
    room?: Room | null;
    capacity?: number | null;
    title?: string;
    status?: Larpass["status"];
  }) => Larpass;
};

export function createEvent(database: DB, values: Partial<typeof events.$inferInsert> = {}): Fixture {
  const id = next();
  const event = database
    .insert(events)
    .values({
      slug: `test-${id}`,
      name: `Testkonferens ${id}`,
      venue: "Folkets hus",
      startsOn: "2018-03-15",
      endsOn: "2018-03-15",
      published: true,
      signupOpensAt: LONG_AGO,
      signupClosesAt: null,
      ...values,
    })
    .returning()
    .get();
  const dayIds = new Map<string, number>();
  const dayId = (date: string) => {
    let d = dayIds.get(date);
    if (d == null) {
      d = database.insert(days).values({ eventId: event.id, date }).returning().get().id;
      dayIds.set(date, d);
    }
    return d;
  };
  return {
    database,
    event,
    slot: (start, end, date = event.startsOn) =>
      database
        .insert(timeSlots)
        .values({
          eventId: event.id,
          dayId: dayId(date),
          startsAt: zonedToUtc(date, start, event.timeZone),
          endsAt: zonedToUtc(date, end, event.timeZone),
        })
        .returning()
        .get(),
    room: (capacity, name = `Rum ${next()}`) =>
      database.insert(rooms).values({ eventId: event.id, name, capacity }).returning().get(),
    larpass: ({ slot = null, room = null, capacity = null, title, status = "published" }) => {
      const lid = next();
      return database
        .insert(larpass)
        .values({
          eventId: event.id,
          slug: `larpass-${lid}`,
          title: title ?? `Lärpass ${lid}`,
          status,
          timeSlotId: slot?.id ?? null,
          roomId: room?.id ?? null,
          capacity,
        })
        .returning()
        .get();
    },
  };
}

export type TestUser = { id: string; email: string };

export function createUsers(database: DB, n: number, prefix = "medlem"): TestUser[] {
  const made: TestUser[] = [];
  database.transaction((tx) => {
    for (let i = 0; i < n; i++) {
      const email = `${prefix}-${next()}@example.se`;
      made.push(tx.insert(users).values({ email, name: `${prefix} ${i + 1}` }).returning({ id: users.id, email: users.email }).get() as TestUser);
    }
  });
  return made;
}

export function createUser(database: DB, prefix = "medlem"): TestUser {
  return createUsers(database, 1, prefix)[0];
}

/** The lärpass's registrations, queue order (queuedAt, id). */
export function registrationsOf(database: DB, larpassId: number) {
  return database
    .select()
    .from(registrations)
    .where(eq(registrations.larpassId, larpassId))
    .all()
    .sort((a, b) => a.queuedAt.getTime() - b.queuedAt.getTime() || a.id - b.id);
}

/** "confirmed" | "waitlisted" | null for one member and lärpass. */
export function statusOf(database: DB, userId: string, larpassId: number): "confirmed" | "waitlisted" | null {
  const row = registrationsOf(database, larpassId).find((r) => r.userId === userId);
  return row?.status ?? null;
}
