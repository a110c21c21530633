import "server-only";
// The published programme in the frab schedule.xml format (read by conference apps such as Giggity and
// ConfClerk), valid against the frab XSD (test/fixtures/schemas/): conference, then per day the rooms and
// their events, ordered by time.
import { createHash } from "node:crypto";
import { and, asc, eq, inArray, isNotNull } from "drizzle-orm";
import { db as defaultDb, type DB } from "@/db";
import { events, larpass, larpassSpeakers, rooms, speakers, timeSlots, type Event } from "@/db/schema";
import { siteUrl } from "@/lib/site-url";
import { compareSv } from "@/lib/text";
import { calendarDates, toZonedIso, utcToZoned } from "@/lib/time";

/** Characters XML 1.0 forbids (most C0 controls, lone surrogates) are dropped; the five specials are escaped. */
export function xmlText(value: string): string {
  return value
    .replace(/[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** A stable UUID-shaped id per lärpass (name-based, SHA-1, like a version 5 UUID). */
export function larpassGuid(eventSlug: string, larpassId: number): string {
  return nameGuid(`larpass:${eventSlug}:${larpassId}`);
}

/** A stable UUID-shaped id for a name (SHA-1, like a version 5 UUID). */
export function nameGuid(name: string): string {
  const h = createHash("sha1").update(name).digest("hex");
  const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** "00:45" for 45 minutes. */
function duration(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

export type ScheduleItem = {
  id: number;
  slug: string;
  title: string;
  abstract: string;
  track: string | null;
  language: string;
  startsAt: Date;
  endsAt: Date;
  room: string;
  persons: { id: number; slug: string; name: string }[];
};

export function renderScheduleXml({ event, items, baseUrl }: { event: Pick<Event, "slug" | "name" | "startsOn" | "endsOn" | "timeZone">; items: ScheduleItem[]; baseUrl: string }): string {
  const tz = event.timeZone;
  const byDate = new Map<string, ScheduleItem[]>();
  for (const item of items) {
    const date = utcToZoned(item.startsAt, tz).date;
    byDate.set(date, [...(byDate.get(date) ?? []), item]);
  }
  // The event's days (at most MAX_EVENT_DAYS, whatever the database holds) and every day with a lärpass.
  const dates = [...new Set([...calendarDates(event.startsOn, event.endsOn), ...byDate.keys()])].sort();
  const version = scheduleVersion(items);

  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>', "<schedule>", `  <version>${version}</version>`, "  <conference>"];
  out.push(`    <title>${xmlText(event.name)}</title>`);
  out.push(`    <acronym>${xmlText(event.slug)}</acronym>`);
  out.push(`    <start>${xmlText(dates[0] ?? event.startsOn)}</start>`);
  out.push(`    <end>${xmlText(dates.at(-1) ?? event.endsOn)}</end>`);
  out.push(`    <days>${dates.length}</days>`);
  out.push("  </conference>");

  dates.forEach((date, index) => {
    const list = (byDate.get(date) ?? []).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.id - b.id);
    const span = list.length
      ? ` start="${toZonedIso(list[0].startsAt, tz)}" end="${toZonedIso(new Date(Math.max(...list.map((l) => l.endsAt.getTime()))), tz)}"`
      : "";
    out.push(`  <day index="${index + 1}" date="${date}"${span}>`);
    const roomNames = [...new Set(list.map((l) => l.room))].sort(compareSv);
    for (const room of roomNames) {
      out.push(`    <room name="${xmlText(room)}">`);
      for (const l of list.filter((x) => x.room === room)) {
        const url = `${baseUrl}/evenemang/${encodeURIComponent(event.slug)}/larpass/${encodeURIComponent(l.slug)}`;
        out.push(`      <event id="${l.id}" guid="${larpassGuid(event.slug, l.id)}">`);
        out.push(`        <date>${toZonedIso(l.startsAt, tz)}</date>`);
        out.push(`        <start>${utcToZoned(l.startsAt, tz).time}</start>`);
        out.push(`        <duration>${duration(l.endsAt.getTime() - l.startsAt.getTime())}</duration>`);
        out.push(`        <room>${xmlText(room)}</room>`);
        out.push(`        <slug>${xmlText(`${event.slug}-${l.id}-${l.slug}`)}</slug>`);
        out.push(`        <title>${xmlText(l.title)}</title>`);
        out.push("        <subtitle></subtitle>");
        out.push(`        <track>${xmlText(l.track ?? "")}</track>`);
        out.push("        <type>Lärpass</type>");
        out.push(`        <language>${xmlText(l.language)}</language>`);
        out.push(`        <abstract>${xmlText(l.abstract)}</abstract>`);
        out.push("        <description></description>");
        out.push("        <persons>");
        for (const p of l.persons) out.push(`          <person id="${p.id}">${xmlText(p.name)}</person>`);
        out.push("        </persons>");
        out.push("        <links>");
        out.push(`          <link href="${xmlText(url)}">${xmlText(l.title)}</link>`);
        out.push("        </links>");
        out.push("      </event>");
      }
      out.push("    </room>");
    }
    out.push("  </day>");
  });
  out.push("</schedule>");
  return `${out.join("\n")}\n`;
}

/** A published event and its published, scheduled lärpass, as both schedule exports read them. */
export type ScheduleData = { event: Event; items: ScheduleItem[] };

/**
 * A published event with its published lärpass that have a time (a cancelled one is left out, as frab and
 * C3VOC clients cannot mark it), or null when there is none by that slug.
 */
export function getScheduleData({ slug, database = defaultDb }: { slug: string; database?: DB }): ScheduleData | null {
  const event = database.select().from(events).where(and(eq(events.slug, slug), eq(events.published, true))).get();
  if (!event) return null;
  const rows = database
    .select({ l: larpass, startsAt: timeSlots.startsAt, endsAt: timeSlots.endsAt, room: rooms.name })
    .from(larpass)
    .innerJoin(timeSlots, eq(timeSlots.id, larpass.timeSlotId))
    .leftJoin(rooms, eq(rooms.id, larpass.roomId))
    .where(and(eq(larpass.eventId, event.id), eq(larpass.status, "published"), isNotNull(larpass.timeSlotId)))
    .orderBy(asc(timeSlots.startsAt), asc(larpass.sortOrder), asc(larpass.id))
    .all();
  const ids = rows.map((r) => r.l.id);
  const people = ids.length
    ? database
        .select({ larpassId: larpassSpeakers.larpassId, id: speakers.id, slug: speakers.slug, name: speakers.name })
        .from(larpassSpeakers)
        .innerJoin(speakers, eq(speakers.id, larpassSpeakers.speakerId))
        .where(inArray(larpassSpeakers.larpassId, ids))
        .orderBy(asc(larpassSpeakers.position))
        .all()
    : [];
  return {
    event,
    items: rows.map((r) => ({
      id: r.l.id,
      slug: r.l.slug,
      title: r.l.title,
      abstract: r.l.abstract,
      track: r.l.track,
      language: r.l.language,
      startsAt: r.startsAt,
      endsAt: r.endsAt,
      room: r.room ?? "Lokal meddelas senare",
      persons: people.filter((p) => p.larpassId === r.l.id).map((p) => ({ id: p.id, slug: p.slug, name: p.name })),
    })),
  };
}

/** The schedule.xml of a published event, or null when there is none by that slug. */
export function getScheduleXml({ slug, database = defaultDb, baseUrl = siteUrl() }: { slug: string; database?: DB; baseUrl?: string }): string | null {
  const data = getScheduleData({ slug, database });
  return data ? renderScheduleXml({ ...data, baseUrl }) : null;
}

/** A short hash of what the apps show, so that a client sees a new version when the programme changed. */
export function scheduleVersion(items: ScheduleItem[]): string {
  return items.length
    ? createHash("sha1")
        .update(JSON.stringify(items.map((i) => [i.id, i.title, i.startsAt.getTime(), i.endsAt.getTime(), i.room])))
        .digest("hex")
        .slice(0, 12)
    : "tomt";
}
