// The sign-up rules of lib/registrations.ts against the file's own migrated SQLite database
// (test/setup-db.ts). Every test builds its own event, so the tests do not depend on each other.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { larpass, registrations, rooms, users } from "@/db/schema";
import { createEvent, createUser, createUsers, registrationsOf, statusOf, useTempOutbox, type TestUser } from "@/test/factories";
import { readOutbox } from "./mail";
import { cancelLarpass, chooseLarpass, describeWindow, getMyRegistrations, getSeatCounts, leaveLarpass, promoteWaitlist, signupWindow } from "./registrations";
import { deleteAccount } from "@/lib/account";
import { zonedToUtc } from "./time";

useTempOutbox();

beforeAll(() => {
  // lib/mail prints every outbox mail; keep the test output readable.
  vi.spyOn(console, "log").mockImplementation(() => {});
});

const choose = (user: TestUser, l: { id: number }, extra: { waitlist?: boolean; now?: Date } = {}) =>
  chooseLarpass({ userId: user.id, larpassId: l.id, ...extra });
const leave = (user: TestUser, l: { id: number }, now?: Date) => leaveLarpass({ userId: user.id, larpassId: l.id, now });
const mailsTo = (user: TestUser) => readOutbox({ to: user.email });
const confirmedCount = (larpassId: number) => registrationsOf(db, larpassId).filter((r) => r.status === "confirmed").length;
const queue = (larpassId: number) => registrationsOf(db, larpassId).filter((r) => r.status === "waitlisted").map((r) => r.userId);
const position = (user: TestUser, larpassId: number) => getMyRegistrations({ userId: user.id }).get(larpassId)?.position;

/** One event with a 09:00–09:45 slot (Stockholm) and helpers; `cap` lärpass live in that slot. */
function setup(eventValues: Parameters<typeof createEvent>[1] = {}) {
  const f = createEvent(db, eventValues);
  const slot = f.slot("09:00", "09:45");
  const cap = (capacity: number | null, title?: string) => f.larpass({ slot, capacity, title });
  return { ...f, slot9: slot, cap };
}

describe("signupWindow and describeWindow", () => {
  const opens = zonedToUtc("2018-03-01", "10:00"); // 09:00 UTC
  const closes = zonedToUtc("2018-03-14", "23:59"); // 22:59 UTC

  it("is not open without an opening time", () => {
    const w = signupWindow({ signupOpensAt: null, signupClosesAt: null }, new Date("2030-01-01"));
    expect(w).toEqual({ state: "not_open", opensAt: null });
    expect(describeWindow(w, "Europe/Stockholm")).toBe("Anmälan har inte öppnat ännu.");
  });

  it("opens at signupOpensAt and closes at signupClosesAt, told in Stockholm time", () => {
    const event = { signupOpensAt: opens, signupClosesAt: closes };
    const before = signupWindow(event, new Date(opens.getTime() - 1));
    expect(before.state).toBe("not_open");
    expect(describeWindow(before, "Europe/Stockholm")).toBe("Anmälan öppnar 1 mars 2018 kl. 10:00.");
    const open = signupWindow(event, opens);
    expect(open).toEqual({ state: "open", closesAt: closes });
    expect(describeWindow(open, "Europe/Stockholm")).toBe("Anmälan är öppen till 14 mars 2018 kl. 23:59.");
    expect(signupWindow(event, new Date(closes.getTime() - 1)).state).toBe("open");
    const closed = signupWindow(event, closes);
    expect(closed).toEqual({ state: "closed", closedAt: closes });
    expect(describeWindow(closed, "Europe/Stockholm")).toBe("Anmälan stängde 14 mars 2018 kl. 23:59.");
  });

  it("uses summer time in summer", () => {
    const june = zonedToUtc("2018-06-01", "08:00"); // 06:00 UTC
    expect(describeWindow({ state: "not_open", opensAt: june }, "Europe/Stockholm")).toBe("Anmälan öppnar 1 juni 2018 kl. 08:00.");
    expect(describeWindow({ state: "open", closesAt: null }, "Europe/Stockholm")).toBe("Anmälan är öppen.");
  });
});

describe("chooseLarpass: when sign-up is possible", () => {
  const opens = zonedToUtc("2018-03-01", "10:00");
  const closes = zonedToUtc("2018-03-14", "23:59");

  it("refuses before the window opens, saying when it opens", async () => {
    const { cap } = setup({ signupOpensAt: opens, signupClosesAt: closes });
    const l = cap(null);
    const u = createUser(db);
    const early = await choose(u, l, { now: new Date(opens.getTime() - 60_000) });
    expect(early).toMatchObject({ ok: false, reason: "not_open", message: "Anmälan öppnar 1 mars 2018 kl. 10:00." });
    expect(early.ok === false && early.window).toEqual({ state: "not_open", opensAt: opens });
    expect(registrationsOf(db, l.id)).toHaveLength(0);
    expect(await choose(u, l, { now: opens })).toMatchObject({ ok: true, status: "confirmed" });
  });

  it("refuses once the window has closed, saying when it closed", async () => {
    const { cap } = setup({ signupOpensAt: opens, signupClosesAt: closes });
    const l = cap(null);
    const [a, b] = createUsers(db, 2);
    expect(await choose(a, l, { now: new Date(closes.getTime() - 1) })).toMatchObject({ ok: true, status: "confirmed" });
    const late = await choose(b, l, { now: closes });
    expect(late).toMatchObject({ ok: false, reason: "closed", message: "Anmälan stängde 14 mars 2018 kl. 23:59." });
    expect(statusOf(db, b.id, l.id)).toBeNull();
  });

  it("is never open when the event has no opening time", async () => {
    const { cap } = setup({ signupOpensAt: null, signupClosesAt: null });
    const l = cap(null);
    const u = createUser(db);
    expect(await choose(u, l, { now: new Date("2030-01-01") })).toMatchObject({
      ok: false,
      reason: "not_open",
      message: "Anmälan har inte öppnat ännu.",
    });
    expect(registrationsOf(db, l.id)).toHaveLength(0);
  });

  it("treats drafts and unpublished events as not found", async () => {
    const u = createUser(db);
    const published = setup();
    const draft = published.larpass({ slot: published.slot9, status: "draft" });
    expect(await choose(u, draft)).toMatchObject({ ok: false, reason: "not_found" });
    const hidden = setup({ published: false });
    const inHidden = hidden.cap(null);
    expect(await choose(u, inHidden)).toMatchObject({ ok: false, reason: "not_found" });
    expect(await choose(u, { id: 987654 })).toMatchObject({ ok: false, reason: "not_found", message: "Lärpasset finns inte." });
    expect(registrationsOf(db, draft.id)).toHaveLength(0);
    expect(registrationsOf(db, inHidden.id)).toHaveLength(0);
  });

  it("refuses cancelled and unscheduled lärpass", async () => {
    const u = createUser(db);
    const f = setup();
    const cancelled = f.larpass({ slot: f.slot9, status: "cancelled" });
    const unscheduled = f.larpass({ slot: null });
    expect(await choose(u, cancelled)).toMatchObject({ ok: false, reason: "cancelled", message: "Lärpasset är inställt." });
    expect(await choose(u, unscheduled)).toMatchObject({ ok: false, reason: "unscheduled" });
    expect(registrationsOf(db, cancelled.id)).toHaveLength(0);
    expect(registrationsOf(db, unscheduled.id)).toHaveLength(0);
  });
});

describe("chooseLarpass: one lärpass per time", () => {
  it("moves the member within a slot: old seat released, new seat taken", async () => {
    const { cap } = setup();
    const a = cap(5, "Lärpass A");
    const b = cap(5, "Lärpass B");
    const u = createUser(db);
    expect(await choose(u, a)).toEqual({ ok: true, status: "confirmed", alreadyHad: false, released: [] });
    expect(await choose(u, b)).toEqual({ ok: true, status: "confirmed", alreadyHad: false, released: [{ id: a.id, title: "Lärpass A" }] });
    expect(statusOf(db, u.id, a.id)).toBeNull();
    expect(statusOf(db, u.id, b.id)).toBe("confirmed");
  });

  it("also moves between slots that overlap without being the same, but not between adjacent ones", async () => {
    const f = setup();
    const early = f.larpass({ slot: f.slot9, capacity: 5 }); // 09:00–09:45
    const overlapping = f.larpass({ slot: f.slot("09:30", "10:15"), capacity: 5 });
    const adjacentSlot = f.slot("10:15", "11:00");
    const adjacent = f.larpass({ slot: adjacentSlot, capacity: 5 });
    const adjacent2 = f.larpass({ slot: adjacentSlot, capacity: 5 });
    const u = createUser(db);
    expect(await choose(u, adjacent)).toMatchObject({ ok: true, released: [] });
    expect(await choose(u, early)).toMatchObject({ ok: true, released: [] });
    // 09:30–10:15 overlaps 09:00–09:45 but ends exactly when 10:15–11:00 starts.
    const moved = await choose(u, overlapping);
    expect(moved).toMatchObject({ ok: true, status: "confirmed", released: [{ id: early.id }] });
    expect(statusOf(db, u.id, early.id)).toBeNull();
    expect(statusOf(db, u.id, adjacent.id)).toBe("confirmed");
    // And the other way round: a lärpass starting when the held one ends leaves it alone.
    expect(await choose(u, adjacent2)).toMatchObject({ ok: true, released: [{ id: adjacent.id }] });
    expect(statusOf(db, u.id, overlapping.id)).toBe("confirmed");
    expect(statusOf(db, u.id, adjacent2.id)).toBe("confirmed");
  });

  it("keeps seats in other times", async () => {
    const f = setup();
    const morning = f.larpass({ slot: f.slot9, capacity: 5 });
    const nextDay = f.larpass({ slot: f.slot("09:00", "09:45", "2018-03-16"), capacity: 5 });
    const u = createUser(db);
    await choose(u, morning);
    expect(await choose(u, nextDay)).toMatchObject({ ok: true, released: [] });
    expect(statusOf(db, u.id, morning.id)).toBe("confirmed");
  });

  it("choosing the same lärpass twice is a no-op", async () => {
    const { cap } = setup();
    const a = cap(5);
    const u = createUser(db);
    await choose(u, a);
    const before = registrationsOf(db, a.id);
    expect(await choose(u, a)).toEqual({ ok: true, status: "confirmed", alreadyHad: true, released: [] });
    expect(await choose(u, a, { waitlist: true })).toEqual({ ok: true, status: "confirmed", alreadyHad: true, released: [] });
    expect(registrationsOf(db, a.id)).toEqual(before);
  });

  it("a move to a full lärpass changes nothing", async () => {
    const { cap } = setup();
    const a = cap(5);
    const full = cap(1);
    const [u, holder] = createUsers(db, 2);
    await choose(holder, full);
    await choose(u, a);
    expect(await choose(u, full)).toMatchObject({ ok: false, reason: "full", message: "Lärpasset är fullt. Du kan ställa dig i kö." });
    expect(statusOf(db, u.id, a.id)).toBe("confirmed");
    expect(statusOf(db, u.id, full.id)).toBeNull();
    expect(confirmedCount(full.id)).toBe(1);
  });

  it("queueing for a full lärpass keeps the seat held at that time", async () => {
    const { cap } = setup();
    const a = cap(5, "Lärpass A");
    const full = cap(1);
    const [u, holder] = createUsers(db, 2);
    await choose(holder, full);
    await choose(u, a);
    expect(await choose(u, full, { waitlist: true })).toEqual({
      ok: true,
      status: "waitlisted",
      position: 1,
      keptSeat: { id: a.id, title: "Lärpass A" },
    });
    expect(statusOf(db, u.id, a.id)).toBe("confirmed");
    expect(statusOf(db, u.id, full.id)).toBe("waitlisted");
    // Asking again changes nothing.
    expect(await choose(u, full, { waitlist: true })).toMatchObject({ status: "waitlisted", position: 1 });
    expect(registrationsOf(db, full.id)).toHaveLength(2);
  });

  it("holds at most one queue place per time: joining another queue leaves the first", async () => {
    const f = setup();
    const fullA = f.larpass({ slot: f.slot9, capacity: 1 });
    const fullB = f.larpass({ slot: f.slot("09:15", "10:00"), capacity: 1 });
    const fullLater = f.larpass({ slot: f.slot("13:00", "13:45"), capacity: 1 });
    const [u, h1, h2, h3] = createUsers(db, 4);
    await choose(h1, fullA);
    await choose(h2, fullB);
    await choose(h3, fullLater);
    expect(await choose(u, fullA, { waitlist: true })).toMatchObject({ status: "waitlisted", position: 1, keptSeat: null });
    expect(await choose(u, fullLater, { waitlist: true })).toMatchObject({ status: "waitlisted", position: 1 });
    expect(await choose(u, fullB, { waitlist: true })).toMatchObject({ status: "waitlisted", position: 1 });
    expect(statusOf(db, u.id, fullA.id)).toBeNull();
    expect(statusOf(db, u.id, fullB.id)).toBe("waitlisted");
    expect(statusOf(db, u.id, fullLater.id)).toBe("waitlisted");
  });

  it("taking a free seat releases the old seat to the first in its queue", async () => {
    const { cap } = setup();
    const a = cap(1, "Lärpass A");
    const b = cap(5);
    const [u, q] = createUsers(db, 2);
    await choose(u, a);
    await choose(q, a, { waitlist: true });
    expect(await choose(u, b)).toMatchObject({ ok: true, status: "confirmed", released: [{ id: a.id }] });
    expect(statusOf(db, q.id, a.id)).toBe("confirmed");
    expect(mailsTo(q)).toHaveLength(1);
    expect(mailsTo(q)[0].subject).toBe("Du har fått en plats: Lärpass A");
    expect(mailsTo(u)).toHaveLength(0);
  });
});

describe("capacity", () => {
  it("the lärpass's own capacity overrides the room's, smaller or larger", async () => {
    const f = setup();
    const bigRoom = f.room(10);
    const smallRoom = f.room(1);
    const two = f.larpass({ slot: f.slot9, room: bigRoom, capacity: 2 });
    const three = f.larpass({ slot: f.slot("11:00", "11:45"), room: smallRoom, capacity: 3 });
    const us = createUsers(db, 4);
    for (const u of us.slice(0, 2)) expect(await choose(u, two)).toMatchObject({ ok: true, status: "confirmed" });
    expect(await choose(us[2], two)).toMatchObject({ ok: false, reason: "full" });
    for (const u of us.slice(0, 3)) expect(await choose(u, three)).toMatchObject({ ok: true, status: "confirmed" });
    expect(await choose(us[3], three)).toMatchObject({ ok: false, reason: "full" });
  });

  it("without its own capacity the room's applies; with neither it is unlimited", async () => {
    const f = setup();
    const roomOf2 = f.larpass({ slot: f.slot9, room: f.room(2), capacity: null });
    const unlimited = f.larpass({ slot: f.slot("11:00", "11:45"), room: null, capacity: null });
    const us = createUsers(db, 40);
    expect(await choose(us[0], roomOf2)).toMatchObject({ status: "confirmed" });
    expect(await choose(us[1], roomOf2)).toMatchObject({ status: "confirmed" });
    expect(await choose(us[2], roomOf2)).toMatchObject({ ok: false, reason: "full" });
    for (const u of us) expect(await choose(u, unlimited, { waitlist: true })).toMatchObject({ ok: true, status: "confirmed" });
    expect(confirmedCount(unlimited.id)).toBe(40);
  });
});

describe("waitlist", () => {
  it("is first come, first served by queue time, and the freed seat goes to the first automatically", async () => {
    const { cap } = setup();
    const l = cap(1, "Lärpass K");
    const [holder, late, early, third] = createUsers(db, 4);
    const t = new Date("2018-02-01T10:00:00Z");
    await choose(holder, l, { now: t });
    // `late` asks first but with a later request time; queue order follows the time, not the row id.
    expect(await choose(late, l, { waitlist: true, now: new Date(t.getTime() + 10_000) })).toMatchObject({ position: 1 });
    expect(await choose(early, l, { waitlist: true, now: new Date(t.getTime() + 5_000) })).toMatchObject({ position: 1 });
    expect(await choose(third, l, { waitlist: true, now: new Date(t.getTime() + 20_000) })).toMatchObject({ position: 3 });
    expect([position(early, l.id), position(late, l.id), position(third, l.id)]).toEqual([1, 2, 3]);

    expect(await leave(holder, l)).toEqual({ ok: true, was: "confirmed" });
    expect(statusOf(db, early.id, l.id)).toBe("confirmed");
    expect(queue(l.id)).toEqual([late.id, third.id]);
    expect([position(late, l.id), position(third, l.id)]).toEqual([1, 2]);
    expect(confirmedCount(l.id)).toBe(1);

    const [mail] = mailsTo(early);
    expect(mail.subject).toBe("Du har fått en plats: Lärpass K");
    expect(mail.text).toContain('du har nu en plats på lärpasset "Lärpass K" (torsdag 15 mars 2018 09:00–09:45)');
    expect(mail.text).toContain("/mitt-program");
    expect(mailsTo(early)).toHaveLength(1);
    expect(mailsTo(late)).toHaveLength(0);
    expect(mailsTo(holder)).toHaveLength(0);
  });

  it("ties in queue time are broken by arrival (row id)", async () => {
    const { cap } = setup();
    const l = cap(1);
    const [holder, ...queued] = createUsers(db, 4);
    const t = new Date("2018-02-01T10:00:00Z");
    await choose(holder, l, { now: t });
    for (const [i, u] of queued.entries()) expect(await choose(u, l, { waitlist: true, now: t })).toMatchObject({ position: i + 1 });
    await leave(holder, l);
    expect(statusOf(db, queued[0].id, l.id)).toBe("confirmed");
  });

  for (const kind of ["the same slot", "an overlapping slot"] as const) {
    it(`cascades: the promoted member's seat at ${kind} goes to that lärpass's queue`, async () => {
      const f = setup();
      const a = f.larpass({ slot: f.slot9, capacity: 1, title: "Lärpass A" });
      const b = f.larpass({ slot: kind === "the same slot" ? f.slot9 : f.slot("09:30", "10:15"), capacity: 1, title: "Lärpass B" });
      const [x, y, z] = createUsers(db, 3);
      await choose(x, a);
      await choose(y, b);
      expect(await choose(y, a, { waitlist: true })).toMatchObject({ status: "waitlisted", position: 1, keptSeat: { id: b.id } });
      expect(await choose(z, b, { waitlist: true })).toMatchObject({ status: "waitlisted", position: 1 });

      await leave(x, a);
      expect(statusOf(db, y.id, a.id)).toBe("confirmed");
      expect(statusOf(db, y.id, b.id)).toBeNull();
      expect(statusOf(db, z.id, b.id)).toBe("confirmed");
      expect(queue(a.id)).toEqual([]);
      expect(queue(b.id)).toEqual([]);

      const [mailY] = mailsTo(y);
      expect(mailY.subject).toBe("Du har fått en plats: Lärpass A");
      expect(mailY.text).toContain('Din plats på "Lärpass B" vid samma tid är lämnad, eftersom du bara kan ha en plats per tid.');
      expect(mailY.text).not.toContain("någon annan");
      expect(mailsTo(y)).toHaveLength(1);
      expect(mailsTo(z).map((m) => m.subject)).toEqual(["Du har fått en plats: Lärpass B"]);
    });
  }

  it("leaving a queue place promotes no one", async () => {
    const { cap } = setup();
    const l = cap(1);
    const [holder, q1, q2] = createUsers(db, 3);
    await choose(holder, l);
    await choose(q1, l, { waitlist: true });
    await choose(q2, l, { waitlist: true });
    // An organiser raised the capacity without running the queue yet: there is a free seat.
    db.update(larpass).set({ capacity: 2 }).where(eq(larpass.id, l.id)).run();
    expect(await leave(q1, l)).toEqual({ ok: true, was: "waitlisted" });
    expect(statusOf(db, q2.id, l.id)).toBe("waitlisted");
    expect(position(q2, l.id)).toBe(1);
    expect(mailsTo(q2)).toHaveLength(0);
  });

  it("leaving what one does not have is refused", async () => {
    const { cap } = setup();
    const l = cap(1);
    const [holder, u] = createUsers(db, 2);
    await choose(holder, l);
    expect(await leave(u, l)).toEqual({ ok: false, reason: "not_registered", message: "Du är inte anmäld till det här lärpasset." });
    expect(statusOf(db, holder.id, l.id)).toBe("confirmed");
  });

  it("leaving is allowed after sign-up has closed, and the seat still goes to the queue", async () => {
    const closes = new Date("2018-03-14T23:00:00Z");
    const { cap } = setup({ signupClosesAt: closes });
    const l = cap(1);
    const [holder, q] = createUsers(db, 2);
    const before = new Date(closes.getTime() - 1000);
    await choose(holder, l, { now: before });
    await choose(q, l, { waitlist: true, now: before });
    expect(await leave(holder, l, new Date(closes.getTime() + 86_400_000))).toEqual({ ok: true, was: "confirmed" });
    expect(statusOf(db, q.id, l.id)).toBe("confirmed");
  });

  it("promoteWaitlist fills exactly the seats added by a capacity increase", async () => {
    const { cap } = setup();
    const l = cap(2);
    const [h1, h2, ...queued] = createUsers(db, 7);
    await choose(h1, l);
    await choose(h2, l);
    for (const u of queued) await choose(u, l, { waitlist: true });
    expect(await promoteWaitlist({ larpassId: l.id })).toBe(0);

    db.update(larpass).set({ capacity: 5 }).where(eq(larpass.id, l.id)).run();
    expect(await promoteWaitlist({ larpassId: l.id })).toBe(3);
    expect(confirmedCount(l.id)).toBe(5);
    expect(queued.map((u) => statusOf(db, u.id, l.id))).toEqual(["confirmed", "confirmed", "confirmed", "waitlisted", "waitlisted"]);
    expect([position(queued[3], l.id), position(queued[4], l.id)]).toEqual([1, 2]);
    expect(queued.map((u) => mailsTo(u).length)).toEqual([1, 1, 1, 0, 0]);
  });

  it("promoteWaitlist follows the room's capacity when the lärpass has none", async () => {
    const f = setup();
    const room = f.room(1);
    const l = f.larpass({ slot: f.slot9, room, capacity: null });
    const [h, q1, q2, q3] = createUsers(db, 4);
    await choose(h, l);
    for (const u of [q1, q2, q3]) await choose(u, l, { waitlist: true });
    db.update(rooms).set({ capacity: 3 }).where(eq(rooms.id, room.id)).run();
    expect(await promoteWaitlist({ larpassId: l.id })).toBe(2);
    expect([q1, q2, q3].map((u) => statusOf(db, u.id, l.id))).toEqual(["confirmed", "confirmed", "waitlisted"]);
  });
});

describe("cancelLarpass", () => {
  it("cancels, removes every seat and queue place and mails each member", async () => {
    const { cap } = setup();
    const l = cap(2, "Lärpass X");
    const other = cap(5, "Annat lärpass");
    const [a, b, q, bystander] = createUsers(db, 4);
    await choose(a, l);
    await choose(b, l);
    await choose(q, other);
    await choose(q, l, { waitlist: true });
    await choose(bystander, other);

    expect(await cancelLarpass({ larpassId: l.id })).toBe(3);
    expect(db.select().from(larpass).where(eq(larpass.id, l.id)).get()!.status).toBe("cancelled");
    expect(registrationsOf(db, l.id)).toEqual([]);
    // The queued member keeps the seat they held at that time.
    expect(statusOf(db, q.id, other.id)).toBe("confirmed");

    for (const u of [a, b]) {
      const mails = mailsTo(u);
      expect(mails).toHaveLength(1);
      expect(mails[0].subject).toBe("Inställt: Lärpass X");
      expect(mails[0].text).toContain("Din plats är borttagen.");
    }
    expect(mailsTo(q)).toHaveLength(1);
    expect(mailsTo(q)[0].text).toContain("Din plats i kön är borttagen.");
    expect(mailsTo(bystander)).toHaveLength(0);

    expect(await choose(bystander, l)).toMatchObject({ ok: false, reason: "cancelled" });
  });
});

describe("deleteAccount", () => {
  it("removes the member and gives their seats to the queues", async () => {
    const f = setup();
    const a = f.larpass({ slot: f.slot9, capacity: 1, title: "Lärpass A" });
    const later = f.larpass({ slot: f.slot("13:00", "13:45"), capacity: 1, title: "Lärpass E" });
    const fullElsewhere = f.larpass({ slot: f.slot("15:00", "15:45"), capacity: 1 });
    const [gone, qa, qe, h] = createUsers(db, 4);
    await choose(gone, a);
    await choose(gone, later);
    await choose(h, fullElsewhere);
    await choose(gone, fullElsewhere, { waitlist: true });
    await choose(qa, a, { waitlist: true });
    await choose(qe, later, { waitlist: true });

    expect(await deleteAccount({ userId: gone.id })).toEqual({ seats: 2, waitlist: 1 });
    expect(db.select().from(users).where(eq(users.id, gone.id)).get()).toBeUndefined();
    expect(db.select().from(registrations).where(eq(registrations.userId, gone.id)).all()).toEqual([]);
    expect(statusOf(db, qa.id, a.id)).toBe("confirmed");
    expect(statusOf(db, qe.id, later.id)).toBe("confirmed");
    expect(mailsTo(qa).map((m) => m.subject)).toEqual(["Du har fått en plats: Lärpass A"]);
    expect(mailsTo(qe).map((m) => m.subject)).toEqual(["Du har fått en plats: Lärpass E"]);
    expect(mailsTo(gone)).toHaveLength(0);
    expect(statusOf(db, h.id, fullElsewhere.id)).toBe("confirmed");
  });
});

describe("database guards", () => {
  const insert = (larpassId: number, userId: string, timeSlotId: number, status: "confirmed" | "waitlisted") =>
    db.$client
      .prepare("INSERT INTO registrations (larpass_id, user_id, time_slot_id, status, queued_at) VALUES (?, ?, ?, ?, ?)")
      .run(larpassId, userId, timeSlotId, status, Date.now());

  it("refuses a confirmed seat beyond capacity, by insert or by update", () => {
    const f = setup();
    const l = f.larpass({ slot: f.slot9, capacity: 2 });
    const roomOnly = f.larpass({ slot: f.slot("11:00", "11:45"), room: f.room(1) });
    const us = createUsers(db, 4);
    insert(l.id, us[0].id, f.slot9.id, "confirmed");
    insert(l.id, us[1].id, f.slot9.id, "confirmed");
    expect(() => insert(l.id, us[2].id, f.slot9.id, "confirmed")).toThrow(/larpass_full/);
    insert(l.id, us[3].id, f.slot9.id, "waitlisted");
    expect(() =>
      db.$client.prepare("UPDATE registrations SET status = 'confirmed' WHERE larpass_id = ? AND user_id = ?").run(l.id, us[3].id),
    ).toThrow(/larpass_full/);
    expect(confirmedCount(l.id)).toBe(2);

    insert(roomOnly.id, us[0].id, roomOnly.timeSlotId!, "confirmed");
    expect(() => insert(roomOnly.id, us[1].id, roomOnly.timeSlotId!, "confirmed")).toThrow(/larpass_full/);
  });

  it("lets an unlimited lärpass take any number of seats", () => {
    const f = setup();
    const l = f.larpass({ slot: f.slot9, capacity: null, room: null });
    for (const u of createUsers(db, 30)) insert(l.id, u.id, f.slot9.id, "confirmed");
    expect(confirmedCount(l.id)).toBe(30);
  });

  it("refuses two confirmed seats (or two queue places) for one member in one slot", () => {
    const f = setup();
    const a = f.larpass({ slot: f.slot9 });
    const b = f.larpass({ slot: f.slot9 });
    const [u, v] = createUsers(db, 2);
    insert(a.id, u.id, f.slot9.id, "confirmed");
    expect(() => insert(b.id, u.id, f.slot9.id, "confirmed")).toThrow(/UNIQUE constraint failed: registrations\.user_id, registrations\.time_slot_id/);
    insert(a.id, v.id, f.slot9.id, "waitlisted");
    expect(() => insert(b.id, v.id, f.slot9.id, "waitlisted")).toThrow(/UNIQUE constraint failed/);
    // One seat and one queue place in the same slot is allowed (a member queueing while keeping a seat).
    insert(b.id, u.id, f.slot9.id, "waitlisted");
  });

  it("refuses two registrations of one member for the same lärpass", () => {
    const f = setup();
    const a = f.larpass({ slot: f.slot9 });
    const u = createUser(db);
    insert(a.id, u.id, f.slot9.id, "waitlisted");
    expect(() => insert(a.id, u.id, f.slot9.id, "confirmed")).toThrow(/UNIQUE constraint failed: registrations\.larpass_id, registrations\.user_id/);
  });
});

describe("getSeatCounts and getMyRegistrations", () => {
  it("counts seats and queue places per lärpass", async () => {
    const f = setup();
    const a = f.larpass({ slot: f.slot9, capacity: 2 });
    const b = f.larpass({ slot: f.slot("11:00", "11:45"), capacity: 1 });
    const empty = f.larpass({ slot: f.slot9, capacity: 3 });
    const us = createUsers(db, 5);
    for (const u of us) await choose(u, a, { waitlist: true });
    await choose(us[0], b);
    const counts = getSeatCounts({ larpassIds: [a.id, b.id, empty.id] });
    expect(counts.get(a.id)).toEqual({ confirmed: 2, waitlisted: 3 });
    expect(counts.get(b.id)).toEqual({ confirmed: 1, waitlisted: 0 });
    expect(counts.has(empty.id)).toBe(false);
    expect(getSeatCounts({ larpassIds: [] }).size).toBe(0);
  });

  it("lists the member's seats and queue positions", async () => {
    const f = setup();
    const seat = f.larpass({ slot: f.slot9, capacity: 5 });
    const later = f.slot("11:00", "11:45");
    const full = f.larpass({ slot: later, capacity: 1 });
    const other = f.larpass({ slot: f.slot("13:00", "13:45"), capacity: 1 });
    const [u, h1, h2, ahead] = createUsers(db, 4);
    await choose(h1, full);
    await choose(h2, other);
    await choose(ahead, full, { waitlist: true });
    await choose(u, seat);
    await choose(u, full, { waitlist: true });
    await choose(u, other, { waitlist: true });
    const mine = getMyRegistrations({ userId: u.id });
    expect(mine.size).toBe(3);
    expect(mine.get(seat.id)).toEqual({ larpassId: seat.id, status: "confirmed", position: 0 });
    expect(mine.get(full.id)).toEqual({ larpassId: full.id, status: "waitlisted", position: 2 });
    expect(mine.get(other.id)).toEqual({ larpassId: other.id, status: "waitlisted", position: 1 });
    expect(getMyRegistrations({ userId: createUser(db).id }).size).toBe(0);
  });
});

describe("concurrency in one process", () => {
  it("300 members choosing a 10-seat lärpass at once: 10 seats, 290 in a contiguous queue", async () => {
    const { cap } = setup();
    const l = cap(10);
    const members = createUsers(db, 300, "rusning");
    const now = new Date("2018-02-01T08:00:00Z");
    const outcomes = await Promise.all(
      members.map((m, i) => chooseLarpass({ userId: m.id, larpassId: l.id, waitlist: true, now: new Date(now.getTime() + (i % 7)) })),
    );
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(outcomes.filter((o) => o.ok && o.status === "confirmed")).toHaveLength(10);
    const returned = outcomes.flatMap((o) => (o.ok && o.status === "waitlisted" ? [o.position] : []));
    expect(returned).toHaveLength(290);

    const rows = registrationsOf(db, l.id); // sorted by (queuedAt, id)
    expect(rows).toHaveLength(300);
    expect(new Set(rows.map((r) => r.userId)).size).toBe(300);
    expect(rows.filter((r) => r.status === "confirmed")).toHaveLength(10);
    const waiting = rows.filter((r) => r.status === "waitlisted");
    const positions = waiting.map((r) => getMyRegistrations({ userId: r.userId }).get(l.id)!.position);
    expect(positions).toEqual(Array.from({ length: 290 }, (_, i) => i + 1));
    expect(getSeatCounts({ larpassIds: [l.id] }).get(l.id)).toEqual({ confirmed: 10, waitlisted: 290 });

    // The queue then drains in that order.
    const seated = rows.filter((r) => r.status === "confirmed");
    await leaveLarpass({ userId: seated[0].userId, larpassId: l.id });
    expect(statusOf(db, waiting[0].userId, l.id)).toBe("confirmed");
    expect(confirmedCount(l.id)).toBe(10);
  });
});
