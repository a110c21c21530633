import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import ical, { ICalCalendarMethod } from "ical-generator";
import type { CalendarEntry } from "./my-programme";
import { DEFAULT_TIME_ZONE } from "./time";

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
      start: e.start,
      end: e.end,
      timezone: e.timeZone,
      summary: e.title,
      description: e.description,
      location: e.location || undefined,
      url: e.url,
    });
  }
  return calendar.toString();
}
