import "server-only";
// The organisers' view of one event's schedule: every lärpass (drafts too), its slot, room, speakers and
// seat counts, with the conflicts and room suggestions computed from it. A handful of queries, no loops.
import { asc, eq, inArray } from "drizzle-orm";
import { db as defaultDb, type DB } from "@/db";
import { days, events, larpass, larpassSpeakers, registrations, rooms, speakers, timeSlots, type Event } from "@/db/schema";
import type { LarpassStatus } from "@/lib/domain";
import { getSeatCounts } from "@/lib/registrations";
import { compareSv } from "@/lib/text";
import { findConflicts, type Conflict } from "./conflicts";
import { suggestRooms, type SlotSuggestion } from "./room-suggestions";
import { effectiveCapacity } from "@/lib/capacity";

export type GridSlot = { id: number; dayId: number; startsAt: Date; endsAt: Date; label: string };
export type GridRoom = { id: number; name: string; capacity: number };
export type GridDay = { id: number; date: string; name: string; slots: GridSlot[] };
export type GridLarpass = {
  id: number;
  slug: string;
  title: string;
  status: LarpassStatus;
  timeSlotId: number | null;
  roomId: number | null;
  /** The lärpass's own capacity (null: the room's). */
  ownCapacity: number | null;
  /** What applies: its own, else the room's, else null (not known). */
  capacity: number | null;
  version: number;
  speakers: { id: number; name: string }[];
  seats: { confirmed: number; waitlisted: number };
};

export type ScheduleGrid = {
  event: Event;
  days: GridDay[];
  slots: GridSlot[];
  rooms: GridRoom[];
  larpass: GridLarpass[];
  conflicts: Conflict[];
};

export function getEventForOrganiser({ eventId, database = defaultDb }: { eventId: number; database?: DB }): Event | null {
  return database.select().from(events).where(eq(events.id, eventId)).get() ?? null;
}

export function getScheduleGrid({ eventId, database = defaultDb }: { eventId: number; database?: DB }): ScheduleGrid | null {
  const event = getEventForOrganiser({ eventId, database });
  if (!event) return null;
  const dayRows = database.select().from(days).where(eq(days.eventId, eventId)).orderBy(asc(days.date)).all();
  const slots = database
    .select({ id: timeSlots.id, dayId: timeSlots.dayId, startsAt: timeSlots.startsAt, endsAt: timeSlots.endsAt, label: timeSlots.label })
    .from(timeSlots)
    .where(eq(timeSlots.eventId, eventId))
    .orderBy(asc(timeSlots.startsAt), asc(timeSlots.id))
    .all();
  const roomRows = database
    .select({ id: rooms.id, name: rooms.name, capacity: rooms.capacity })
    .from(rooms)
    .where(eq(rooms.eventId, eventId))
    .all()
    .sort((a, b) => b.capacity - a.capacity || compareSv(a.name, b.name));
  const rows = database
    .select()
    .from(larpass)
    .where(eq(larpass.eventId, eventId))
    .orderBy(asc(larpass.sortOrder), asc(larpass.id))
    .all();
  const ids = rows.map((r) => r.id);
  const speakerRows = ids.length
    ? database
        .select({ larpassId: larpassSpeakers.larpassId, id: speakers.id, name: speakers.name })
        .from(larpassSpeakers)
        .innerJoin(speakers, eq(speakers.id, larpassSpeakers.speakerId))
        .where(inArray(larpassSpeakers.larpassId, ids))
        .orderBy(asc(larpassSpeakers.position))
        .all()
    : [];
  const seatMap = getSeatCounts({ larpassIds: ids, database });
  const roomCapacity = new Map(roomRows.map((r) => [r.id, r.capacity]));
  const list: GridLarpass[] = rows.map((l) => ({
    id: l.id,
    slug: l.slug,
    title: l.title,
    status: l.status,
    timeSlotId: l.timeSlotId,
    roomId: l.roomId,
    ownCapacity: l.capacity,
    capacity: effectiveCapacity(l.capacity, l.roomId != null ? roomCapacity.get(l.roomId) : null),
    version: l.version,
    speakers: speakerRows.filter((s) => s.larpassId === l.id).map((s) => ({ id: s.id, name: s.name })),
    seats: seatMap.get(l.id) ?? { confirmed: 0, waitlisted: 0 },
  }));

  const dayList: GridDay[] = dayRows.map((d) => ({ id: d.id, date: d.date, name: d.name, slots: slots.filter((s) => s.dayId === d.id) }));
  const conflicts = findConflicts({
    slots,
    rooms: roomRows,
    larpass: list.map((l) => ({ ...l, capacity: l.ownCapacity })),
  });
  return { event, days: dayList, slots, rooms: roomRows, larpass: list, conflicts };
}

export type SlotDemand = {
  slot: GridSlot;
  larpass: GridLarpass[];
  /** Seats of the slot's lärpass together; null when one of them has no known capacity. */
  seats: number | null;
  /** Different members with a seat at this time. */
  confirmedMembers: number;
  /** Different members only queuing at this time (no seat in any of its lärpass). */
  waitingOnlyMembers: number;
};

export type Demand = ScheduleGrid & { slotDemand: SlotDemand[]; suggestions: SlotSuggestion[] };

/** Demand per lärpass and per slot, with room suggestions: the organisers' "Efterfrågan" page. */
export function getDemand({ eventId, database = defaultDb }: { eventId: number; database?: DB }): Demand | null {
  const grid = getScheduleGrid({ eventId, database });
  if (!grid) return null;
  const ids = grid.larpass.map((l) => l.id);
  const regs = ids.length
    ? database
        .select({ larpassId: registrations.larpassId, userId: registrations.userId, status: registrations.status })
        .from(registrations)
        .where(inArray(registrations.larpassId, ids))
        .all()
    : [];
  const slotOf = new Map(grid.larpass.map((l) => [l.id, l.timeSlotId]));
  const slotDemand: SlotDemand[] = grid.slots.map((slot) => {
    const here = grid.larpass.filter((l) => l.timeSlotId === slot.id && l.status !== "cancelled");
    const regsHere = regs.filter((r) => slotOf.get(r.larpassId) === slot.id);
    const seated = new Set(regsHere.filter((r) => r.status === "confirmed").map((r) => r.userId));
    const waiting = new Set(regsHere.filter((r) => r.status === "waitlisted" && !seated.has(r.userId)).map((r) => r.userId));
    return {
      slot,
      larpass: here,
      seats: here.some((l) => l.capacity == null) ? null : here.reduce((n, l) => n + (l.capacity ?? 0), 0),
      confirmedMembers: seated.size,
      waitingOnlyMembers: waiting.size,
    };
  });
  const suggestions = suggestRooms({ slots: grid.slots, rooms: grid.rooms, larpass: grid.larpass });
  return { ...grid, slotDemand, suggestions };
}
