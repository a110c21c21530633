import { describe, expect, it } from "vitest";
import { suggestRooms, type SuggestLarpass } from "./room-suggestions";

const t = (hhmm: string) => new Date(`2018-03-15T${hhmm}:00+01:00`);
const slots = [
  { id: 1, startsAt: t("09:00"), endsAt: t("09:45") },
  { id: 2, startsAt: t("10:15"), endsAt: t("11:00") },
];
const rooms = [
  { id: 10, name: "Lilla salen", capacity: 40 },
  { id: 11, name: "Stora salen", capacity: 80 },
  { id: 12, name: "Rum Norrland", capacity: 30 },
  { id: 13, name: "Rum Svealand", capacity: 30 },
];

let next = 1;
function lp(values: Partial<SuggestLarpass> & { demand?: [number, number] }): SuggestLarpass {
  const id = next++;
  const { demand = [0, 0], ...rest } = values;
  return {
    id,
    title: `Lärpass ${id}`,
    status: "published",
    timeSlotId: 1,
    roomId: null,
    version: 1,
    seats: { confirmed: demand[0], waitlisted: demand[1] },
    ...rest,
  };
}

describe("suggestRooms", () => {
  it("gives the largest demand the largest room, per slot", () => {
    const a = lp({ roomId: 11, demand: [10, 0] });
    const b = lp({ roomId: 12, demand: [30, 25] });
    const c = lp({ roomId: 10, demand: [20, 0] });
    const later = lp({ timeSlotId: 2, roomId: 12, demand: [1, 0] });
    const [first, second] = suggestRooms({ slots, rooms, larpass: [a, b, c, later] });
    expect(first.slotId).toBe(1);
    expect(first.rows.map((r) => [r.larpassId, r.demand, r.currentRoomId, r.suggestedRoomId, r.changed])).toEqual([
      [b.id, 55, 12, 11, true],
      [c.id, 20, 10, 10, false],
      [a.id, 10, 11, 12, true],
    ]);
    expect(first.changes).toBe(2);
    expect(second.rows).toEqual([
      { larpassId: later.id, title: later.title, version: 1, demand: 1, currentRoomId: 12, suggestedRoomId: 11, changed: true },
    ]);
  });

  it("does not swap rooms of the same size for nothing", () => {
    const a = lp({ roomId: 12, demand: [5, 0] });
    const b = lp({ roomId: 13, demand: [9, 0] });
    const c = lp({ roomId: 11, demand: [50, 0] });
    const d = lp({ roomId: 10, demand: [20, 0] });
    const [first] = suggestRooms({ slots, rooms, larpass: [a, b, c, d] });
    expect(first.changes).toBe(0);
    expect(first.rows.every((r) => r.suggestedRoomId === r.currentRoomId)).toBe(true);
  });

  it("more lärpass than rooms: the ones with least demand get no suggestion and keep their room", () => {
    const many = [5, 4, 3, 2, 1].map((n) => lp({ timeSlotId: 2, roomId: null, demand: [n, 0] }));
    const [, second] = suggestRooms({ slots, rooms, larpass: many });
    expect(second.rows.map((r) => r.suggestedRoomId)).toEqual([11, 10, 12, 13, null]);
    expect(second.rows.at(-1)!.changed).toBe(false);
    expect(second.changes).toBe(4);
  });

  it("leaves cancelled lärpass out, and rooms taken at an overlapping time by another slot", () => {
    const overlapping = { id: 3, startsAt: t("09:30"), endsAt: t("10:00") };
    const a = lp({ roomId: 10, demand: [3, 0] });
    const cancelled = lp({ roomId: 11, demand: [90, 0], status: "cancelled" });
    const other = lp({ timeSlotId: 3, roomId: 11, demand: [0, 0] });
    const [first] = suggestRooms({ slots: [...slots, overlapping], rooms, larpass: [a, cancelled, other] });
    expect(first.rows.map((r) => [r.larpassId, r.suggestedRoomId])).toEqual([[a.id, 10]]);
  });
});

describe("suggestRooms: as few changes as the rule allows", () => {
  it("one popular lärpass in a small room swaps with the biggest room's, no cascade through equal demand", () => {
    // The seeded layout: five lärpass in five rooms, nobody signed up, then one gets popular.
    const all = [
      { id: 50, name: "Stora salen", capacity: 80 },
      { id: 51, name: "Lilla salen", capacity: 40 },
      { id: 52, name: "Rum Norrland", capacity: 30 },
      { id: 53, name: "Rum Svealand", capacity: 30 },
      { id: 54, name: "Rum Götaland", capacity: 24 },
    ];
    const list = [50, 51, 52, 53, 54].map((roomId) => lp({ roomId, demand: roomId === 54 ? [24, 3] : [0, 0] }));
    const [first] = suggestRooms({ slots, rooms: all, larpass: list });
    expect(first.rows.filter((r) => r.changed).map((r) => [r.larpassId, r.currentRoomId, r.suggestedRoomId])).toEqual([
      [list[4].id, 54, 50],
      [list[0].id, 50, 54],
    ]);
  });
});
