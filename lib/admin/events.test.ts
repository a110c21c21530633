// Events, days, slots and rooms in the organisers' workspace, against the file's own SQLite database.
import { asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { days, events, larpass, programmeChanges, registrations, revisions, rooms, timeSlots } from "@/db/schema";
import { readOutbox } from "@/lib/mail";
import { chooseLarpass } from "@/lib/registrations";
import type { RevisionAuthor } from "@/lib/revisions";
import { createEvent as createFixture, createUsers, registrationsOf, statusOf, useTempOutbox } from "@/test/factories";
import { zonedToUtc } from "@/lib/time";
import { dayNameSchema, daySchema, eventSchema, newEventSchema, roomSchema, slotSchema } from "@/lib/validation/admin";
import { createEvent, deleteEvent, describeEventDeletion, getAdminEvent, listAdminEvents, updateEvent } from "./events";
import { addRoom, deleteRoom, describeRoomDeletion, updateRoom } from "@/lib/admin/rooms";
import { addSlot, deleteSlot, describeSlotDeletion, updateSlot } from "@/lib/admin/slots";
import { addDay, deleteDay, describeDayDeletion, renameDay } from "@/lib/admin/days";

useTempOutbox();
const author: RevisionAuthor = { userId: null, label: "arrangor@example.se", role: "organiser" };
beforeAll(() => {
  vi.spyOn(console, "log").mockImplementation(() => {});
});

function ok<T extends { ok: boolean }>(r: T): Extract<T, { ok: true }> {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r)}`);
  return r as Extract<T, { ok: true }>;
}

let n = 0;
function newEvent(over: Partial<Record<string, string>> = {}) {
  n++;
  return ok(createEvent({ input: newEventSchema.parse({ name: `Konferens ${n}`, slug: `konf-${n}-${process.pid}`, startsOn: "2019-03-14", endsOn: "2019-03-15", ...over }) })).id;
}
const eventInput = (over: Partial<Record<string, string>> = {}) =>
  eventSchema.parse({ name: "Konferensen", slug: "", startsOn: "2019-03-14", endsOn: "2019-03-15", venue: "", description: "", signupOpensAt: "", signupClosesAt: "", published: "", ...over });
const changes = (larpassId: number) =>
  db.select().from(programmeChanges).where(eq(programmeChanges.larpassId, larpassId)).orderBy(asc(programmeChanges.id)).all();

describe("events", () => {
  it("a new event is unpublished; the list shows it with its lärpass counted per status", () => {
    const id = newEvent({ name: "Ny konferens" });
    const f = { event: db.select().from(events).where(eq(events.id, id)).get()! };
    db.insert(larpass).values([
      { eventId: id, slug: "a", title: "A", status: "draft" },
      { eventId: id, slug: "b", title: "B", status: "published" },
      { eventId: id, slug: "c", title: "C", status: "published" },
    ]).run();
    expect(f.event.published).toBe(false);
    expect(listAdminEvents().find((e) => e.id === id)).toMatchObject({ name: "Ny konferens", published: false, larpass: { draft: 1, published: 2, cancelled: 0 } });
  });

  it("reports a slug in use as a field error, on create and on edit", () => {
    const a = newEvent({ slug: "upptagen" });
    expect(createEvent({ input: newEventSchema.parse({ name: "X", slug: "upptagen", startsOn: "2019-01-01", endsOn: "2019-01-01" }) })).toEqual({
      ok: false,
      errors: { slug: 'Adressnamnet "upptagen" används redan av ett annat evenemang. Välj ett annat.' },
    });
    const b = newEvent();
    expect(updateEvent({ id: b, input: eventInput({ slug: "upptagen" }) })).toMatchObject({ ok: false, errors: { slug: expect.any(String) } });
    ok(updateEvent({ id: a, input: eventInput({ slug: "upptagen" }) }));
  });

  it("stores sign-up times given in Stockholm time as UTC (winter and summer time)", () => {
    const id = newEvent();
    ok(updateEvent({ id, input: eventInput({ signupOpensAt: "2019-02-01T09:00", signupClosesAt: "2019-06-01T09:00", published: "on", venue: "Umeå" }) }));
    const e = getAdminEvent({ id })!.event;
    expect(e.signupOpensAt!.toISOString()).toBe("2019-02-01T08:00:00.000Z");
    expect(e.signupClosesAt!.toISOString()).toBe("2019-06-01T07:00:00.000Z");
    expect(e).toMatchObject({ published: true, venue: "Umeå" });
  });

  it("refuses new dates that would leave one of its days outside", () => {
    const id = newEvent();
    ok(addDay({ eventId: id, input: daySchema.parse({ date: "2019-03-15", name: "" }) }));
    expect(updateEvent({ id, input: eventInput({ endsOn: "2019-03-14" }) })).toEqual({
      ok: false,
      errors: { startsOn: "Dagen fredag 15 mars 2019 ligger utanför de nya datumen. Ta bort dagen först, eller välj datum som omfattar den." },
    });
  });

  it("deleting says what goes with it, then mails the members of its lärpass and removes everything", async () => {
    const f = createFixture(db);
    const slot = f.slot("09:00", "09:45");
    const l = f.larpass({ slot, title: "Sista passet" });
    const [a] = createUsers(db, 1);
    await chooseLarpass({ userId: a.id, larpassId: l.id });
    const impact = describeEventDeletion({ id: f.event.id })!;
    expect(impact.consequences).toEqual([
      "Allt i evenemanget tas bort: 1 lärpass, 1 dag, 1 tid och 0 lokaler, liksom ändringsloggen.",
      "1 medlem har valt lärpass i evenemanget; de får ett mejl och deras platser och köplatser släpps.",
      "Talare och organisationer finns kvar (de kan vara med i andra evenemang).",
    ]);
    expect(await deleteEvent({ id: f.event.id })).toBe(true);
    expect(getAdminEvent({ id: f.event.id })).toBeNull();
    expect(db.select().from(larpass).where(eq(larpass.id, l.id)).get()).toBeUndefined();
    expect(readOutbox({ to: a.email }).map((m) => m.subject)).toEqual([`Borttaget: ${f.event.name}`]);
  });
});

describe("days and slots", () => {
  it("a day must lie within the event's dates and exist once", () => {
    const id = newEvent();
    expect(addDay({ eventId: id, input: daySchema.parse({ date: "2019-03-16", name: "" }) })).toEqual({
      ok: false,
      errors: { date: "Dagen måste ligga inom evenemangets datum, 14–15 mars 2019." },
    });
    ok(addDay({ eventId: id, input: daySchema.parse({ date: "2019-03-14", name: "Dag 1" }) }));
    expect(addDay({ eventId: id, input: daySchema.parse({ date: "2019-03-14", name: "" }) })).toEqual({
      ok: false,
      errors: { date: "torsdag 14 mars 2019 finns redan." },
    });
  });

  it("a slot is 45 minutes by default, in Stockholm time, once per day and time; the list counts its lärpass", () => {
    const id = newEvent();
    const day = ok(addDay({ eventId: id, input: daySchema.parse({ date: "2019-03-14", name: "" }) })).id;
    const slot = ok(addSlot({ eventId: id, input: slotSchema.parse({ dayId: String(day), start: "09:00", end: "", label: "Pass 1" }) })).id;
    const s = db.select().from(timeSlots).where(eq(timeSlots.id, slot)).get()!;
    expect([s.startsAt.toISOString(), s.endsAt.toISOString()]).toEqual(["2019-03-14T08:00:00.000Z", "2019-03-14T08:45:00.000Z"]);
    expect(addSlot({ eventId: id, input: slotSchema.parse({ dayId: String(day), start: "09:00", end: "09:45", label: "" }) })).toEqual({
      ok: false,
      errors: { start: "Tiden 09:00–09:45 finns redan den dagen." },
    });
    const other = newEvent();
    expect(addSlot({ eventId: other, input: slotSchema.parse({ dayId: String(day), start: "10:00", end: "", label: "" }) })).toEqual({
      ok: false,
      errors: { dayId: "Välj en av evenemangets dagar." },
    });
    db.insert(larpass).values({ eventId: id, slug: "x", title: "X", timeSlotId: slot }).run();
    expect(getAdminEvent({ id })!.slots.map((x) => [x.id, x.larpassCount, x.date])).toEqual([[slot, 1, "2019-03-14"]]);
  });

  it("deleting a slot asks first; its lärpass lose their time, members are released and mailed, the change is logged", async () => {
    const f = createFixture(db);
    const slot = f.slot("09:00", "09:45");
    const l = f.larpass({ slot, title: "Utan tid snart" });
    const [a, b] = createUsers(db, 2);
    for (const u of [a, b]) await chooseLarpass({ userId: u.id, larpassId: l.id });
    expect(describeSlotDeletion({ id: slot.id })).toMatchObject({
      what: "tiden torsdag 15 mars 2018 09:00–09:45",
      consequences: ["1 lärpass blir utan tid (”Tid meddelas senare”).", "2 medlemmar har valt dem; de får ett mejl och deras platser och köplatser släpps."],
    });
    expect(await deleteSlot({ author, id: slot.id })).toBe(f.event.id);
    expect(db.select().from(larpass).where(eq(larpass.id, l.id)).get()!.timeSlotId).toBeNull();
    expect(registrationsOf(db, l.id)).toEqual([]);
    expect(readOutbox({ to: a.email }).map((m) => m.subject)).toEqual(["Ditt val är släppt: Utan tid snart"]);
    expect(changes(l.id).map((c) => [c.kind, c.before, c.after])).toEqual([["time", "torsdag 15 mars 2018 09:00–09:45", null]]);
  });

  it("deleting a day takes its slots and unschedules their lärpass", async () => {
    const f = createFixture(db);
    const slot = f.slot("09:00", "09:45");
    const l = f.larpass({ slot });
    const dayId = slot.dayId;
    expect(describeDayDeletion({ id: dayId })!.consequences).toEqual(["Dagens 1 tid tas bort.", "1 lärpass blir utan tid (”Tid meddelas senare”)."]);
    expect(await deleteDay({ author, id: dayId })).toBe(f.event.id);
    expect(db.select().from(days).where(eq(days.id, dayId)).get()).toBeUndefined();
    expect(db.select().from(larpass).where(eq(larpass.id, l.id)).get()!.timeSlotId).toBeNull();
  });
});

describe("changing a day or a time slot", () => {
  const slotInput = (dayId: number, start: string, end = "", label = "") => slotSchema.parse({ dayId: String(dayId), start, end, label });
  const slotRow = (id: number) => db.select().from(timeSlots).where(eq(timeSlots.id, id)).get()!;

  it("a day is renamed and keeps its date; an unknown day is 'not found'", () => {
    const f = createFixture(db, { published: false });
    const slot = f.slot("09:00", "09:45");
    expect(renameDay({ id: slot.dayId, input: dayNameSchema.parse({ name: "  Dag 1: lärpass " }) })).toEqual({ ok: true, id: f.event.id });
    expect(db.select().from(days).where(eq(days.id, slot.dayId)).get()).toMatchObject({ name: "Dag 1: lärpass", date: "2018-03-15" });
    expect(renameDay({ id: 999_999, input: { name: "X" } })).toMatchObject({ ok: false, errors: { form: expect.stringContaining("finns inte") } });
    expect(dayNameSchema.safeParse({ name: "x".repeat(101) }).error?.issues[0].message).toBe("Namnet får vara högst 100 tecken.");
  });

  it("an empty slot changes at once: day, time and name; the same time twice on a day is refused", async () => {
    const f = createFixture(db, { startsOn: "2018-03-15", endsOn: "2018-03-16" });
    const a = f.slot("09:00", "09:45");
    const b = f.slot("10:00", "10:45", "2018-03-16");
    expect(await updateSlot({ author, id: a.id, input: slotInput(b.dayId, "13:15", "", "Eftermiddag") })).toEqual({ ok: true, id: f.event.id });
    expect(slotRow(a.id)).toMatchObject({ dayId: b.dayId, label: "Eftermiddag", startsAt: zonedToUtc("2018-03-16", "13:15"), endsAt: zonedToUtc("2018-03-16", "14:00") });
    expect(await updateSlot({ author, id: a.id, input: slotInput(b.dayId, "10:00", "10:45") })).toEqual({ ok: false, errors: { start: "Tiden 10:00–10:45 finns redan den dagen." } });
    // Only the name: no time change, nothing to confirm even with members.
    const l = f.larpass({ slot: b });
    const [m] = createUsers(db, 1);
    await chooseLarpass({ userId: m.id, larpassId: l.id });
    expect(await updateSlot({ author, id: b.id, input: slotInput(b.dayId, "10:00", "10:45", "Förmiddag") })).toEqual({ ok: true, id: f.event.id });
    expect(slotRow(b.id).label).toBe("Förmiddag");
    expect(changes(l.id)).toEqual([]);
  });

  it("a new time with members asks first and writes nothing; confirmed, members follow or lose a colliding choice, get a mail, and the change is public", async () => {
    const f = createFixture(db);
    const nine = f.slot("09:00", "09:45");
    const eleven = f.slot("11:00", "11:45");
    const room = f.room(1, "Lilla");
    const moved = f.larpass({ slot: nine, room, title: "Flyttas" });
    const draft = f.larpass({ slot: nine, title: "Utkastet", status: "draft" });
    const later = f.larpass({ slot: eleven, title: "Senare" });
    const [stays, clashes, queued] = createUsers(db, 3);
    await chooseLarpass({ userId: stays.id, larpassId: moved.id });
    await chooseLarpass({ userId: clashes.id, larpassId: later.id });
    await chooseLarpass({ userId: queued.id, larpassId: moved.id, waitlist: true });
    // clashes also queues for "Flyttas" (full): a queue place collides only with a queue place, so it stays.
    await chooseLarpass({ userId: clashes.id, larpassId: moved.id, waitlist: true });
    const before = db.select().from(registrations).all();
    const outbox = readOutbox().length;

    const input = slotInput(nine.dayId, "11:15", "12:00");
    const asked = await updateSlot({ author, id: nine.id, input });
    expect(asked).toEqual({
      ok: false,
      confirm: { larpass: 2, members: 3, released: 0, from: "torsdag 15 mars 2018 09:00–09:45", to: "torsdag 15 mars 2018 11:15–12:00" },
    });
    expect(db.select().from(registrations).all()).toEqual(before);
    expect(slotRow(nine.id).startsAt).toEqual(nine.startsAt);
    expect(readOutbox().length).toBe(outbox);

    // stays has the seat in "Flyttas" and now also a seat in "Senare" at 11:00: that one collides.
    await chooseLarpass({ userId: stays.id, larpassId: later.id });
    expect((await updateSlot({ author, id: nine.id, input })) as { confirm: unknown }).toMatchObject({ confirm: { members: 3, released: 1 } });
    expect(await updateSlot({ author, id: nine.id, input, confirmed: true })).toEqual({ ok: true, id: f.event.id });
    expect(slotRow(nine.id)).toMatchObject({ startsAt: zonedToUtc("2018-03-15", "11:15"), endsAt: zonedToUtc("2018-03-15", "12:00") });
    // The seat stays gave up went to the first in the queue.
    expect(statusOf(db, stays.id, moved.id)).toBeNull();
    expect(statusOf(db, queued.id, moved.id)).toBe("confirmed");
    expect(statusOf(db, clashes.id, moved.id)).toBe("waitlisted");
    expect(statusOf(db, stays.id, later.id)).toBe("confirmed");
    expect(changes(moved.id)).toMatchObject([{ kind: "time", before: "torsdag 15 mars 2018 09:00–09:45", after: "torsdag 15 mars 2018 11:15–12:00" }]);
    expect(changes(draft.id)).toEqual([]);
    const all = readOutbox(); // newest first
    const mails = all.slice(0, all.length - outbox);
    expect(mails.find((m) => m.to === stays.email)).toMatchObject({ subject: "Ditt val är släppt: Flyttas" });
    expect(mails.find((m) => m.to === stays.email)!.text).toContain('krockar med "Senare"');
    expect(mails.find((m) => m.to === clashes.email)).toMatchObject({ subject: "Ändrad tid: Flyttas" });
    expect(mails.filter((m) => m.to === queued.email).map((m) => m.subject).sort()).toEqual(["Du har fått en plats: Flyttas", "Ändrad tid: Flyttas"]);
  });

  it("a new time (or name) gives each lärpass in the slot a new version and a revision by the organiser; an unchanged slot writes none", async () => {
    const f = createFixture(db, { startsOn: "2018-03-15", endsOn: "2018-03-15" });
    const nine = f.slot("09:00", "09:45");
    const l = f.larpass({ slot: nine, title: "Tidspasset" });
    const other = f.larpass({ slot: f.slot("11:00", "11:45"), title: "Annat pass" });
    const versionOf = (id: number) => db.select({ v: larpass.version }).from(larpass).where(eq(larpass.id, id)).get()!.v;
    const revisionsOf = (id: number) => db.select().from(revisions).where(eq(revisions.larpassId, id)).orderBy(asc(revisions.id)).all();
    const v = versionOf(l.id);

    expect(await updateSlot({ author, id: nine.id, input: slotInput(nine.dayId, "09:00", "09:45") })).toEqual({ ok: true, id: f.event.id });
    expect(revisionsOf(l.id)).toEqual([]);
    expect(versionOf(l.id)).toBe(v);

    expect(await updateSlot({ author, id: nine.id, input: slotInput(nine.dayId, "13:00", "13:45", "Eftermiddag") })).toEqual({ ok: true, id: f.event.id });
    expect(versionOf(l.id)).toBe(v + 1);
    expect(revisionsOf(l.id)).toMatchObject([
      {
        entity: "larpass",
        version: v + 1,
        authorLabel: "arrangor@example.se",
        authorRole: "organiser",
        before: { title: "Tidspasset", timeSlot: { id: nine.id, label: expect.stringMatching(/09:00–09:45$/) } },
        after: { title: "Tidspasset", timeSlot: { id: nine.id, label: expect.stringMatching(/13:00–13:45 \(Eftermiddag\)$/) } },
      },
    ]);
    // A named slot still shows its time in the history: a new time alone is a revision too.
    expect(await updateSlot({ author, id: nine.id, input: slotInput(nine.dayId, "14:00", "14:45", "Eftermiddag") })).toEqual({ ok: true, id: f.event.id });
    expect(revisionsOf(l.id).map((r) => r.version)).toEqual([v + 1, v + 2]);
    expect(revisionsOf(other.id)).toEqual([]);
  });

  it("a slot of an unknown id, or a day of another event, is refused", async () => {
    const f = createFixture(db);
    const other = createFixture(db);
    const slot = f.slot("09:00", "09:45");
    const otherSlot = other.slot("09:00", "09:45");
    expect(await updateSlot({ author, id: 999_999, input: slotInput(slot.dayId, "10:00") })).toMatchObject({ ok: false, errors: { form: expect.any(String) } });
    expect(await updateSlot({ author, id: slot.id, input: slotInput(otherSlot.dayId, "10:00") })).toEqual({ ok: false, errors: { dayId: "Välj en av evenemangets dagar." } });
  });
});

describe("rooms", () => {
  it("names are unique within an event (any case); the list counts the lärpass in each room", () => {
    const id = newEvent();
    const r = ok(addRoom({ eventId: id, input: roomSchema.parse({ name: "Stora salen", capacity: "80" }) })).id;
    expect(addRoom({ eventId: id, input: roomSchema.parse({ name: "stora SALEN", capacity: "10" }) })).toEqual({
      ok: false,
      errors: { name: "Det finns redan en lokal som heter stora SALEN i evenemanget." },
    });
    ok(addRoom({ eventId: newEvent(), input: roomSchema.parse({ name: "Stora salen", capacity: "10" }) }));
    db.insert(larpass).values({ eventId: id, slug: "y", title: "Y", roomId: r }).run();
    expect(getAdminEvent({ id })!.rooms.map((x) => [x.name, x.larpassCount])).toEqual([["Stora salen", 1]]);
  });

  it("a bigger room seats the queue of the lärpass in it", async () => {
    const f = createFixture(db);
    const slot = f.slot("09:00", "09:45");
    const room = f.room(1, "Lilla rummet");
    const l = f.larpass({ slot, room });
    const [a, b] = createUsers(db, 2);
    await chooseLarpass({ userId: a.id, larpassId: l.id });
    await chooseLarpass({ userId: b.id, larpassId: l.id, waitlist: true });
    ok(await updateRoom({ id: room.id, input: roomSchema.parse({ name: "Lilla rummet", capacity: "2" }) }));
    expect(statusOf(db, b.id, l.id)).toBe("confirmed");
  });

  it("deleting a room in use says so; its lärpass keep their time and members, lose the room, and it is logged", async () => {
    const f = createFixture(db);
    const slot = f.slot("09:00", "09:45");
    const room = f.room(30, "Rum Norrland");
    const l = f.larpass({ slot, room, title: "I Norrland" });
    const [a] = createUsers(db, 1);
    await chooseLarpass({ userId: a.id, larpassId: l.id });
    expect(describeRoomDeletion({ id: room.id })).toMatchObject({
      what: "lokalen Rum Norrland (30 platser)",
      consequences: [
        "1 lärpass blir utan lokal (”Lokal meddelas senare”) men behåller sin tid.",
        "1 medlem har valt dem; de behåller sina platser och får ett mejl om ändringen.",
        "1 lärpass har inget eget antal platser och blir utan platsgräns tills de får en ny lokal.",
      ],
    });
    expect(await deleteRoom({ author, id: room.id })).toBe(f.event.id);
    expect(db.select().from(rooms).where(eq(rooms.id, room.id)).get()).toBeUndefined();
    expect(db.select().from(larpass).where(eq(larpass.id, l.id)).get()).toMatchObject({ roomId: null, timeSlotId: slot.id });
    expect(statusOf(db, a.id, l.id)).toBe("confirmed");
    expect(changes(l.id).map((c) => [c.kind, c.before, c.after])).toEqual([["room", "Rum Norrland", null]]);
    expect(readOutbox({ to: a.email }).map((m) => m.subject)).toEqual(["Ändrat: I Norrland"]);
  });

  it("an unused room is deleted with nothing else to say", () => {
    const f = createFixture(db);
    const room = f.room(5, "Tomrummet");
    expect(describeRoomDeletion({ id: room.id })!.consequences).toEqual([]);
  });
});
