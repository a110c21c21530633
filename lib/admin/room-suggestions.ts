// Room suggestions per time slot: the lärpass with the largest demand (seats taken + queue) gets the
// largest room. Pure, over the event's data; applying a suggestion is lib/admin/schedule.ts's moveLarpasses.
import type { LarpassStatus } from "@/lib/domain";
import { compareSv } from "@/lib/text";

export type SuggestSlot = { id: number; startsAt: Date; endsAt: Date };
export type SuggestRoom = { id: number; name: string; capacity: number };
export type SuggestLarpass = {
  id: number;
  title: string;
  status: LarpassStatus;
  timeSlotId: number | null;
  roomId: number | null;
  version: number;
  seats: { confirmed: number; waitlisted: number };
};

export type RoomSuggestionRow = {
  larpassId: number;
  title: string;
  version: number;
  demand: number;
  currentRoomId: number | null;
  /** null when there are more lärpass than free rooms: this one keeps its room. */
  suggestedRoomId: number | null;
  changed: boolean;
};

export type SlotSuggestion = { slotId: number; rows: RoomSuggestionRow[]; changes: number };

const overlaps = (a: SuggestSlot, b: SuggestSlot) => a.startsAt < b.endsAt && b.startsAt < a.endsAt;

export function suggestRooms({
  slots,
  rooms,
  larpass,
}: {
  slots: SuggestSlot[];
  rooms: SuggestRoom[];
  larpass: SuggestLarpass[];
}): SlotSuggestion[] {
  const slotById = new Map(slots.map((s) => [s.id, s]));
  const capacityOf = new Map(rooms.map((r) => [r.id, r.capacity]));
  const biggestFirst = [...rooms].sort((a, b) => b.capacity - a.capacity || compareSv(a.name, b.name) || a.id - b.id);
  const active = larpass.filter((l) => l.status !== "cancelled" && l.timeSlotId != null && slotById.has(l.timeSlotId));

  return [...slots]
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.id - b.id)
    .map((slot) => {
      const here = active.filter((l) => l.timeSlotId === slot.id);
      // Rooms used at an overlapping time by a lärpass of another slot are not free here.
      const taken = new Set(
        active
          .filter((l) => l.timeSlotId !== slot.id && l.roomId != null && overlaps(slotById.get(l.timeSlotId!)!, slot))
          .map((l) => l.roomId!),
      );
      const free = biggestFirst.filter((r) => !taken.has(r.id));
      const demand = (l: SuggestLarpass) => l.seats.confirmed + l.seats.waitlisted;
      // Ties keep the room that is already bigger first, so an equal demand does not shuffle rooms.
      const ordered = [...here].sort(
        (a, b) =>
          demand(b) - demand(a) ||
          (b.roomId != null ? (capacityOf.get(b.roomId) ?? -1) : -1) - (a.roomId != null ? (capacityOf.get(a.roomId) ?? -1) : -1) ||
          a.id - b.id,
      );
      // The i-th in demand gets a room of the i-th largest size. Within what is interchangeable (lärpass
      // of equal demand, rooms of equal size) a lärpass keeps the room it has, so the suggestion changes
      // as little as it can: one popular lärpass swaps with one other, not a cascade through every room.
      const assigned = new Map<number, number>();
      const keepWithin = (group: { larpass: SuggestLarpass[]; rooms: number[] }) => {
        const left = new Set(group.rooms);
        for (const l of group.larpass) {
          if (l.roomId != null && left.has(l.roomId)) {
            assigned.set(l.id, l.roomId);
            left.delete(l.roomId);
          }
        }
        const rest = group.rooms.filter((r) => left.has(r));
        for (const l of group.larpass) if (!assigned.has(l.id) && rest.length) assigned.set(l.id, rest.shift()!);
      };
      const seated = ordered.slice(0, free.length);
      for (let i = 0; i < seated.length; ) {
        let j = i;
        while (j < seated.length && demand(seated[j]) === demand(seated[i])) j++;
        keepWithin({ larpass: seated.slice(i, j), rooms: free.slice(i, j).map((r) => r.id) });
        i = j;
      }
      const bySize = new Map<number, { larpass: SuggestLarpass[]; rooms: number[] }>();
      for (const l of seated) {
        const capacity = capacityOf.get(assigned.get(l.id)!)!;
        const group = bySize.get(capacity) ?? { larpass: [], rooms: [] };
        group.larpass.push(l);
        group.rooms.push(assigned.get(l.id)!);
        bySize.set(capacity, group);
      }
      for (const group of bySize.values()) {
        for (const l of group.larpass) assigned.delete(l.id);
        keepWithin(group);
      }
      const rows: RoomSuggestionRow[] = ordered.map((l) => {
        const suggested = assigned.get(l.id) ?? null;
        return {
          larpassId: l.id,
          title: l.title,
          version: l.version,
          demand: demand(l),
          currentRoomId: l.roomId,
          suggestedRoomId: suggested,
          changed: suggested != null && suggested !== l.roomId,
        };
      });
      return { slotId: slot.id, rows, changes: rows.filter((r) => r.changed).length };
    });
}
