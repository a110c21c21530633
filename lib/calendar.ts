import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import ical, { ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import type { CalendarEntry } from "./my-programme";
import { DEFAULT_TIME_ZONE, utcToZoned } from "./time";

/**
 * ical-generator writes a plain Date given with a `timezone` by its local fields, i.e. in the server's
 * own zone (UTC on most servers), after TZID=Europe/Stockholm. So it gets a Date whose local fields are
 * the wall-clock time in the event's zone.
 */
function wallClock(instant: Date, timeZone: string): Date {
  const { date, time } = utcToZoned(instant, timeZone);
  const [y, m, d] = date.split("-").map(Number);
  const [h, min] = time.split(":").map(Number);
  return new Date(y, m - 1, d, h, min, instant.getUTCSeconds());
}

/**
 * An iCalendar file of lärpass (the member's own, an event's, a track's or one lärpass), with times in
 * Europe/Stockholm (VTIMEZONE included). Every lärpass keeps its UID (`larpass-<id>@larpass`) in every
 * feed; SEQUENCE grows with each change (lib/exports/calendar-feeds.ts derives it from the lärpass's
 * version), and a cancelled lärpass is sent with STATUS:CANCELLED rather than left out, so that a
 * subscribed calendar marks it instead of keeping a stale entry.
 */
export function buildCalendar({ name, entries, product = "Mitt program" }: { name: string; entries: CalendarEntry[]; product?: string }): string {
  const calendar = ical({
    name,
    prodId: { company: "Lärpass", product, language: "SV" },
    timezone: { name: DEFAULT_TIME_ZONE, generator: getVtimezoneComponent },
    method: ICalCalendarMethod.PUBLISH,
    ttl: 60 * 30,
  });
  for (const e of entries) {
    calendar.createEvent({
      id: e.uid,
      start: wallClock(e.start, e.timeZone),
      end: wallClock(e.end, e.timeZone),
      timezone: e.timeZone,
      summary: e.cancelled ? `${e.cancelledPrefix ?? "Inställt: "}${e.title}` : e.title,
      sequence: e.sequence ?? 0,
      status: e.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      description: e.description,
      location: e.location || undefined,
      url: e.url,
    });
  }
  return calendar.toString();
}
