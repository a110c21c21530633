import "server-only";
import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import { db } from "@/db";
import { calendarReleases, events, larpass, registrations, timeSlots, type Event } from "@/db/schema";
import { getProgramme, type LarpassView, type SlotRef } from "./programme";
import { getMyRegistrations, type MyRegistration } from "./registrations";
import { utcToZoned } from "./time";

export type MyProgrammeRow = {
  slot: SlotRef;
  seat: LarpassView | null;
  queues: (LarpassView & { position: number })[];
  choices: number;
};

/** "Mitt program": one row per time slot of the event with the member's seat and queue places. */
export async function getMyProgramme({ userId, event }: { userId: string; event: Event }): Promise<MyProgrammeRow[]> {
  const { all } = await getProgramme({ eventId: event.id });
  const mine = getMyRegistrations({ userId });
  const slots = await db.select().from(timeSlots).where(eq(timeSlots.eventId, event.id)).orderBy(asc(timeSlots.startsAt));
  return slots.map((slot) => {
    const here = all.filter((l) => l.slot?.id === slot.id);
    const reg = (l: LarpassView): MyRegistration | undefined => mine.get(l.id);
    return {
      slot: { id: slot.id, startsAt: slot.startsAt, endsAt: slot.endsAt, label: slot.label },
      seat: here.find((l) => reg(l)?.status === "confirmed") ?? null,
      queues: here.filter((l) => reg(l)?.status === "waitlisted").map((l) => ({ ...l, position: reg(l)!.position })),
      choices: here.filter((l) => l.status === "published").length,
    };
  });
}

export type MyEvent = Pick<Event, "id" | "slug" | "name" | "startsOn" | "endsOn" | "timeZone">;

/**
 * Events in which the member has a seat or a waitlist place, in the order Mitt program offers them: the
 * nearest upcoming (or ongoing) first, then later ones, then past events, the most recent first.
 */
export async function listMyEvents({ userId, today = new Date() }: { userId: string; today?: Date }): Promise<MyEvent[]> {
  const ids = db
    .selectDistinct({ id: larpass.eventId })
    .from(registrations)
    .innerJoin(larpass, eq(larpass.id, registrations.larpassId))
    .where(eq(registrations.userId, userId));
  const mine = await db
    .select({
      id: events.id,
      slug: events.slug,
      name: events.name,
      startsOn: events.startsOn,
      endsOn: events.endsOn,
      timeZone: events.timeZone,
    })
    .from(events)
    .where(and(inArray(events.id, ids), eq(events.published, true)))
    .orderBy(asc(events.startsOn));
  // "Today" in each event's own zone, as getCurrentEvent reckons it.
  const upcoming = (e: MyEvent) => e.endsOn >= utcToZoned(today, e.timeZone).date;
  return [...mine.filter(upcoming), ...mine.filter((e) => !upcoming(e)).reverse()];
}

export type CalendarEntry = {
  uid: string;
  title: string;
  description: string;
  location: string;
  start: Date;
  end: Date;
  url: string;
  timeZone: string;
  /** SEQUENCE: grows with every change of the lärpass (and, in the personal feed, with every release). */
  sequence?: number;
  /** Sent as STATUS:CANCELLED: the lärpass is cancelled, or (personal feed) the member no longer has the seat. */
  cancelled?: boolean;
  /** What a cancelled entry's summary starts with: "Inställt: " unless the lärpass itself is on. */
  cancelledPrefix?: string;
  lastModified?: Date;
};

/**
 * The member's confirmed seats in published events, for the calendar feed and download, and the seats the
 * member had and no longer has (left, released by a move, the lärpass cancelled: calendar_releases, written
 * by a trigger), sent as cancelled. SEQUENCE is the lärpass's version plus two per release (one for the
 * release, one for choosing it again), so it only ever grows for the same UID.
 */
export async function listCalendarEntries({ userId, siteUrl }: { userId: string; siteUrl: string }): Promise<CalendarEntry[]> {
  const columns = {
    id: larpass.id,
    slug: larpass.slug,
    title: larpass.title,
    abstract: larpass.abstract,
    status: larpass.status,
    version: larpass.version,
    updatedAt: larpass.updatedAt,
    eventSlug: events.slug,
    eventName: events.name,
    venue: events.venue,
    timeZone: events.timeZone,
    start: timeSlots.startsAt,
    end: timeSlots.endsAt,
    roomId: larpass.roomId,
    releases: calendarReleases.releases,
  };
  const seats = await db
    .select({ ...columns, confirmed: sql<number>`1` })
    .from(registrations)
    .innerJoin(larpass, eq(larpass.id, registrations.larpassId))
    .innerJoin(events, eq(events.id, larpass.eventId))
    .innerJoin(timeSlots, eq(timeSlots.id, larpass.timeSlotId))
    .leftJoin(calendarReleases, and(eq(calendarReleases.userId, registrations.userId), eq(calendarReleases.larpassId, larpass.id)))
    .where(and(eq(registrations.userId, userId), eq(registrations.status, "confirmed"), eq(events.published, true)));
  const seated = new Set(seats.map((s) => s.id));
  const released = (
    await db
      .select({ ...columns, confirmed: sql<number>`0` })
      .from(calendarReleases)
      .innerJoin(larpass, eq(larpass.id, calendarReleases.larpassId))
      .innerJoin(events, eq(events.id, larpass.eventId))
      .innerJoin(timeSlots, eq(timeSlots.id, larpass.timeSlotId))
      .where(and(eq(calendarReleases.userId, userId), eq(events.published, true), ne(larpass.status, "draft")))
  ).filter((r) => !seated.has(r.id));
  const rows = [...seats, ...released].sort((a, b) => a.start.getTime() - b.start.getTime() || a.id - b.id);
  const views = new Map<number, LarpassView>();
  for (const eventSlug of new Set(rows.map((r) => r.eventSlug))) {
    const eventId = (await db.select({ id: events.id }).from(events).where(eq(events.slug, eventSlug)).get())!.id;
    for (const l of (await getProgramme({ eventId })).all) views.set(l.id, l);
  }
  return rows.map((r) => {
    const v = views.get(r.id);
    const who = v?.speakers.map((s) => `${s.name}${s.organisation ? `, ${s.organisation.name}` : ""}`).join("; ") ?? "";
    const url = `${siteUrl}/evenemang/${r.eventSlug}/larpass/${r.slug}`;
    const releases = r.releases ?? 0;
    const seat = r.confirmed === 1;
    return {
      uid: `larpass-${r.id}@larpass`,
      title: `${r.title} (lärpass)`,
      description: [who ? `Talare: ${who}` : "", r.abstract, url].filter(Boolean).join("\n\n"),
      location: [v?.room?.name, r.venue].filter(Boolean).join(", "),
      start: r.start,
      end: r.end,
      url,
      timeZone: r.timeZone,
      sequence: r.version - 1 + 2 * releases - (seat ? 0 : 1),
      cancelled: !seat || r.status === "cancelled",
      // The lärpass is on, but not for this member any more (left, or released by a move).
      cancelledPrefix: r.status === "cancelled" ? undefined : "Inte längre valt: ",
      lastModified: r.updatedAt,
    };
  });
}
