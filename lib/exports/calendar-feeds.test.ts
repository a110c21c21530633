// The public calendar feeds and the personal one, read back with ical.js as a calendar program would:
// Europe/Stockholm times, stable UIDs, SEQUENCE that grows on a change, STATUS:CANCELLED for a cancelled
// lärpass (and, in Mitt program, for a seat the member no longer has) instead of a silently dropped entry.
import ICAL from "ical.js";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { calendarReleases, larpass as larpassTable } from "@/db/schema";
import { moveLarpass } from "@/lib/admin/schedule";
import { exportPersonalData } from "@/lib/account";
import { buildCalendar } from "@/lib/calendar";
import { listCalendarEntries } from "@/lib/my-programme";
import { cancelLarpass, chooseLarpass, leaveLarpass } from "@/lib/registrations";
import { importAuthor } from "@/lib/revisions";
import { createEvent, createUser, useTempOutbox } from "@/test/factories";
import { getPublicCalendar, trackSlug } from "./calendar-feeds";

useTempOutbox();
beforeAll(() => {
  vi.spyOn(console, "log").mockImplementation(() => {});
});

const SITE = "https://larpass.example.se";

function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const vtimezone = calendar.getFirstSubcomponent("vtimezone");
  if (vtimezone) ICAL.TimezoneService.register(vtimezone);
  return calendar.getAllSubcomponents("vevent").map((ve) => {
    const dtstart = ve.getFirstProperty("dtstart")!;
    const start = dtstart.getFirstValue() as ICAL.Time;
    const end = ve.getFirstPropertyValue("dtend") as ICAL.Time;
    return {
      uid: ve.getFirstPropertyValue("uid") as string,
      summary: ve.getFirstPropertyValue("summary") as string,
      status: ve.getFirstPropertyValue("status") as string,
      sequence: Number(ve.getFirstPropertyValue("sequence")),
      tzid: dtstart.getParameter("tzid"),
      localStart: start.toString(),
      localEnd: end.toString(),
      startInstant: start.toJSDate(),
    };
  });
}

function setup() {
  const f = createEvent(db, { venue: "Folkets hus" });
  const nine = f.slot("09:00", "09:45");
  const ten = f.slot("10:00", "10:45");
  const room = f.room(30, "Stora salen");
  const a = f.larpass({ slot: nine, room, title: "Vård i hemmet" });
  const b = f.larpass({ slot: nine, title: "Hållbar tillväxt" });
  const c = f.larpass({ slot: ten, title: "Sommarlärpass" });
  const draft = f.larpass({ slot: ten, title: "Hemligt utkast", status: "draft" });
  const unscheduled = f.larpass({ title: "Utan tid" });
  db.update(larpassTable).set({ track: "Vård & omsorg" }).where(eq(larpassTable.id, a.id)).run();
  db.update(larpassTable).set({ track: "Tillväxt" }).where(eq(larpassTable.id, b.id)).run();
  return { f, nine, ten, room, a, b, c, draft, unscheduled };
}

describe("public calendar feeds", () => {
  it("the event's feed has every public lärpass with a time, in Europe/Stockholm, with stable UIDs", async () => {
    const { f, a, b, c } = setup();
    const cal = (await getPublicCalendar({ eventSlug: f.event.slug, siteUrl: SITE }))!;
    expect(cal.filename).toBe(`${f.event.slug}.ics`);
    const events = parse(cal.ics);
    expect(events.map((e) => e.summary).sort()).toEqual(["Hållbar tillväxt (lärpass)", "Sommarlärpass (lärpass)", "Vård i hemmet (lärpass)"]);
    const va = events.find((e) => e.uid === `larpass-${a.id}@larpass`)!;
    expect(va).toMatchObject({ tzid: "Europe/Stockholm", localStart: "2018-03-15T09:00:00", localEnd: "2018-03-15T09:45:00", status: "CONFIRMED", sequence: 0 });
    expect(va.startInstant.toISOString()).toBe("2018-03-15T08:00:00.000Z");
    expect(events.map((e) => e.uid).sort()).toEqual([a.id, b.id, c.id].map((id) => `larpass-${id}@larpass`).sort());
    expect(cal.ics).not.toContain("Hemligt utkast");
    expect(cal.ics).not.toContain("Utan tid");
  });

  it("a track's feed has only that track; an unknown track or event has none", async () => {
    const { f, a } = setup();
    expect(trackSlug("Vård & omsorg")).toBe("vard-omsorg");
    const events = parse((await getPublicCalendar({ eventSlug: f.event.slug, track: "vard-omsorg", siteUrl: SITE }))!.ics);
    expect(events.map((e) => e.uid)).toEqual([`larpass-${a.id}@larpass`]);
    expect(await getPublicCalendar({ eventSlug: f.event.slug, track: "finns-inte", siteUrl: SITE })).toBeNull();
    expect(await getPublicCalendar({ eventSlug: "finns-inte", siteUrl: SITE })).toBeNull();
    const hidden = createEvent(db, { published: false });
    hidden.larpass({ slot: hidden.slot("09:00", "09:45"), title: "Dold" });
    expect(await getPublicCalendar({ eventSlug: hidden.event.slug, siteUrl: SITE })).toBeNull();
  });

  it("one lärpass's .ics (Lägg till i kalendern); a draft or one without a time has none", async () => {
    const { f, c, draft, unscheduled } = setup();
    const cal = (await getPublicCalendar({ eventSlug: f.event.slug, larpassSlug: c.slug, siteUrl: SITE }))!;
    const events = parse(cal.ics);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ uid: `larpass-${c.id}@larpass`, localStart: "2018-03-15T10:00:00" });
    const vevent = new ICAL.Component(ICAL.parse(cal.ics)).getFirstSubcomponent("vevent")!;
    expect(vevent.getFirstPropertyValue("url")).toBe(`${SITE}/evenemang/${f.event.slug}/larpass/${c.slug}`);
    expect(await getPublicCalendar({ eventSlug: f.event.slug, larpassSlug: draft.slug, siteUrl: SITE })).toBeNull();
    expect(await getPublicCalendar({ eventSlug: f.event.slug, larpassSlug: unscheduled.slug, siteUrl: SITE })).toBeNull();
  });

  it("a move keeps the UID with a higher SEQUENCE and the new time; a cancellation is sent as STATUS:CANCELLED", async () => {
    const { f, a, ten, room } = setup();
    const before = parse((await getPublicCalendar({ eventSlug: f.event.slug, siteUrl: SITE }))!.ics).find((e) => e.uid === `larpass-${a.id}@larpass`)!;
    expect(await moveLarpass({ larpassId: a.id, target: { timeSlotId: ten.id, roomId: room.id }, author: importAuthor })).toMatchObject({ ok: true });
    const moved = parse((await getPublicCalendar({ eventSlug: f.event.slug, siteUrl: SITE }))!.ics).find((e) => e.uid === `larpass-${a.id}@larpass`)!;
    expect(moved.localStart).toBe("2018-03-15T10:00:00");
    expect(moved.sequence).toBeGreaterThan(before.sequence);

    await cancelLarpass({ larpassId: a.id });
    const ics = (await getPublicCalendar({ eventSlug: f.event.slug, siteUrl: SITE }))!.ics;
    const cancelled = parse(ics).find((e) => e.uid === `larpass-${a.id}@larpass`)!;
    expect(cancelled.status).toBe("CANCELLED");
    expect(cancelled.sequence).toBeGreaterThan(moved.sequence);
    expect(cancelled.summary).toBe("Inställt: Vård i hemmet (lärpass)");
    expect(ics).toMatch(/STATUS:CANCELLED/);
    // The single .ics of a cancelled lärpass says so too.
    const single = (await getPublicCalendar({ eventSlug: f.event.slug, larpassSlug: a.slug, siteUrl: SITE }))!.ics;
    expect(single).toContain("STATUS:CANCELLED");
  });
});

describe("Mitt program's personal feed", () => {
  it("follows a move (same UID, higher SEQUENCE) and keeps a cancelled lärpass as STATUS:CANCELLED", async () => {
    const { a, ten, room } = setup();
    const me = createUser(db);
    expect(await chooseLarpass({ userId: me.id, larpassId: a.id })).toMatchObject({ ok: true, status: "confirmed" });
    const first = parse(buildCalendar({ name: "x", entries: await listCalendarEntries({ userId: me.id, siteUrl: SITE }) }));
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ uid: `larpass-${a.id}@larpass`, status: "CONFIRMED", sequence: 0, localStart: "2018-03-15T09:00:00" });

    await moveLarpass({ larpassId: a.id, target: { timeSlotId: ten.id, roomId: room.id }, author: importAuthor });
    const moved = parse(buildCalendar({ name: "x", entries: await listCalendarEntries({ userId: me.id, siteUrl: SITE }) }));
    expect(moved[0]).toMatchObject({ uid: `larpass-${a.id}@larpass`, status: "CONFIRMED", localStart: "2018-03-15T10:00:00" });
    expect(moved[0].sequence).toBeGreaterThan(first[0].sequence);

    await cancelLarpass({ larpassId: a.id });
    const cancelled = parse(buildCalendar({ name: "x", entries: await listCalendarEntries({ userId: me.id, siteUrl: SITE }) }));
    expect(cancelled).toHaveLength(1);
    expect(cancelled[0]).toMatchObject({ uid: `larpass-${a.id}@larpass`, status: "CANCELLED", summary: "Inställt: Vård i hemmet (lärpass)" });
    expect(cancelled[0].sequence).toBeGreaterThan(moved[0].sequence);
  });

  it("a seat the member leaves is sent as cancelled, and choosing it again confirms it with a still higher SEQUENCE", async () => {
    const { c } = setup();
    const me = createUser(db);
    const feed = async () => parse(buildCalendar({ name: "x", entries: await listCalendarEntries({ userId: me.id, siteUrl: SITE }) }));
    await chooseLarpass({ userId: me.id, larpassId: c.id });
    const s0 = (await feed())[0].sequence;
    await leaveLarpass({ userId: me.id, larpassId: c.id });
    const left = await feed();
    expect(left).toHaveLength(1);
    expect(left[0].status).toBe("CANCELLED");
    expect(left[0].summary).toBe("Inte längre valt: Sommarlärpass (lärpass)");
    expect(left[0].sequence).toBeGreaterThan(s0);
    await chooseLarpass({ userId: me.id, larpassId: c.id });
    const again = await feed();
    expect(again[0].status).toBe("CONFIRMED");
    expect(again[0].sequence).toBeGreaterThan(left[0].sequence);
    // Another member never had it: nothing in their feed.
    expect(await listCalendarEntries({ userId: createUser(db).id, siteUrl: SITE })).toEqual([]);
  });

  it("the release record goes with the account and with the lärpass (no residue, no failed cascade)", async () => {
    const { f, b } = setup();
    const me = createUser(db);
    await chooseLarpass({ userId: me.id, larpassId: b.id });
    await leaveLarpass({ userId: me.id, larpassId: b.id });
    expect(db.select().from(calendarReleases).where(eq(calendarReleases.userId, me.id)).all()).toHaveLength(1);
    // It is the member's data: in their export.
    expect(exportPersonalData({ userId: me.id })!.slapptaPlatserIKalendern).toEqual([expect.objectContaining({ larpass: "Hållbar tillväxt", ganger: 1 })]);
    // Deleting the lärpass (its registrations cascade) works and removes the record.
    const other = createUser(db);
    await chooseLarpass({ userId: other.id, larpassId: b.id });
    db.delete(larpassTable).where(eq(larpassTable.id, b.id)).run();
    expect(db.select().from(calendarReleases).where(eq(calendarReleases.larpassId, b.id)).all()).toEqual([]);
    expect(f.event.id).toBeGreaterThan(0);
  });
});
