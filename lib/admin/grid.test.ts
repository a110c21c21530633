// The organisers' grid and demand queries (lib/admin/grid.ts) on the file's own SQLite database.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { larpassSpeakers, speakers } from "@/db/schema";
import { chooseLarpass } from "@/lib/registrations";
import { createEvent, createUsers, useTempOutbox } from "@/test/factories";
import { getDemand, getScheduleGrid } from "./grid";

useTempOutbox();
beforeAll(() => {
  vi.spyOn(console, "log").mockImplementation(() => {});
});

describe("getScheduleGrid and getDemand", () => {
  it("shows every lärpass (drafts too) with seats, and the conflicts of the event", async () => {
    const f = createEvent(db);
    const nine = f.slot("09:00", "09:45");
    const ten = f.slot("10:15", "11:00");
    const small = f.room(2, "Lilla");
    const big = f.room(30, "Stora");
    const a = f.larpass({ slot: nine, room: small, title: "A" });
    const b = f.larpass({ slot: nine, room: big, title: "B", status: "draft" });
    const c = f.larpass({ slot: nine, room: big, title: "C" });
    f.larpass({ title: "Utan tid" });
    f.larpass({ slot: ten, room: big, title: "Inställt", status: "cancelled" });
    const anna = db.insert(speakers).values({ slug: `anna-${a.id}`, name: "Anna" }).returning().get();
    db.insert(larpassSpeakers).values([{ larpassId: a.id, speakerId: anna.id }, { larpassId: c.id, speakerId: anna.id }]).run();
    const users = createUsers(db, 3);
    for (const u of users) await chooseLarpass({ userId: u.id, larpassId: a.id, waitlist: true });
    await chooseLarpass({ userId: users[2].id, larpassId: c.id });

    const grid = getScheduleGrid({ eventId: f.event.id })!;
    expect(grid.larpass.map((l) => l.title)).toEqual(["A", "B", "C", "Utan tid", "Inställt"]);
    expect(grid.rooms.map((r) => r.name)).toEqual(["Stora", "Lilla"]);
    expect(grid.days).toHaveLength(1);
    expect(grid.days[0].slots.map((s) => s.id)).toEqual([nine.id, ten.id]);
    expect(grid.larpass.find((l) => l.id === a.id)).toMatchObject({ capacity: 2, seats: { confirmed: 2, waitlisted: 1 } });
    expect(grid.conflicts.map((x) => [x.kind, x.larpassIds])).toEqual([
      ["speaker", [a.id, c.id]],
      ["room", [b.id, c.id]],
      ["capacity", [a.id]],
    ]);

    const demand = getDemand({ eventId: f.event.id })!;
    const first = demand.slotDemand.find((d) => d.slot.id === nine.id)!;
    // users[2] queues for A but has a seat in C: counted once, with a seat.
    expect(first).toMatchObject({ seats: 62, confirmedMembers: 3, waitingOnlyMembers: 0 });
    expect(demand.slotDemand.find((d) => d.slot.id === ten.id)).toMatchObject({ seats: 0, larpass: [] });
    expect(demand.suggestions.find((s) => s.slotId === nine.id)!.rows.find((r) => r.larpassId === a.id)!.suggestedRoomId).toBe(big.id);
    expect(getScheduleGrid({ eventId: 999_999 })).toBeNull();
  });
});
