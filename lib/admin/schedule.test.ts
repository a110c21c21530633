// Moving lärpass in the schedule (lib/admin/schedule.ts) against the file's own migrated SQLite database.
import { eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { larpass, programmeChanges } from "@/db/schema";
import { readOutbox } from "@/lib/mail";
import { chooseLarpass } from "@/lib/registrations";
import { createEvent, createUser, createUsers, registrationsOf, statusOf, useTempOutbox, type TestUser } from "@/test/factories";
import type { RevisionAuthor } from "@/lib/revisions";
import { moveLarpass, moveLarpasses, previewMove } from "./schedule";

const author: RevisionAuthor = { userId: null, label: "arrangor@example.se", role: "organiser" };

beforeAll(() => {
  vi.spyOn(console, "log").mockImplementation(() => {});
});
beforeEach(() => {
  useTempOutbox();
});

const choose = (u: TestUser, l: { id: number }, waitlist = false) => chooseLarpass({ userId: u.id, larpassId: l.id, waitlist });
const mailsTo = (u: TestUser) => readOutbox({ to: u.email });
const row = (id: number) => db.select().from(larpass).where(eq(larpass.id, id)).get()!;
const changesOf = (id: number) => db.select().from(programmeChanges).where(eq(programmeChanges.larpassId, id)).all();

function setup(eventValues: Parameters<typeof createEvent>[1] = {}) {
  const f = createEvent(db, eventValues);
  const nine = f.slot("09:00", "09:45");
  const ten = f.slot("10:15", "11:00");
  const small = f.room(2, `Lilla ${Math.random()}`);
  const big = f.room(50, `Stora ${Math.random()}`);
  return { ...f, nine, ten, small, big };
}

describe("moveLarpass", () => {
  it("moves the members with the lärpass when the new time is free for them, and tells them", async () => {
    const f = setup();
    const a = f.larpass({ slot: f.nine, room: f.big, title: "Flyttpasset" });
    const [anna, bo] = createUsers(db, 2);
    await choose(anna, a);
    await choose(bo, a);

    const preview = previewMove({ larpassId: a.id, target: { timeSlotId: f.ten.id, roomId: f.small.id } });
    expect(preview).toMatchObject({ ok: true, plan: { follow: 2, released: 0, confirmed: 2, confirmedAfter: 2, seatsAfter: 2 } });
    expect(registrationsOf(db, a.id).every((r) => r.timeSlotId === f.nine.id)).toBe(true); // preview writes nothing

    const result = await moveLarpass({ author, larpassId: a.id, target: { timeSlotId: f.ten.id, roomId: f.small.id }, expectedVersion: 1 });
    expect(result).toMatchObject({ ok: true, version: 2, plan: { follow: 2, released: 0, to: { slot: "torsdag 15 mars 2018 10:15–11:00" } } });
    expect(row(a.id)).toMatchObject({ timeSlotId: f.ten.id, roomId: f.small.id, version: 2 });
    // The registrations carry the new slot, so the one-seat-per-slot index keeps working.
    expect(registrationsOf(db, a.id).map((r) => [r.status, r.timeSlotId])).toEqual([
      ["confirmed", f.ten.id],
      ["confirmed", f.ten.id],
    ]);
    for (const u of [anna, bo]) {
      const [mail] = mailsTo(u);
      expect(mail.subject).toBe("Ändrat: Flyttpasset");
      expect(mail.text).toContain("Ny tid och plats: torsdag 15 mars 2018 10:15–11:00, Lilla");
      expect(mail.text).toContain("Ditt val följer med");
    }
  });

  it("releases the members whose new time collides with another choice, and mails them", async () => {
    const f = setup();
    const a = f.larpass({ slot: f.nine, room: f.big, title: "Morgonpasset" });
    const b = f.larpass({ slot: f.ten, room: f.big, title: "Förmiddagspasset" });
    const [busy, free] = createUsers(db, 2);
    await choose(busy, a);
    await choose(busy, b);
    await choose(free, a);

    const preview = previewMove({ larpassId: a.id, target: { timeSlotId: f.ten.id, roomId: f.small.id } });
    expect(preview).toMatchObject({ ok: true, plan: { follow: 1, released: 1, confirmedAfter: 1 } });

    const result = await moveLarpass({ author, larpassId: a.id, target: { timeSlotId: f.ten.id, roomId: f.small.id } });
    expect(result.ok).toBe(true);
    expect(statusOf(db, busy.id, a.id)).toBeNull();
    expect(statusOf(db, busy.id, b.id)).toBe("confirmed");
    expect(statusOf(db, free.id, a.id)).toBe("confirmed");
    const [mail] = mailsTo(busy);
    expect(mail.subject).toBe("Ditt val är släppt: Morgonpasset");
    expect(mail.text).toContain('krockar med "Förmiddagspasset"');
    expect(mailsTo(free)[0].subject).toBe("Ändrat: Morgonpasset");
  });

  it("a queue place collides only with a queue place at the new time", async () => {
    const f = setup();
    const fullA = f.larpass({ slot: f.nine, room: f.small });
    const fullB = f.larpass({ slot: f.ten, room: f.small });
    const [s1, s2, s3, s4] = createUsers(db, 4);
    for (const u of [s1, s2]) await choose(u, fullA);
    for (const u of [s3, s4]) await choose(u, fullB);
    const [queuer] = createUsers(db, 1);
    await choose(queuer, fullA, true);
    await choose(queuer, fullB, true);
    expect(statusOf(db, queuer.id, fullA.id)).toBe("waitlisted");

    // fullA to 10:15: its seated members are free then, the queuer already queues for fullB then.
    const result = await moveLarpass({ author, larpassId: fullA.id, target: { timeSlotId: f.ten.id, roomId: f.big.id } });
    expect(result).toMatchObject({ ok: true, plan: { follow: 2, released: 1 } });
    expect(statusOf(db, queuer.id, fullA.id)).toBeNull();
    expect(mailsTo(queuer)[0].text).toContain("din köplats");
  });

  it("unscheduling a lärpass releases every member", async () => {
    const f = setup();
    const a = f.larpass({ slot: f.nine, room: f.small, title: "Utan tid" });
    const [seat1, seat2, queued] = createUsers(db, 3);
    await choose(seat1, a);
    await choose(seat2, a);
    await choose(queued, a, true);

    const result = await moveLarpass({ author, larpassId: a.id, target: { timeSlotId: null, roomId: null } });
    expect(result).toMatchObject({ ok: true, plan: { follow: 0, released: 3, to: { slot: null, room: null } } });
    expect(registrationsOf(db, a.id)).toEqual([]);
    expect(row(a.id)).toMatchObject({ timeSlotId: null, roomId: null });
    expect(mailsTo(seat1)[0].text).toContain("Det har ingen tid just nu, så din plats är släppt.");
    expect(mailsTo(queued)[0].text).toContain("så din köplats är släppt.");
  });

  it("a bigger room gives the free seats to the queue at once", async () => {
    const f = setup();
    const a = f.larpass({ slot: f.nine, room: f.small, title: "Populärt" });
    const users = createUsers(db, 4);
    for (const u of users) await choose(u, a, true);
    expect(registrationsOf(db, a.id).map((r) => r.status)).toEqual(["confirmed", "confirmed", "waitlisted", "waitlisted"]);

    const result = await moveLarpass({ author, larpassId: a.id, target: { timeSlotId: f.nine.id, roomId: f.big.id } });
    expect(result).toMatchObject({ ok: true, plan: { follow: 4, released: 0, seatsAfter: 50 } });
    expect(registrationsOf(db, a.id).map((r) => r.status)).toEqual(["confirmed", "confirmed", "confirmed", "confirmed"]);
    expect(mailsTo(users[3]).map((m) => m.subject)).toEqual(["Du har fått en plats: Populärt", "Ändrat: Populärt"]);
  });

  it("taking the room away (no capacity known) does not seat the whole queue", async () => {
    const f = setup();
    const a = f.larpass({ slot: f.nine, room: f.small });
    const users = createUsers(db, 3);
    for (const u of users) await choose(u, a, true);
    const result = await moveLarpass({ author, larpassId: a.id, target: { timeSlotId: f.nine.id, roomId: null } });
    expect(result.ok).toBe(true);
    expect(registrationsOf(db, a.id).map((r) => r.status)).toEqual(["confirmed", "confirmed", "waitlisted"]);
  });

  it("refuses a move from a stale view and changes nothing", async () => {
    const f = setup();
    const a = f.larpass({ slot: f.nine, room: f.small });
    const u = createUser(db);
    await choose(u, a);
    expect((await moveLarpass({ author, larpassId: a.id, target: { timeSlotId: f.nine.id, roomId: f.big.id }, expectedVersion: 1 })).ok).toBe(true);

    const stale = await moveLarpass({ author, larpassId: a.id, target: { timeSlotId: f.ten.id, roomId: f.small.id }, expectedVersion: 1 });
    expect(stale).toEqual({
      ok: false,
      reason: "stale",
      message: "Lärpasset har ändrats av någon annan sedan du öppnade sidan. Ladda om och försök igen.",
    });
    expect(row(a.id)).toMatchObject({ timeSlotId: f.nine.id, roomId: f.big.id, version: 2 });
    expect(registrationsOf(db, a.id)[0].timeSlotId).toBe(f.nine.id);
    expect(mailsTo(u)).toHaveLength(1);
  });

  it("refuses a slot or room of another event, and a lärpass of another event when the event is given", async () => {
    const f = setup();
    const other = setup();
    const a = f.larpass({ slot: f.nine, room: f.small });
    expect(await moveLarpass({ author, larpassId: a.id, target: { timeSlotId: other.ten.id, roomId: null } })).toMatchObject({ ok: false, reason: "invalid" });
    expect(await moveLarpass({ author, larpassId: a.id, target: { timeSlotId: f.ten.id, roomId: other.big.id } })).toMatchObject({ ok: false, reason: "invalid" });
    expect(await moveLarpass({ author, larpassId: a.id, eventId: other.event.id, target: { timeSlotId: null, roomId: null } })).toMatchObject({
      ok: false,
      reason: "not_found",
    });
    expect(await moveLarpass({ author, larpassId: 987654, target: { timeSlotId: null, roomId: null } })).toMatchObject({ ok: false, reason: "not_found" });
    expect(row(a.id)).toMatchObject({ timeSlotId: f.nine.id, roomId: f.small.id, version: 1 });
  });

  it("records time and room changes only for public lärpass of a published event", async () => {
    const published = setup();
    const pub = published.larpass({ slot: published.nine, room: published.small });
    const draft = published.larpass({ slot: published.nine, room: published.big, status: "draft" });
    const hidden = setup({ published: false });
    const inHidden = hidden.larpass({ slot: hidden.nine, room: hidden.small });

    await moveLarpass({ author, larpassId: pub.id, target: { timeSlotId: published.ten.id, roomId: published.big.id } });
    await moveLarpass({ author, larpassId: draft.id, target: { timeSlotId: published.ten.id, roomId: published.small.id } });
    await moveLarpass({ author, larpassId: inHidden.id, target: { timeSlotId: hidden.ten.id, roomId: hidden.big.id } });

    expect(changesOf(pub.id).map((c) => [c.kind, c.before, c.after])).toEqual([
      ["time", "torsdag 15 mars 2018 09:00–09:45", "torsdag 15 mars 2018 10:15–11:00"],
      ["room", published.small.name, published.big.name],
    ]);
    expect(changesOf(draft.id)).toEqual([]);
    expect(changesOf(inHidden.id)).toEqual([]);
    // A move to where it already is changes nothing and records nothing.
    const again = await moveLarpass({ author, larpassId: pub.id, target: { timeSlotId: published.ten.id, roomId: published.big.id } });
    expect(again).toMatchObject({ ok: true, version: 2 });
    expect(changesOf(pub.id)).toHaveLength(2);
  });
});

describe("moveLarpasses", () => {
  it("applies a batch (a room swap) as one", async () => {
    const f = setup();
    const a = f.larpass({ slot: f.nine, room: f.small });
    const b = f.larpass({ slot: f.nine, room: f.big });
    const result = await moveLarpasses({
      author,
      eventId: f.event.id,
      moves: [
        { larpassId: a.id, target: { timeSlotId: f.nine.id, roomId: f.big.id }, expectedVersion: 1 },
        { larpassId: b.id, target: { timeSlotId: f.nine.id, roomId: f.small.id }, expectedVersion: 1 },
      ],
    });
    expect(result).toMatchObject({ ok: true, versions: [2, 2] });
    expect(row(a.id).roomId).toBe(f.big.id);
    expect(row(b.id).roomId).toBe(f.small.id);
  });

  it("rolls every move back when one is stale, and mails no one", async () => {
    const f = setup();
    const a = f.larpass({ slot: f.nine, room: f.small });
    const b = f.larpass({ slot: f.nine, room: f.big });
    const u = createUser(db);
    await choose(u, a);
    const result = await moveLarpasses({
      author,
      moves: [
        { larpassId: a.id, target: { timeSlotId: f.nine.id, roomId: f.big.id }, expectedVersion: 1 },
        { larpassId: b.id, target: { timeSlotId: f.nine.id, roomId: f.small.id }, expectedVersion: 7 },
      ],
    });
    expect(result).toMatchObject({ ok: false, reason: "stale", larpassId: b.id });
    expect(row(a.id)).toMatchObject({ roomId: f.small.id, version: 1 });
    expect(row(b.id)).toMatchObject({ roomId: f.big.id, version: 1 });
    expect(mailsTo(u)).toEqual([]);
  });
});
