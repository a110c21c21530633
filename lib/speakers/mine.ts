// What a signed-in speaker sees of their own: the speaker record linked to the account, their lärpass
// across events with seat numbers (and names, where the event allows it), and the edit windows.
// Everything is looked up from the account id of the session, never from an id the browser sent.
import "server-only";
import { asc, eq, inArray } from "drizzle-orm";
import { db as defaultDb, type DB } from "@/db";
import { events, larpass, larpassSpeakers, organisations, registrations, rooms, speakers, timeSlots, users } from "@/db/schema";
import type { LarpassStatus } from "@/lib/domain";
import { speakerIdOfUser, speaksIn } from "@/lib/policy";
import { getSeatCounts } from "@/lib/registrations";
import { sortBySv } from "@/lib/text";
import { effectiveCapacity } from "@/lib/capacity";

type Reader = Pick<DB, "select">;

export type EditWindow = { open: boolean; deadline: Date | null };

/** Edits are allowed up to and including the deadline; no deadline means always. */
export function editWindow(deadline: Date | null, now = new Date()): EditWindow {
  return { open: deadline === null || now.getTime() <= deadline.getTime(), deadline };
}

/**
 * The profile (bio, role, organisation) is shown with every lärpass of the speaker, so it stays editable
 * while at least one of their events is still open for edits, and closes with the last of them.
 */
export function profileWindow(tx: Reader, speakerId: number, now = new Date()): EditWindow {
  const rows = tx
    .select({ deadline: events.speakerEditDeadline })
    .from(larpassSpeakers)
    .innerJoin(larpass, eq(larpass.id, larpassSpeakers.larpassId))
    .innerJoin(events, eq(events.id, larpass.eventId))
    .where(eq(larpassSpeakers.speakerId, speakerId))
    .all();
  if (rows.length === 0 || rows.some((r) => r.deadline === null)) return { open: true, deadline: null };
  const latest = rows.reduce((a, r) => (r.deadline!.getTime() > a.getTime() ? r.deadline! : a), rows[0].deadline!);
  return editWindow(latest, now);
}

export type MySpeaker = {
  id: number;
  slug: string;
  name: string;
  role: string | null;
  bio: string;
  organisation: string | null;
  version: number;
  updatedAt: Date;
};

export function getMySpeaker({ userId, database = defaultDb }: { userId: string; database?: DB }): MySpeaker | null {
  const row = database
    .select({
      id: speakers.id,
      slug: speakers.slug,
      name: speakers.name,
      role: speakers.role,
      bio: speakers.bio,
      organisation: organisations.name,
      version: speakers.version,
      updatedAt: speakers.updatedAt,
    })
    .from(speakers)
    .leftJoin(organisations, eq(organisations.id, speakers.organisationId))
    .where(eq(speakers.userId, userId))
    .get();
  return row ?? null;
}

export type MyProfile = MySpeaker & { window: EditWindow; organisations: string[] };

/** The profile form: the speaker, the window, and the organisations to pick from. */
export function getMyProfile({ userId, database = defaultDb, now = new Date() }: { userId: string; database?: DB; now?: Date }): MyProfile | null {
  const speaker = getMySpeaker({ userId, database });
  if (!speaker) return null;
  const names = database.select({ name: organisations.name }).from(organisations).all();
  return {
    ...speaker,
    window: profileWindow(database, speaker.id, now),
    organisations: sortBySv(names, (o) => o.name).map((o) => o.name),
  };
}

export type MyLarpass = {
  id: number;
  slug: string;
  title: string;
  status: LarpassStatus;
  event: { id: number; slug: string; name: string; timeZone: string; published: boolean; seeParticipants: boolean };
  slot: { startsAt: Date; endsAt: Date } | null;
  room: string | null;
  capacity: number | null;
  confirmed: number;
  waitlisted: number;
  /** Names (or addresses, for accounts without a name) only when the event lets speakers see them. */
  participants: { confirmed: string[]; waitlisted: string[] } | null;
  window: EditWindow;
};

/** Every lärpass the account speaks in, in every event, in time order (ones without a time last). */
export function listMyLarpass({ userId, database = defaultDb, now = new Date() }: { userId: string; database?: DB; now?: Date }): MyLarpass[] {
  const rows = database
    .select({
      id: larpass.id,
      slug: larpass.slug,
      title: larpass.title,
      status: larpass.status,
      capacity: larpass.capacity,
      eventId: events.id,
      eventSlug: events.slug,
      eventName: events.name,
      timeZone: events.timeZone,
      published: events.published,
      seeParticipants: events.speakersSeeParticipants,
      deadline: events.speakerEditDeadline,
      startsOn: events.startsOn,
      startsAt: timeSlots.startsAt,
      endsAt: timeSlots.endsAt,
      room: rooms.name,
      roomCapacity: rooms.capacity,
    })
    .from(speakers)
    .innerJoin(larpassSpeakers, eq(larpassSpeakers.speakerId, speakers.id))
    .innerJoin(larpass, eq(larpass.id, larpassSpeakers.larpassId))
    .innerJoin(events, eq(events.id, larpass.eventId))
    .leftJoin(timeSlots, eq(timeSlots.id, larpass.timeSlotId))
    .leftJoin(rooms, eq(rooms.id, larpass.roomId))
    .where(eq(speakers.userId, userId))
    .orderBy(asc(events.startsOn), asc(timeSlots.startsAt), asc(larpass.sortOrder))
    .all();
  const ids = rows.map((r) => r.id);
  const counts = getSeatCounts({ larpassIds: ids, database });
  const visible = rows.filter((r) => r.seeParticipants).map((r) => r.id);
  const people = visible.length
    ? database
        .select({ larpassId: registrations.larpassId, status: registrations.status, name: users.name, email: users.email })
        .from(registrations)
        .innerJoin(users, eq(users.id, registrations.userId))
        .where(inArray(registrations.larpassId, visible))
        .orderBy(asc(registrations.queuedAt), asc(registrations.id))
        .all()
    : [];
  return rows.map((r) => {
    const c = counts.get(r.id) ?? { confirmed: 0, waitlisted: 0 };
    const mine = people.filter((p) => p.larpassId === r.id);
    const label = (p: (typeof mine)[number]) => p.name?.trim() || p.email || "(namn saknas)";
    return {
      id: r.id,
      slug: r.slug,
      title: r.title,
      status: r.status,
      event: { id: r.eventId, slug: r.eventSlug, name: r.eventName, timeZone: r.timeZone, published: r.published, seeParticipants: r.seeParticipants },
      slot: r.startsAt && r.endsAt ? { startsAt: r.startsAt, endsAt: r.endsAt } : null,
      room: r.room,
      capacity: effectiveCapacity(r.capacity, r.roomCapacity),
      confirmed: c.confirmed,
      waitlisted: c.waitlisted,
      participants: r.seeParticipants
        ? {
            confirmed: sortBySv(mine.filter((p) => p.status === "confirmed").map(label), (s) => s),
            // The queue stays in its order: the first one gets the next free seat.
            waitlisted: mine.filter((p) => p.status === "waitlisted").map(label),
          }
        : null,
      window: editWindow(r.deadline, now),
    };
  });
}

export type MyLarpassForEdit = {
  id: number;
  title: string;
  abstract: string;
  status: LarpassStatus;
  version: number;
  updatedAt: Date;
  event: { name: string; timeZone: string };
  window: EditWindow;
};

/** The abstract form of one lärpass; null when the account does not speak in it (or it does not exist). */
export function getMyLarpassForEdit({
  userId,
  larpassId,
  database = defaultDb,
  now = new Date(),
}: {
  userId: string;
  larpassId: number;
  database?: DB;
  now?: Date;
}): MyLarpassForEdit | null {
  if (!speaksIn(database, userId, larpassId)) return null;
  const row = database
    .select({ l: larpass, eventName: events.name, timeZone: events.timeZone, deadline: events.speakerEditDeadline })
    .from(larpass)
    .innerJoin(events, eq(events.id, larpass.eventId))
    .where(eq(larpass.id, larpassId))
    .get();
  if (!row) return null;
  return {
    id: row.l.id,
    title: row.l.title,
    abstract: row.l.abstract,
    status: row.l.status,
    version: row.l.version,
    updatedAt: row.l.updatedAt,
    event: { name: row.eventName, timeZone: row.timeZone },
    window: editWindow(row.deadline, now),
  };
}

/** Whether a lärpass with this id exists (a page tells "not yours" from "no such lärpass"). */
export function larpassExists({ id, database = defaultDb }: { id: number; database?: DB }): boolean {
  return Boolean(database.select({ id: larpass.id }).from(larpass).where(eq(larpass.id, id)).get());
}

/** For the site header: whether the account speaks as a speaker. */
export function isLinkedSpeaker({ userId, database = defaultDb }: { userId: string; database?: DB }): boolean {
  return speakerIdOfUser(database, userId) !== null;
}
