import "server-only";
// Public calendar feeds (.ics): a whole event's programme, one track of it, or a single lärpass ("Lägg till
// i kalendern"). The same UIDs as the personal feed (lib/my-programme.ts), SEQUENCE from the lärpass's
// version (every saved change, move and cancellation bumps it and records a revision), and a cancelled
// lärpass stays in the feed with STATUS:CANCELLED.
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { larpass as larpassTable, type Event } from "@/db/schema";
import { buildCalendar } from "@/lib/calendar";
import type { CalendarEntry } from "@/lib/my-programme";
import { getEventBySlug, getProgramme, type LarpassView } from "@/lib/programme";
import { slugify } from "@/lib/slug";

/** The URL-safe name of a track in a feed's address (?spar=<slug>). */
export function trackSlug(track: string): string {
  return slugify(track);
}

function versionsOf(eventId: number): Map<number, number> {
  const rows = db.select({ id: larpassTable.id, version: larpassTable.version }).from(larpassTable).where(eq(larpassTable.eventId, eventId)).all();
  return new Map(rows.map((r) => [r.id, r.version]));
}

export function toCalendarEntry(l: LarpassView, event: Pick<Event, "slug" | "venue" | "timeZone">, siteUrl: string, version: number): CalendarEntry | null {
  if (!l.slot) return null;
  const who = l.speakers.map((s) => `${s.name}${s.organisation ? `, ${s.organisation.name}` : ""}`).join("; ");
  const url = `${siteUrl}/evenemang/${event.slug}/larpass/${l.slug}`;
  return {
    uid: `larpass-${l.id}@larpass`,
    title: `${l.title} (lärpass)`,
    description: [l.status === "cancelled" ? "Lärpasset är inställt." : "", who ? `Talare: ${who}` : "", l.abstract, url].filter(Boolean).join("\n\n"),
    location: [l.room?.name, event.venue].filter(Boolean).join(", "),
    start: l.slot.startsAt,
    end: l.slot.endsAt,
    url,
    timeZone: event.timeZone,
    sequence: Math.max(0, version - 1),
    cancelled: l.status === "cancelled",
    lastModified: l.updatedAt,
  };
}

export type PublicCalendar = { ics: string; filename: string };

/**
 * The .ics of a published event's programme (published and cancelled lärpass with a time), of one track
 * (`track` is its slug), or of one lärpass (`larpassSlug`); null when there is no such event, track or
 * public lärpass.
 */
export async function getPublicCalendar({
  eventSlug,
  track,
  larpassSlug,
  siteUrl,
}: {
  eventSlug: string;
  track?: string;
  larpassSlug?: string;
  siteUrl: string;
}): Promise<PublicCalendar | null> {
  const event = await getEventBySlug({ slug: eventSlug });
  if (!event) return null;
  const { all } = await getProgramme({ eventId: event.id });
  let list = all;
  let name = event.name;
  let filename = `${event.slug}.ics`;
  if (larpassSlug !== undefined) {
    list = all.filter((l) => l.slug === larpassSlug);
    if (list.length === 0 || !list[0].slot) return null;
    name = `${list[0].title}, ${event.name}`;
    filename = `${list[0].slug}.ics`;
  } else if (track !== undefined) {
    list = all.filter((l) => l.track && trackSlug(l.track) === track);
    if (list.length === 0) return null;
    name = `${event.name}: ${list[0].track}`;
    filename = `${event.slug}-${track}.ics`;
  }
  const versions = versionsOf(event.id);
  const entries = list.map((l) => toCalendarEntry(l, event, siteUrl, versions.get(l.id) ?? 1)).filter((e): e is CalendarEntry => e !== null);
  return { ics: buildCalendar({ name, entries, product: "Programmet" }), filename };
}
