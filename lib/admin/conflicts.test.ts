import { describe, expect, it } from "vitest";
import { conflictsByLarpass, findConflicts, type ConflictLarpass } from "./conflicts";

const t = (hhmm: string) => new Date(`2018-03-15T${hhmm}:00+01:00`);
const slots = [
  { id: 1, startsAt: t("09:00"), endsAt: t("09:45") },
  { id: 2, startsAt: t("09:30"), endsAt: t("10:15") }, // overlaps slot 1
  { id: 3, startsAt: t("10:15"), endsAt: t("11:00") }, // touches slot 2: no overlap
];
const rooms = [
  { id: 10, name: "Stora salen", capacity: 80 },
  { id: 11, name: "Rum Götaland", capacity: 24 },
];
const anna = { id: 100, name: "Anna Åberg" };
const bo = { id: 101, name: "Bo Öst" };

let next = 1;
function lp(values: Partial<ConflictLarpass>): ConflictLarpass {
  const id = next++;
  return {
    id,
    title: `Lärpass ${id}`,
    status: "published",
    timeSlotId: null,
    roomId: null,
    capacity: null,
    speakers: [],
    seats: { confirmed: 0, waitlisted: 0 },
    ...values,
  };
}

describe("findConflicts", () => {
  it("finds nothing in a clean schedule", () => {
    const larpass = [
      lp({ timeSlotId: 1, roomId: 10, speakers: [anna] }),
      lp({ timeSlotId: 1, roomId: 11, speakers: [bo] }),
      lp({ timeSlotId: 3, roomId: 10, speakers: [anna, bo] }),
      lp({ timeSlotId: null, roomId: null, speakers: [anna] }),
    ];
    expect(findConflicts({ slots, rooms, larpass })).toEqual([]);
  });

  it("a speaker in two places at overlapping times (also across different slots)", () => {
    const a = lp({ title: "Först", timeSlotId: 1, roomId: 10, speakers: [anna, bo] });
    const b = lp({ title: "Sedan", timeSlotId: 2, roomId: 11, speakers: [anna] });
    const c = lp({ title: "Senare", timeSlotId: 3, roomId: 11, speakers: [anna] });
    const conflicts = findConflicts({ slots, rooms, larpass: [c, b, a] });
    expect(conflicts).toEqual([
      { kind: "speaker", larpassIds: [a.id, b.id], message: "Anna Åberg talar i både ”Först” och ”Sedan” samtidigt." },
    ]);
    expect(conflictsByLarpass(conflicts).get(b.id)).toHaveLength(1);
    expect(conflictsByLarpass(conflicts).has(c.id)).toBe(false);
  });

  it("two lärpass in one room at overlapping times", () => {
    const a = lp({ title: "Ett", timeSlotId: 1, roomId: 10 });
    const b = lp({ title: "Två", timeSlotId: 1, roomId: 10 });
    const c = lp({ title: "Tre", timeSlotId: 2, roomId: 10 });
    const conflicts = findConflicts({ slots, rooms, larpass: [a, b, c] });
    expect(conflicts.map((x) => [x.kind, x.larpassIds])).toEqual([
      ["room", [a.id, b.id]],
      ["room", [a.id, c.id]],
      ["room", [b.id, c.id]],
    ]);
    expect(conflicts[0].message).toBe("”Ett” och ”Två” är i Stora salen samtidigt.");
  });

  it("cancelled lärpass and unscheduled ones take no room", () => {
    const a = lp({ timeSlotId: 1, roomId: 10, speakers: [anna] });
    const b = lp({ timeSlotId: 1, roomId: 10, speakers: [anna], status: "cancelled" });
    const c = lp({ timeSlotId: null, roomId: 10, speakers: [anna] });
    expect(findConflicts({ slots, rooms, larpass: [a, b, c] })).toEqual([]);
  });

  it("drafts count: they will clash once published", () => {
    const a = lp({ timeSlotId: 1, roomId: 10 });
    const b = lp({ timeSlotId: 1, roomId: 10, status: "draft" });
    expect(findConflicts({ slots, rooms, larpass: [a, b] })).toHaveLength(1);
  });

  it("demand (seats + queue) above the capacity that applies (own, else the room's)", () => {
    const roomFull = lp({ title: "Fullt", timeSlotId: 1, roomId: 11, seats: { confirmed: 24, waitlisted: 3 } });
    const exactly = lp({ timeSlotId: 1, roomId: 10, seats: { confirmed: 80, waitlisted: 0 } });
    const own = lp({ title: "Eget tak", timeSlotId: 3, roomId: 10, capacity: 20, seats: { confirmed: 20, waitlisted: 1 } });
    const unknown = lp({ timeSlotId: 3, roomId: null, seats: { confirmed: 500, waitlisted: 50 } });
    const conflicts = findConflicts({ slots, rooms, larpass: [roomFull, exactly, own, unknown] });
    expect(conflicts).toEqual([
      { kind: "capacity", larpassIds: [roomFull.id], message: "”Fullt”: 27 intresserade (24 med plats, 3 i kö) men 24 platser." },
      { kind: "capacity", larpassIds: [own.id], message: "”Eget tak”: 21 intresserade (20 med plats, 1 i kö) men 20 platser." },
    ]);
  });

  it("a lärpass promising more seats than its room holds", () => {
    const a = lp({ title: "Optimist", timeSlotId: 1, roomId: 11, capacity: 30 });
    expect(findConflicts({ slots, rooms, larpass: [a] })).toEqual([
      { kind: "room_capacity", larpassIds: [a.id], message: "”Optimist” har 30 platser men Rum Götaland rymmer bara 24." },
    ]);
  });
});
