// Reading lärpass for the organisers' pages: the form's values and options, the event's list, the CSV
// rows, and two versions of a lärpass in words for the conflict view. Writes are in ./larpass.ts.
import "server-only";
import { asc, eq, inArray, sql } from "drizzle-orm";
import { db as defaultDb, type DB } from "@/db";
import { events, larpass, larpassSpeakers, organisations, rooms, speakers, timeSlots, type Event, type Larpass } from "@/db/schema";
import type { LarpassStatus } from "@/lib/domain";
import type { CsvLarpass } from "@/lib/import/csv";
import { getSeatCounts } from "@/lib/registrations";
import { sortBySv } from "@/lib/text";
import { formatDay, formatTimeRange, utcToZoned } from "@/lib/time";
import { languageLabels, larpassStatusLabels } from "@/lib/domain";
import { encodeSpeakerEntry, type SpeakerEntry } from "@/lib/speaker-entry";
import { effectiveCapacity } from "@/lib/capacity";

/** The lärpass form's fields as text, the way the form shows and sends them. */
export type LarpassFormValues = {
  title: string;
  slug: string;
  abstract: string;
  /** Encoded speaker entries, in order (see encodeSpeakerEntry). */
  speakers: string[];
  timeSlotId: string;
  roomId: string;
  capacity: string;
  status: string;
  track: string;
  language: string;
};

/** What a new lärpass form starts with. */
export const emptyLarpassValues: LarpassFormValues = {
  title: "",
  slug: "",
  abstract: "",
  speakers: [],
  timeSlotId: "",
  roomId: "",
  capacity: "",
  status: "draft",
  track: "",
  language: "sv",
};

/** The same, in words, for showing two versions side by side. */
export type LarpassDisplay = {
  title: string;
  slug: string;
  abstract: string;
  speakers: string[];
  timeSlot: string;
  room: string;
  capacity: string;
  status: string;
  track: string;
  language: string;
};

export type LarpassVersion = { version: number; updatedAt: Date; values: LarpassFormValues; display: LarpassDisplay };

// Reading ------------------------------------------------------------------------------------------------

export type SpeakerOption = { id: number; name: string; organisation: string | null };
export type LarpassFormOptions = {
  slots: { id: number; label: string }[];
  rooms: { id: number; name: string; capacity: number }[];
  speakers: SpeakerOption[];
  organisations: string[];
};

function slotText(slot: { startsAt: Date; endsAt: Date; label: string }, timeZone: string) {
  const base = `${formatDay(slot.startsAt, timeZone)} ${formatTimeRange(slot.startsAt, slot.endsAt, timeZone)}`;
  return slot.label ? `${base} (${slot.label})` : base;
}

export function getLarpassFormOptions({ eventId, database = defaultDb }: { eventId: number; database?: DB }): LarpassFormOptions {
  const event = database.select({ timeZone: events.timeZone }).from(events).where(eq(events.id, eventId)).get();
  const timeZone = event?.timeZone ?? "Europe/Stockholm";
  const slots = database.select().from(timeSlots).where(eq(timeSlots.eventId, eventId)).orderBy(asc(timeSlots.startsAt)).all();
  const roomRows = database.select().from(rooms).where(eq(rooms.eventId, eventId)).all();
  const speakerRows = database
    .select({ id: speakers.id, name: speakers.name, organisation: organisations.name })
    .from(speakers)
    .leftJoin(organisations, eq(organisations.id, speakers.organisationId))
    .all();
  const orgRows = database.select({ name: organisations.name }).from(organisations).all();
  return {
    slots: slots.map((s) => ({ id: s.id, label: slotText(s, timeZone) })),
    rooms: sortBySv(roomRows, (r) => r.name).map((r) => ({ id: r.id, name: r.name, capacity: r.capacity })),
    speakers: sortBySv(speakerRows, (s) => s.name),
    organisations: sortBySv(orgRows, (o) => o.name).map((o) => o.name),
  };
}

export function speakerIdsOf(tx: Pick<DB, "select">, larpassId: number): number[] {
  return tx
    .select({ id: larpassSpeakers.speakerId })
    .from(larpassSpeakers)
    .where(eq(larpassSpeakers.larpassId, larpassId))
    .orderBy(asc(larpassSpeakers.position))
    .all()
    .map((r) => r.id);
}

export function formValuesOf(row: Larpass, speakerIds: number[]): LarpassFormValues {
  return {
    title: row.title,
    slug: row.slug,
    abstract: row.abstract,
    speakers: speakerIds.map((id) => encodeSpeakerEntry({ kind: "existing", id })),
    timeSlotId: row.timeSlotId ? String(row.timeSlotId) : "",
    roomId: row.roomId ? String(row.roomId) : "",
    capacity: row.capacity != null ? String(row.capacity) : "",
    status: row.status,
    track: row.track ?? "",
    language: row.language,
  };
}

export type Comparable = {
  title: string;
  slug: string | null;
  abstract: string;
  speakers: SpeakerEntry[];
  timeSlotId: number | null;
  roomId: number | null;
  capacity: number | null;
  status: LarpassStatus;
  track: string | null;
  language: string;
};

/** Names for ids, so two versions can be read side by side. */
export function display(tx: Pick<DB, "select">, eventId: number, v: Comparable): LarpassDisplay {
  const event = tx.select({ timeZone: events.timeZone }).from(events).where(eq(events.id, eventId)).get();
  const slot = v.timeSlotId ? tx.select().from(timeSlots).where(eq(timeSlots.id, v.timeSlotId)).get() : undefined;
  const room = v.roomId ? tx.select().from(rooms).where(eq(rooms.id, v.roomId)).get() : undefined;
  const ids = v.speakers.flatMap((s) => (s.kind === "existing" ? [s.id] : []));
  const known = new Map(
    (ids.length
      ? tx
          .select({ id: speakers.id, name: speakers.name, org: organisations.name })
          .from(speakers)
          .leftJoin(organisations, eq(organisations.id, speakers.organisationId))
          .where(inArray(speakers.id, ids))
          .all()
      : []
    ).map((s) => [s.id, s.org ? `${s.name}, ${s.org}` : s.name]),
  );
  return {
    title: v.title,
    slug: v.slug ?? "",
    abstract: v.abstract,
    speakers: v.speakers.map((s) =>
      s.kind === "existing" ? (known.get(s.id) ?? `(borttagen talare)`) : `${s.name}${s.organisation ? `, ${s.organisation}` : ""} (ny)`,
    ),
    timeSlot: slot ? slotText(slot, event?.timeZone ?? "Europe/Stockholm") : "Ingen tid ännu",
    room: room ? `${room.name} (${room.capacity} platser)` : "Ingen lokal ännu",
    capacity: v.capacity != null ? String(v.capacity) : "Lokalens antal",
    status: larpassStatusLabels[v.status],
    track: v.track ?? "",
    language: languageLabels[v.language] ?? v.language,
  };
}

export function comparableOf(row: Larpass, speakerIds: number[]): Comparable {
  return {
    title: row.title,
    slug: row.slug,
    abstract: row.abstract,
    speakers: speakerIds.map((id) => ({ kind: "existing", id })),
    timeSlotId: row.timeSlotId,
    roomId: row.roomId,
    capacity: row.capacity,
    status: row.status,
    track: row.track,
    language: row.language,
  };
}

export type LarpassForEdit = {
  larpass: Larpass;
  event: Pick<Event, "id" | "slug" | "name" | "published" | "timeZone">;
  values: LarpassFormValues;
  seats: { confirmed: number; waitlisted: number };
};

export function getLarpassForEdit({ id, database = defaultDb }: { id: number; database?: DB }): LarpassForEdit | null {
  const row = database
    .select({ l: larpass, event: { id: events.id, slug: events.slug, name: events.name, published: events.published, timeZone: events.timeZone } })
    .from(larpass)
    .innerJoin(events, eq(events.id, larpass.eventId))
    .where(eq(larpass.id, id))
    .get();
  if (!row) return null;
  const seats = getSeatCounts({ larpassIds: [id], database }).get(id) ?? { confirmed: 0, waitlisted: 0 };
  return { larpass: row.l, event: row.event, values: formValuesOf(row.l, speakerIdsOf(database, id)), seats };
}

export type AdminLarpassRow = {
  id: number;
  title: string;
  slug: string;
  status: LarpassStatus;
  slot: { startsAt: Date; endsAt: Date } | null;
  room: string | null;
  capacity: number | null;
  speakers: string[];
  seats: { confirmed: number; waitlisted: number };
  version: number;
};

/** Every lärpass of an event (all statuses), by time and the organisers' order. */
export function listEventLarpass({ eventId, database = defaultDb }: { eventId: number; database?: DB }): AdminLarpassRow[] {
  const rows = database
    .select({ l: larpass, slot: timeSlots, room: rooms })
    .from(larpass)
    .leftJoin(timeSlots, eq(timeSlots.id, larpass.timeSlotId))
    .leftJoin(rooms, eq(rooms.id, larpass.roomId))
    .where(eq(larpass.eventId, eventId))
    .orderBy(sql`${timeSlots.startsAt} is null`, asc(timeSlots.startsAt), asc(larpass.sortOrder), asc(larpass.id))
    .all();
  const ids = rows.map((r) => r.l.id);
  const names = new Map<number, string[]>();
  if (ids.length) {
    const links = database
      .select({ larpassId: larpassSpeakers.larpassId, name: speakers.name })
      .from(larpassSpeakers)
      .innerJoin(speakers, eq(speakers.id, larpassSpeakers.speakerId))
      .where(inArray(larpassSpeakers.larpassId, ids))
      .orderBy(asc(larpassSpeakers.larpassId), asc(larpassSpeakers.position))
      .all();
    for (const l of links) names.set(l.larpassId, [...(names.get(l.larpassId) ?? []), l.name]);
  }
  const seats = getSeatCounts({ larpassIds: ids, database });
  return rows.map(({ l, slot, room }) => ({
    id: l.id,
    title: l.title,
    slug: l.slug,
    status: l.status,
    slot: slot ? { startsAt: slot.startsAt, endsAt: slot.endsAt } : null,
    room: room?.name ?? null,
    capacity: effectiveCapacity(l.capacity, room?.capacity),
    speakers: names.get(l.id) ?? [],
    seats: seats.get(l.id) ?? { confirmed: 0, waitlisted: 0 },
    version: l.version,
  }));
}

// CSV ----------------------------------------------------------------------------------------------------

/** The event's lärpass (all statuses) as CSV rows: see lib/import/csv.ts for the format. */
export function listLarpassForCsv({ eventId, database = defaultDb }: { eventId: number; database?: DB }): CsvLarpass[] {
  const event = database.select({ timeZone: events.timeZone }).from(events).where(eq(events.id, eventId)).get();
  if (!event) return [];
  const rows = database
    .select({ l: larpass, slot: timeSlots, room: rooms })
    .from(larpass)
    .leftJoin(timeSlots, eq(timeSlots.id, larpass.timeSlotId))
    .leftJoin(rooms, eq(rooms.id, larpass.roomId))
    .where(eq(larpass.eventId, eventId))
    .orderBy(sql`${timeSlots.startsAt} is null`, asc(timeSlots.startsAt), asc(larpass.sortOrder), asc(larpass.id))
    .all();
  const ids = rows.map((r) => r.l.id);
  const people = new Map<number, CsvLarpass["speakers"]>();
  if (ids.length) {
    const links = database
      .select({ larpassId: larpassSpeakers.larpassId, name: speakers.name, role: speakers.role, org: organisations.name })
      .from(larpassSpeakers)
      .innerJoin(speakers, eq(speakers.id, larpassSpeakers.speakerId))
      .leftJoin(organisations, eq(organisations.id, speakers.organisationId))
      .where(inArray(larpassSpeakers.larpassId, ids))
      .orderBy(asc(larpassSpeakers.larpassId), asc(larpassSpeakers.position))
      .all();
    for (const s of links) {
      people.set(s.larpassId, [...(people.get(s.larpassId) ?? []), { name: s.name, role: s.role, organisation: s.org }]);
    }
  }
  const seats = getSeatCounts({ larpassIds: ids, database });
  return rows.map(({ l, slot, room }) => ({
    title: l.title,
    abstract: l.abstract,
    speakers: people.get(l.id) ?? [],
    status: larpassStatusLabels[l.status].toLocaleLowerCase("sv-SE"),
    time: slot ? `${utcToZoned(slot.startsAt, event.timeZone).date} ${formatTimeRange(slot.startsAt, slot.endsAt, event.timeZone)}` : "",
    room: room?.name ?? "",
    capacity: effectiveCapacity(l.capacity, room?.capacity),
    track: l.track,
    language: l.language,
    confirmed: seats.get(l.id)?.confirmed ?? 0,
    waitlisted: seats.get(l.id)?.waitlisted ?? 0,
    slug: l.slug,
  }));
}
