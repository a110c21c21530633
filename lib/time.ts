/** Times are stored in UTC and always shown in the event's zone (Europe/Stockholm). */
export const DEFAULT_TIME_ZONE = "Europe/Stockholm";

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = timeZone + JSON.stringify(options);
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat("sv-SE", { timeZone, ...options });
    formatters.set(key, f);
  }
  return f;
}

/** Offset in minutes of `timeZone` from UTC at the instant `date`. */
function offsetMinutes(date: Date, timeZone: string): number {
  const parts = formatter(timeZone, {
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(date);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return Math.round((asUtc - date.getTime()) / 60000);
}

/** Whether "YYYY-MM-DD" is a date on the calendar (not 2019-02-30, not 2019-13-01). */
export function isCalendarDate(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

/** The longest event, in calendar days from the first to the last, inclusive (lib/validation/admin checks it). */
export const MAX_EVENT_DAYS = 31;

/**
 * Every calendar date from `first` to `last`, inclusive, but never more than `limit` of them, whatever the
 * database holds: an end on 9999-12-31 once made the schedule.xml loop for minutes. Anything that is not a
 * calendar date gives no dates. The loop compares instants, not strings (years past 9999 do not sort).
 */
export function calendarDates(first: string, last: string, limit = MAX_EVENT_DAYS): string[] {
  if (!isCalendarDate(first) || !isCalendarDate(last)) return [];
  const out: string[] = [];
  const end = Date.parse(`${last}T12:00:00Z`);
  for (let t = Date.parse(`${first}T12:00:00Z`); t <= end && out.length < limit; t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

/** The first of the event's dates without a day yet (the "add a day" form's suggestion), else the first date. */
export function firstFreeDate(startsOn: string, endsOn: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  return calendarDates(startsOn, endsOn).find((d) => !used.has(d)) ?? startsOn;
}

/** "9.05", "09:05" -> "09:05"; a time that is not on the clock (24:00, 09:60, 99:99) -> null. */
export function parseClockTime(time: string): string | null {
  const m = /^(\d{1,2})[:.](\d{2})$/.exec(time.trim());
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return null;
  return `${m[1].padStart(2, "0")}:${m[2]}`;
}

/**
 * "2018-03-15" + "09:00" in Stockholm -> the UTC instant. Throws on malformed input and on dates and
 * times that do not exist (2019-02-30, 25:00): Date.UTC would roll them over into another day.
 */
export function zonedToUtc(date: string, time: string, timeZone = DEFAULT_TIME_ZONE): Date {
  const clock = parseClockTime(time);
  if (!isCalendarDate(date) || !clock) throw new Error(`Ogiltig tid: ${date} ${time}`);
  const guess = Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10), +clock.slice(0, 2), +clock.slice(3, 5));
  // Two passes settle the offset also on the days the clocks change.
  let instant = guess - offsetMinutes(new Date(guess), timeZone) * 60000;
  instant = guess - offsetMinutes(new Date(instant), timeZone) * 60000;
  return new Date(instant);
}

/** The instant as local date "YYYY-MM-DD" and time "HH:MM" in the zone. */
export function utcToZoned(instant: Date, timeZone = DEFAULT_TIME_ZONE): { date: string; time: string } {
  // A programme asks this for the same few slot times hundreds of times per page: remember the answers.
  const key = `${timeZone}|${instant.getTime()}`;
  const known = zoned.get(key);
  if (known) return known;
  const f = formatter(timeZone, { hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" });
  const parts = f.formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  const result = Object.freeze({ date: `${get("year")}-${get("month")}-${get("day")}`, time: `${get("hour")}:${get("minute")}` });
  if (zoned.size >= 10_000) zoned.clear();
  zoned.set(key, result);
  return result;
}
const zoned = new Map<string, { date: string; time: string }>();

/** "09:00" */
export function formatTime(instant: Date, timeZone = DEFAULT_TIME_ZONE): string {
  return formatter(timeZone, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(instant);
}

/** "09:00–09:45" */
export function formatTimeRange(start: Date, end: Date, timeZone = DEFAULT_TIME_ZONE): string {
  return `${formatTime(start, timeZone)}–${formatTime(end, timeZone)}`;
}

/** "torsdag 15 mars 2018" */
export function formatDay(instant: Date, timeZone = DEFAULT_TIME_ZONE): string {
  return formatter(timeZone, { weekday: "long", day: "numeric", month: "long", year: "numeric" }).format(instant);
}

/** "15 mars 2018 kl. 09:00" */
export function formatDateTime(instant: Date, timeZone = DEFAULT_TIME_ZONE): string {
  return `${formatter(timeZone, { day: "numeric", month: "long", year: "numeric" }).format(instant)} kl. ${formatTime(instant, timeZone)}`;
}

/** A calendar date "2018-03-15" as "torsdag 15 mars 2018" (noon UTC avoids any zone edge). */
export function formatIsoDate(isoDate: string): string {
  if (!isCalendarDate(isoDate)) return isoDate; // whatever the database holds, the page still renders
  return formatter("UTC", { weekday: "long", day: "numeric", month: "long", year: "numeric" }).format(
    new Date(`${isoDate}T12:00:00Z`),
  );
}

/** "14–15 mars 2018" or "15 mars 2018" for an event's first and last day. */
export function formatDateSpan(startsOn: string, endsOn: string): string {
  if (!isCalendarDate(startsOn) || !isCalendarDate(endsOn)) return startsOn === endsOn ? startsOn : `${startsOn}–${endsOn}`;
  const f = formatter("UTC", { day: "numeric", month: "long", year: "numeric" });
  const a = new Date(`${startsOn}T12:00:00Z`);
  const b = new Date(`${endsOn}T12:00:00Z`);
  if (startsOn === endsOn) return f.format(a);
  return f.formatRange(a, b);
}

/** ISO 8601 with the zone's offset, for <time dateTime> and exports: "2018-03-15T09:00:00+01:00". */
export function toZonedIso(instant: Date, timeZone = DEFAULT_TIME_ZONE): string {
  const { date, time } = utcToZoned(instant, timeZone);
  const off = offsetMinutes(instant, timeZone);
  const sign = off >= 0 ? "+" : "-";
  const abs = Math.abs(off);
  return `${date}T${time}:00${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}
