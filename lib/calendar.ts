import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import ical, { ICalCalendarMethod } from "ical-generator";
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

/** An iCalendar file of the member's lärpass, with times in Europe/Stockholm (VTIMEZONE included). */
export function buildCalendar({ name, entries }: { name: string; entries: CalendarEntry[] }): string {
  const calendar = ical({
    name,
    prodId: { company: "Lärpass", product: "Mitt program", language: "SV" },
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
      summary: e.title,
      description: e.description,
      location: e.location || undefined,
      url: e.url,
    });
  }
  return calendar.toString();
}
