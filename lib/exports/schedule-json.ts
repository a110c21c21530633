import "server-only";
// The published programme in the C3VOC schedule JSON format (voc/schedule; read by the same conference apps
// as schedule.xml), valid against test/fixtures/schemas/schedule.schema.json. Same data and the same ids as
// schedule.xml (lib/schedule-xml.ts): a lärpass has the same guid in both.
import type { Event } from "@/db/schema";
import { getScheduleData, larpassGuid, nameGuid, scheduleVersion, type ScheduleItem } from "@/lib/schedule-xml";
import { siteUrl } from "@/lib/site-url";
import { slugify } from "@/lib/slug";
import { compareSv } from "@/lib/text";
import { calendarDates, toZonedIso, utcToZoned, zonedToUtc } from "@/lib/time";

/**
 * The schema's acronym pattern is `^[a-z0-9_-][a-z0-9_]{3,}(-2[0-9]{3}-[a-z]+)?$`: after the first character
 * a hyphen may only start a "-2018-xyz" suffix, so an event slug such as "arskonferens-2018" becomes
 * "arskonferens_2018" (hyphens to underscores), padded to four characters.
 */
export function acronymOf(slug: string): string {
  const base = slug.toLowerCase().replace(/[^a-z0-9_]/g, "_") || "lp";
  return base.padEnd(4, "_");
}

/** A slug for the schema's `^[a-z0-9_-]+[a-z0-9]$` (events, tracks). */
function schemaSlug(text: string): string {
  const s = slugify(text).replace(/[^a-z0-9_-]/g, "");
  return /[a-z0-9]$/.test(s) && s.length >= 2 ? s : `${s || "x"}0`;
}

function duration(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

export type ScheduleJson = { $schema: string; generator: { name: string; version: string; url?: string }; schedule: Record<string, unknown> };

export function renderScheduleJson({ event, items, baseUrl }: { event: Event; items: ScheduleItem[]; baseUrl: string }): ScheduleJson {
  const tz = event.timeZone;
  const byDate = new Map<string, ScheduleItem[]>();
  for (const item of items) {
    const date = utcToZoned(item.startsAt, tz).date;
    byDate.set(date, [...(byDate.get(date) ?? []), item]);
  }
  const dates = [...new Set([...calendarDates(event.startsOn, event.endsOn), ...byDate.keys()])].sort();
  const roomNames = [...new Set(items.map((i) => i.room))].sort(compareSv);
  const tracks = [...new Set(items.map((i) => i.track).filter((t): t is string => Boolean(t)))].sort(compareSv);
  const larpassUrl = (l: ScheduleItem) => `${baseUrl}/evenemang/${encodeURIComponent(event.slug)}/larpass/${encodeURIComponent(l.slug)}`;

  const days = dates.map((date, index) => {
    const list = (byDate.get(date) ?? []).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.id - b.id);
    const dayStart = list.length ? list[0].startsAt : zonedToUtc(date, "00:00", tz);
    const dayEnd = list.length ? new Date(Math.max(...list.map((l) => l.endsAt.getTime()))) : zonedToUtc(date, "23:59", tz);
    const rooms: Record<string, unknown[]> = {};
    for (const room of roomNames) {
      const here = list.filter((l) => l.room === room);
      if (here.length === 0) continue;
      rooms[room] = here.map((l) => ({
        guid: larpassGuid(event.slug, l.id),
        id: l.id,
        date: toZonedIso(l.startsAt, tz),
        start: utcToZoned(l.startsAt, tz).time,
        end: toZonedIso(l.endsAt, tz),
        duration: duration(l.endsAt.getTime() - l.startsAt.getTime()),
        room,
        slug: schemaSlug(`${event.slug}-${l.id}-${l.slug}`),
        url: larpassUrl(l),
        title: l.title,
        subtitle: null,
        track: l.track ?? null,
        type: "Lärpass",
        language: l.language,
        abstract: l.abstract,
        description: null,
        persons: l.persons.map((p) => ({
          name: p.name,
          id: p.id,
          guid: nameGuid(`speaker:${p.id}`),
          url: `${baseUrl}/talare/${encodeURIComponent(p.slug)}`,
        })),
        links: [{ url: larpassUrl(l), title: l.title, type: "web" }],
      }));
    }
    return { index: index + 1, date, day_start: toZonedIso(dayStart, tz), day_end: toZonedIso(dayEnd, tz), rooms };
  });

  const conference: Record<string, unknown> = {
    acronym: acronymOf(event.slug),
    title: event.name,
    start: dates[0] ?? event.startsOn,
    end: dates.at(-1) ?? event.endsOn,
    daysCount: dates.length,
    timeslot_duration: "00:15",
    url: `${baseUrl}/evenemang/${encodeURIComponent(event.slug)}`,
    rooms: roomNames.map((name) => ({ name, guid: nameGuid(`room:${event.slug}:${name}`) })),
    tracks: tracks.map((name) => ({ name, slug: schemaSlug(name) })),
    days,
  };
  if (/^([A-Z][a-z]+\/[A-Z][a-z]+)|UTC$/.test(tz)) conference.time_zone_name = tz;
  if (event.description) conference.description = event.description;
  return {
    $schema: "https://c3voc.de/schedule/schema.json",
    generator: { name: "Lärpass", version: "1" },
    schedule: { version: scheduleVersion(items), base_url: `${baseUrl}/`, conference },
  };
}

/** The schedule.json of a published event, or null when there is none by that slug. */
export function getScheduleJson({ slug, baseUrl = siteUrl() }: { slug: string; baseUrl?: string }): ScheduleJson | null {
  const data = getScheduleData({ slug });
  return data ? renderScheduleJson({ ...data, baseUrl }) : null;
}
