import "server-only";
// Participant lists for the organisers: CSV files that Excel opens with å, ä and ö intact (UTF-8 with a
// byte order mark, ";" between fields as Swedish Excel expects, CRLF line ends), and the data of the
// printable list for the room host.
import { and, asc, eq, type SQL } from "drizzle-orm";
import { db as defaultDb, type DB } from "@/db";
import { events, larpass, organisations, registrations, rooms, timeSlots, users, type Event } from "@/db/schema";
import { registrationStatusLabels, type RegistrationStatus } from "@/lib/domain";
import { compareSv } from "@/lib/text";
import { formatDay, formatTimeRange } from "@/lib/time";
import { effectiveCapacity } from "@/lib/capacity";

export type CsvCell = string | number | null | undefined;

/**
 * A spreadsheet program runs a cell that starts with = + - @ (or a tab/CR before one) as a formula:
 * names typed by members must never become formulas in the organiser's Excel.
 */
function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "number" ? String(value) : neutraliseFormula(value);
  return /[;"\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The whole file: BOM, rows joined by ";" and CRLF, a CRLF after the last row too. */
export function toCsv(rows: CsvCell[][]): string {
  return `\uFEFF${rows.map((r) => r.map(csvCell).join(";")).join("\r\n")}\r\n`;
}

export const participantHeader = ["Namn", "Organisation", "E-post", "Status", "Köplats", "Lärpass", "Tid", "Lokal"] as const;

export type ParticipantRow = {
  name: string;
  /** The organisation the member gave (Mitt konto); "" when none. */
  organisation: string;
  email: string;
  status: RegistrationStatus;
  /** 1 = first in the queue; null for a seat. */
  position: number | null;
  larpassId: number;
  larpassTitle: string;
  startsAt: Date | null;
  endsAt: Date | null;
  time: string;
  room: string;
};

/**
 * Registrations of an event (or of one of its lärpass / time slots), in schedule order; per lärpass
 * the seats by name, then the queue in order.
 */
export function listParticipants({
  eventId,
  larpassId,
  slotId,
  database = defaultDb,
}: {
  eventId: number;
  larpassId?: number;
  slotId?: number;
  database?: DB;
}): ParticipantRow[] {
  const where: SQL[] = [eq(larpass.eventId, eventId)];
  if (larpassId !== undefined) where.push(eq(larpass.id, larpassId));
  if (slotId !== undefined) where.push(eq(larpass.timeSlotId, slotId));
  const rows = database
    .select({
      id: registrations.id,
      status: registrations.status,
      queuedAt: registrations.queuedAt,
      name: users.name,
      organisation: organisations.name,
      email: users.email,
      larpassId: larpass.id,
      title: larpass.title,
      sortOrder: larpass.sortOrder,
      startsAt: timeSlots.startsAt,
      endsAt: timeSlots.endsAt,
      room: rooms.name,
      timeZone: events.timeZone,
    })
    .from(registrations)
    .innerJoin(users, eq(users.id, registrations.userId))
    .leftJoin(organisations, eq(organisations.id, users.organisationId))
    .innerJoin(larpass, eq(larpass.id, registrations.larpassId))
    .innerJoin(events, eq(events.id, larpass.eventId))
    .leftJoin(timeSlots, eq(timeSlots.id, larpass.timeSlotId))
    .leftJoin(rooms, eq(rooms.id, larpass.roomId))
    .where(and(...where))
    .orderBy(asc(timeSlots.startsAt), asc(larpass.sortOrder), asc(larpass.id), asc(registrations.queuedAt), asc(registrations.id))
    .all();

  const positions = new Map<number, number>();
  const queueLength = new Map<number, number>();
  for (const r of rows) {
    if (r.status !== "waitlisted") continue;
    const n = (queueLength.get(r.larpassId) ?? 0) + 1;
    queueLength.set(r.larpassId, n);
    positions.set(r.id, n);
  }
  const order = new Map<number, number>();
  rows.forEach((r) => order.has(r.larpassId) || order.set(r.larpassId, order.size));
  const displayName = (r: (typeof rows)[number]) => r.name?.trim() || "";
  return rows
    .map((r) => ({
      name: displayName(r),
      organisation: r.organisation ?? "",
      email: r.email ?? "",
      status: r.status,
      position: positions.get(r.id) ?? null,
      larpassId: r.larpassId,
      larpassTitle: r.title,
      startsAt: r.startsAt,
      endsAt: r.endsAt,
      time: r.startsAt && r.endsAt ? `${formatDay(r.startsAt, r.timeZone)} ${formatTimeRange(r.startsAt, r.endsAt, r.timeZone)}` : "",
      room: r.room ?? "",
    }))
    .sort(
      (a, b) =>
        order.get(a.larpassId)! - order.get(b.larpassId)! ||
        (a.status === b.status ? 0 : a.status === "confirmed" ? -1 : 1) ||
        (a.status === "waitlisted" ? a.position! - b.position! : compareSv(a.name || a.email, b.name || b.email)),
    );
}

export function participantsCsv(rows: ParticipantRow[]): string {
  return toCsv([
    [...participantHeader],
    ...rows.map((r) => [r.name, r.organisation, r.email, registrationStatusLabels[r.status], r.position, r.larpassTitle, r.time, r.room]),
  ]);
}

export type ParticipantList = {
  event: Pick<Event, "id" | "name" | "slug" | "timeZone">;
  larpass: { id: number; title: string; status: string; capacity: number | null };
  slot: { startsAt: Date; endsAt: Date } | null;
  room: { name: string; capacity: number } | null;
  confirmed: ParticipantRow[];
  waitlisted: ParticipantRow[];
};

/** The room host's list for one lärpass. */
export function getParticipantList({ larpassId, database = defaultDb }: { larpassId: number; database?: DB }): ParticipantList | null {
  const row = database
    .select({ l: larpass, event: { id: events.id, name: events.name, slug: events.slug, timeZone: events.timeZone }, slot: timeSlots, room: rooms })
    .from(larpass)
    .innerJoin(events, eq(events.id, larpass.eventId))
    .leftJoin(timeSlots, eq(timeSlots.id, larpass.timeSlotId))
    .leftJoin(rooms, eq(rooms.id, larpass.roomId))
    .where(eq(larpass.id, larpassId))
    .get();
  if (!row) return null;
  const people = listParticipants({ eventId: row.event.id, larpassId, database });
  return {
    event: row.event,
    larpass: { id: row.l.id, title: row.l.title, status: row.l.status, capacity: effectiveCapacity(row.l.capacity, row.room?.capacity) },
    slot: row.slot ? { startsAt: row.slot.startsAt, endsAt: row.slot.endsAt } : null,
    room: row.room ? { name: row.room.name, capacity: row.room.capacity } : null,
    confirmed: people.filter((p) => p.status === "confirmed"),
    waitlisted: people.filter((p) => p.status === "waitlisted"),
  };
}

/** Which export a file name asks for: "anmalningar.csv", "pass-<id>.csv" or "larpass-<id>.csv". */
export function parseExportFile(file: string): { kind: "all" } | { kind: "slot"; id: number } | { kind: "larpass"; id: number } | null {
  if (file === "anmalningar.csv") return { kind: "all" };
  const m = /^(pass|larpass)-([1-9][0-9]{0,9})\.csv$/.exec(file);
  if (!m) return null;
  return { kind: m[1] === "pass" ? "slot" : "larpass", id: Number(m[2]) };
}

/** The CSV for an export file name of an event, with its download name; null when it names nothing there. */
export function buildEventExport({
  eventId,
  file,
  database = defaultDb,
}: {
  eventId: number;
  file: string;
  database?: DB;
}): { filename: string; csv: string } | null {
  const event = database.select({ id: events.id, slug: events.slug }).from(events).where(eq(events.id, eventId)).get();
  const what = parseExportFile(file);
  if (!event || !what) return null;
  if (what.kind === "all") {
    return { filename: `${event.slug}-anmalningar.csv`, csv: participantsCsv(listParticipants({ eventId, database })) };
  }
  if (what.kind === "slot") {
    const slot = database.select({ id: timeSlots.id, eventId: timeSlots.eventId }).from(timeSlots).where(eq(timeSlots.id, what.id)).get();
    if (!slot || slot.eventId !== eventId) return null;
    return { filename: `${event.slug}-pass-${slot.id}.csv`, csv: participantsCsv(listParticipants({ eventId, slotId: slot.id, database })) };
  }
  const lp = database.select({ id: larpass.id, eventId: larpass.eventId, slug: larpass.slug }).from(larpass).where(eq(larpass.id, what.id)).get();
  if (!lp || lp.eventId !== eventId) return null;
  return { filename: `${event.slug}-${lp.slug}.csv`, csv: participantsCsv(listParticipants({ eventId, larpassId: lp.id, database })) };
}
