// The printable programme's arrangement: a grid per day (slots × rooms, a column for "Lokal meddelas
// senare" when needed), public lärpass only (cancelled ones stay, marked by the page), unscheduled ones
// after the grid, and door signs per room and day in time order.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { createEvent } from "@/test/factories";
import { doorSigns, getPrintableProgramme, NO_ROOM } from "./print";

beforeAll(() => {
  vi.spyOn(console, "log").mockImplementation(() => {});
});

describe("getPrintableProgramme and doorSigns", () => {
  it("arranges two days into grids, keeps cancelled lärpass, leaves drafts out, and lists unscheduled ones apart", async () => {
    const f = createEvent(db, { startsOn: "2018-03-14", endsOn: "2018-03-15" });
    const d1a = f.slot("13:00", "13:45", "2018-03-14");
    const d2a = f.slot("09:00", "09:45", "2018-03-15");
    const d2b = f.slot("10:15", "11:00", "2018-03-15");
    const big = f.room(100, "Stora salen");
    const small = f.room(20, "Attefallet");
    const first = f.larpass({ slot: d1a, room: big, title: "Dag ett" });
    const late = f.larpass({ slot: d2b, room: big, title: "Sent i stora" });
    const early = f.larpass({ slot: d2a, room: big, title: "Tidigt i stora" });
    const smallOne = f.larpass({ slot: d2a, room: small, title: "Tidigt i lilla" });
    const cancelled = f.larpass({ slot: d2b, room: small, title: "Inställt", status: "cancelled" });
    const roomless = f.larpass({ slot: d2b, title: "Utan lokal" });
    f.larpass({ slot: d2a, room: small, title: "Utkast", status: "draft" });
    const unscheduled = f.larpass({ title: "Utan tid" });

    const p = (await getPrintableProgramme({ eventSlug: f.event.slug }))!;
    expect(p.days.map((d) => d.date)).toEqual(["2018-03-14", "2018-03-15"]);
    expect(p.days[0].rooms).toEqual(["Stora salen"]);
    expect(p.days[0].rows.map((r) => r.cells["Stora salen"].map((l) => l.id))).toEqual([[first.id]]);
    // Rooms in Swedish order (A before S), the room-less column last; rows in time order.
    const day2 = p.days[1];
    expect(day2.rooms).toEqual(["Attefallet", "Stora salen", NO_ROOM]);
    expect(day2.rows.map((r) => r.slot.id)).toEqual([d2a.id, d2b.id]);
    expect(day2.rows[0].cells).toEqual({ Attefallet: [expect.objectContaining({ id: smallOne.id })], "Stora salen": [expect.objectContaining({ id: early.id })] });
    expect(day2.rows[1].cells.Attefallet.map((l) => [l.id, l.status])).toEqual([[cancelled.id, "cancelled"]]);
    expect(day2.rows[1].cells[NO_ROOM].map((l) => l.id)).toEqual([roomless.id]);
    expect(p.unscheduled.map((l) => l.id)).toEqual([unscheduled.id]);
    expect(p.all.map((l) => l.title)).not.toContain("Utkast");

    // Door signs: per room and day, in time order; no sign for "no room yet".
    const signs = doorSigns(p);
    expect(signs.map((s) => [s.date, s.room, s.larpass.map((l) => l.id)])).toEqual([
      ["2018-03-14", "Stora salen", [first.id]],
      ["2018-03-15", "Attefallet", [smallOne.id, cancelled.id]],
      ["2018-03-15", "Stora salen", [early.id, late.id]],
    ]);
  });

  it("a day with more rooms than fit an upright A4 is printed in landscape", async () => {
    const f = createEvent(db);
    const slot = f.slot("09:00", "09:45");
    for (let i = 1; i <= 5; i++) f.larpass({ slot, room: f.room(10, `Rum ${i}`), title: `Lärpass ${i}` });
    expect((await getPrintableProgramme({ eventSlug: f.event.slug }))!.days[0].landscape).toBe(false);
    f.larpass({ slot, room: f.room(10, "Rum 6"), title: "Lärpass 6" });
    const wide = (await getPrintableProgramme({ eventSlug: f.event.slug }))!.days[0];
    expect(wide.rooms).toHaveLength(6);
    expect(wide.landscape).toBe(true);
  });

  it("an unpublished or unknown event has none", async () => {
    const hidden = createEvent(db, { published: false });
    expect(await getPrintableProgramme({ eventSlug: hidden.event.slug })).toBeNull();
    expect(await getPrintableProgramme({ eventSlug: "finns-inte" })).toBeNull();
  });
});
