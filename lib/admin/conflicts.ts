// Problems in an event's schedule, found from its data alone (no database): a speaker in two places at
// once, two lärpass in one room at once, and more interest than seats. Pure, so the grid and the tests
// compute the same thing.
import type { LarpassStatus } from "@/lib/domain";
import { effectiveCapacity } from "@/lib/capacity";

export type ConflictSlot = { id: number; startsAt: Date; endsAt: Date };
export type ConflictRoom = { id: number; name: string; capacity: number };
export type ConflictLarpass = {
  id: number;
  title: string;
  status: LarpassStatus;
  timeSlotId: number | null;
  roomId: number | null;
  /** The lärpass's own capacity; null means the room's. */
  capacity: number | null;
  speakers: { id: number; name: string }[];
  seats: { confirmed: number; waitlisted: number };
};

export type ConflictKind = "speaker" | "room" | "capacity" | "room_capacity";

export type Conflict = {
  kind: ConflictKind;
  /** The lärpass involved, in schedule order; the first is where the list links to. */
  larpassIds: number[];
  message: string;
};

export const conflictKindLabels: Record<ConflictKind, string> = {
  speaker: "Talare på två ställen",
  room: "Två lärpass i samma lokal",
  capacity: "Fler intresserade än platser",
  room_capacity: "Större än lokalen",
};

const overlaps = (a: ConflictSlot, b: ConflictSlot) => a.startsAt < b.endsAt && b.startsAt < a.endsAt;
const quote = (title: string) => `”${title}”`;

export function findConflicts({
  slots,
  rooms,
  larpass,
}: {
  slots: ConflictSlot[];
  rooms: ConflictRoom[];
  larpass: ConflictLarpass[];
}): Conflict[] {
  const slotById = new Map(slots.map((s) => [s.id, s]));
  const roomById = new Map(rooms.map((r) => [r.id, r]));
  // A cancelled lärpass takes no room and no speaker's time.
  const active = larpass.filter((l) => l.status !== "cancelled");
  const scheduled = active
    .filter((l) => l.timeSlotId != null && slotById.has(l.timeSlotId))
    .sort((a, b) => slotById.get(a.timeSlotId!)!.startsAt.getTime() - slotById.get(b.timeSlotId!)!.startsAt.getTime() || a.id - b.id);

  const conflicts: Conflict[] = [];
  for (let i = 0; i < scheduled.length; i++) {
    for (let j = i + 1; j < scheduled.length; j++) {
      const a = scheduled[i];
      const b = scheduled[j];
      if (!overlaps(slotById.get(a.timeSlotId!)!, slotById.get(b.timeSlotId!)!)) continue;
      if (a.roomId != null && a.roomId === b.roomId) {
        const room = roomById.get(a.roomId);
        conflicts.push({
          kind: "room",
          larpassIds: [a.id, b.id],
          message: `${quote(a.title)} och ${quote(b.title)} är i ${room?.name ?? "samma lokal"} samtidigt.`,
        });
      }
      const bSpeakers = new Set(b.speakers.map((s) => s.id));
      for (const s of a.speakers) {
        if (!bSpeakers.has(s.id)) continue;
        conflicts.push({
          kind: "speaker",
          larpassIds: [a.id, b.id],
          message: `${s.name} talar i både ${quote(a.title)} och ${quote(b.title)} samtidigt.`,
        });
      }
    }
  }

  for (const l of active) {
    const room = l.roomId != null ? roomById.get(l.roomId) : undefined;
    if (l.capacity != null && room && l.capacity > room.capacity) {
      conflicts.push({
        kind: "room_capacity",
        larpassIds: [l.id],
        message: `${quote(l.title)} har ${l.capacity} platser men ${room.name} rymmer bara ${room.capacity}.`,
      });
    }
    const capacity = effectiveCapacity(l.capacity, room?.capacity);
    const demand = l.seats.confirmed + l.seats.waitlisted;
    if (capacity != null && demand > capacity) {
      conflicts.push({
        kind: "capacity",
        larpassIds: [l.id],
        message: `${quote(l.title)}: ${demand} intresserade (${l.seats.confirmed} med plats, ${l.seats.waitlisted} i kö) men ${capacity} platser.`,
      });
    }
  }
  return conflicts;
}

/** The conflicts each lärpass is part of, for showing them in the grid cells. */
export function conflictsByLarpass(conflicts: Conflict[]): Map<number, Conflict[]> {
  const map = new Map<number, Conflict[]>();
  for (const c of conflicts) {
    for (const id of c.larpassIds) map.set(id, [...(map.get(id) ?? []), c]);
  }
  return map;
}
