// The shared-data cache (lib/cache/shared.ts) against a real SQLite file: the programme is read once and
// kept, and any write to what it shows (an organiser's edit through lib/admin, a script's raw SQL, another
// process) makes the next read load it again; registrations change the seat counts, exactly, and nothing else.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { openDatabase } from "@/db/open";
import { larpass } from "@/db/schema";
import { updateLarpass } from "@/lib/admin/larpass";
import { formValuesOf, speakerIdsOf } from "@/lib/admin/larpass-read";
import { getProgramme } from "@/lib/programme";
import { chooseLarpass, leaveLarpass } from "@/lib/registrations";
import { larpassSchema } from "@/lib/validation/admin";
import { createEvent, createUsers, useTempOutbox } from "@/test/factories";
import { counters } from "./shared";

useTempOutbox();
beforeAll(() => {
  vi.spyOn(console, "log").mockImplementation(() => {});
});

/** A published event with signup open and two published lärpass at 09:00 in rooms of 30. */
function world() {
  const f = createEvent(db);
  const slot = f.slot("09:00", "09:45");
  const a = f.larpass({ title: "Första lärpasset", slot, room: f.room(30, "Sal A") });
  const b = f.larpass({ title: "Andra lärpasset", slot, room: f.room(30, "Sal B") });
  return { event: f.event, a, b };
}

describe("the shared programme cache", () => {
  it("keeps the shared part between reads and loads it again after an organiser's edit", async () => {
    const { event, a } = world();
    const first = await getProgramme({ eventId: event.id });
    const again = await getProgramme({ eventId: event.id });
    // Same shared objects (no new read), new per-request lists.
    expect(again.options).toBe(first.options);
    expect(again.all).not.toBe(first.all);

    const row = db.select().from(larpass).where(eq(larpass.id, a.id)).get()!;
    const input = larpassSchema.parse({ ...formValuesOf(row, speakerIdsOf(db, a.id)), title: "Nytt namn på lärpasset" });
    const saved = await updateLarpass({ id: a.id, expectedVersion: row.version, input, author: { userId: null, label: "arrangör", role: "organiser" } });
    expect(saved.ok).toBe(true);

    const after = await getProgramme({ eventId: event.id });
    expect(after.options).not.toBe(first.options);
    expect(after.all.map((l) => l.title)).toContain("Nytt namn på lärpasset");
    expect(after.all.map((l) => l.title)).not.toContain("Första lärpasset");
  });

  it("sees a write from another connection (a script, a second server process) on the next read", async () => {
    const { event, b } = world();
    expect((await getProgramme({ eventId: event.id })).all.find((l) => l.id === b.id)?.title).toBe("Andra lärpasset");
    const other = openDatabase(process.env.DATABASE_PATH!);
    try {
      other.$client.prepare("update larpass set title = ? where id = ?").run("Ändrat av ett skript", b.id);
    } finally {
      other.$client.close();
    }
    expect((await getProgramme({ eventId: event.id })).all.find((l) => l.id === b.id)?.title).toBe("Ändrat av ett skript");
  });

  it("counts seats exactly after every registration, without reloading the shared part", async () => {
    const { event, a } = world();
    const [m1, m2] = createUsers(db, 2);
    const before = await getProgramme({ eventId: event.id });
    const version = counters().version;
    await chooseLarpass({ userId: m1.id, larpassId: a.id });
    const one = await getProgramme({ eventId: event.id });
    expect(one.all.find((l) => l.id === a.id)?.seats).toEqual({ confirmed: 1, waitlisted: 0 });
    await chooseLarpass({ userId: m2.id, larpassId: a.id });
    await leaveLarpass({ userId: m1.id, larpassId: a.id });
    const two = await getProgramme({ eventId: event.id });
    expect(two.all.find((l) => l.id === a.id)?.seats).toEqual({ confirmed: 1, waitlisted: 0 });
    // Registrations raise the seat counter only: the shared part was not read again.
    expect(counters().version).toBe(version);
    expect(two.options).toBe(before.options);
    // The cached views themselves never carry counts (each request gets its own copies).
    expect(before.all.find((l) => l.id === a.id)?.seats).toEqual({ confirmed: 0, waitlisted: 0 });
  });
});
