// The member's calendar (.ics): built by lib/calendar.ts from lib/my-programme.ts's entries and read back
// with ical.js, as a calendar program would.
import ICAL from "ical.js";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { larpassSpeakers, organisations, registrations, speakers } from "@/db/schema";
import { createEvent, createUser, createUsers, useTempOutbox } from "@/test/factories";
import { buildCalendar } from "./calendar";
import { listCalendarEntries, type CalendarEntry } from "./my-programme";
import { chooseLarpass } from "./registrations";
import { zonedToUtc } from "./time";

useTempOutbox();
beforeAll(() => {
  vi.spyOn(console, "log").mockImplementation(() => {});
});

const originalTz = process.env.TZ;
afterEach(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const vtimezone = calendar.getFirstSubcomponent("vtimezone");
  if (vtimezone) ICAL.TimezoneService.register(vtimezone);
  const events = calendar.getAllSubcomponents("vevent").map((ve) => {
    const dtstart = ve.getFirstProperty("dtstart")!;
    const dtend = ve.getFirstProperty("dtend")!;
    const start = dtstart.getFirstValue() as ICAL.Time;
    const end = dtend.getFirstValue() as ICAL.Time;
    return {
      uid: ve.getFirstPropertyValue("uid"),
      summary: ve.getFirstPropertyValue("summary"),
      location: ve.getFirstPropertyValue("location"),
      description: ve.getFirstPropertyValue("description") as string,
      url: ve.getFirstPropertyValue("url"),
      tzid: dtstart.getParameter("tzid"),
      endTzid: dtend.getParameter("tzid"),
      localStart: start.toString(),
      localEnd: end.toString(),
      startInstant: start.toJSDate(),
      endInstant: end.toJSDate(),
    };
  });
  return { calendar, vtimezone, events };
}

const entry = (over: Partial<CalendarEntry> = {}): CalendarEntry => ({
  uid: "larpass-1@larpass",
  title: "Vård i hemmet (lärpass)",
  description: "Om vård i hemmet.",
  location: "Stora salen, Folkets hus",
  start: zonedToUtc("2018-03-15", "09:00"),
  end: zonedToUtc("2018-03-15", "09:45"),
  url: "http://localhost:3000/evenemang/x/larpass/vard",
  timeZone: "Europe/Stockholm",
  ...over,
});

describe("buildCalendar", () => {
  it("writes VEVENTs in Europe/Stockholm with a VTIMEZONE, 09:00 local for a 09:00 slot", () => {
    const ics = buildCalendar({ name: "Mitt program", entries: [entry()] });
    const { calendar, vtimezone, events } = parse(ics);
    expect(calendar.getFirstPropertyValue("prodid")).toContain("Lärpass");
    expect(vtimezone?.getFirstPropertyValue("tzid")).toBe("Europe/Stockholm");
    expect(events).toHaveLength(1);
    const [e] = events;
    expect(e).toMatchObject({
      uid: "larpass-1@larpass",
      summary: "Vård i hemmet (lärpass)",
      location: "Stora salen, Folkets hus",
      description: "Om vård i hemmet.",
      tzid: "Europe/Stockholm",
      endTzid: "Europe/Stockholm",
      localStart: "2018-03-15T09:00:00",
      localEnd: "2018-03-15T09:45:00",
    });
    expect(e.startInstant.toISOString()).toBe("2018-03-15T08:00:00.000Z");
    expect(e.endInstant.toISOString()).toBe("2018-03-15T08:45:00.000Z");
    expect(ics).toContain("DTSTART;TZID=Europe/Stockholm:20180315T090000");
  });

  it("uses summer time in summer", () => {
    const { events } = parse(
      buildCalendar({ name: "x", entries: [entry({ start: zonedToUtc("2018-06-14", "13:15"), end: zonedToUtc("2018-06-14", "14:00") })] }),
    );
    expect(events[0].localStart).toBe("2018-06-14T13:15:00");
    expect(events[0].startInstant.toISOString()).toBe("2018-06-14T11:15:00.000Z");
  });

  it("does not depend on the server's own time zone", () => {
    for (const tz of ["UTC", "America/New_York", "Asia/Tokyo", "Europe/Stockholm"]) {
      process.env.TZ = tz;
      const { events } = parse(buildCalendar({ name: "x", entries: [entry()] }));
      expect({ tz, start: events[0].localStart, end: events[0].localEnd }).toEqual({
        tz,
        start: "2018-03-15T09:00:00",
        end: "2018-03-15T09:45:00",
      });
    }
  });

  it("is a valid empty calendar without entries", () => {
    const { events, vtimezone } = parse(buildCalendar({ name: "Tomt", entries: [] }));
    expect(events).toEqual([]);
    expect(vtimezone).not.toBeNull();
  });
});

describe("listCalendarEntries → buildCalendar", () => {
  it("has the member's confirmed seats only, with title, place, speakers and link", async () => {
    const f = createEvent(db, { venue: "Folkets hus" });
    const nine = f.slot("09:00", "09:45");
    const eleven = f.slot("11:00", "11:45");
    const room = f.room(30, "Lilla salen");
    const seat = f.larpass({ slot: nine, room, title: "Digitala vårdmöten" });
    const full = f.larpass({ slot: eleven, capacity: 1, title: "Fullt lärpass" });
    const org = db.insert(organisations).values({ slug: `org-${seat.id}`, name: `Region Test ${seat.id}`, kind: "region" }).returning().get();
    const speaker = db.insert(speakers).values({ slug: `talare-${seat.id}`, name: "Anna Andersson", organisationId: org.id }).returning().get();
    db.insert(larpassSpeakers).values({ larpassId: seat.id, speakerId: speaker.id }).run();

    const hidden = createEvent(db, { published: false });
    const hiddenSlot = hidden.slot("09:00", "09:45", "2018-03-16");
    const inHidden = hidden.larpass({ slot: hiddenSlot, title: "Opublicerat evenemang" });

    const [me, other] = createUsers(db, 2);
    expect(await chooseLarpass({ userId: me.id, larpassId: seat.id })).toMatchObject({ ok: true, status: "confirmed" });
    await chooseLarpass({ userId: other.id, larpassId: full.id });
    expect(await chooseLarpass({ userId: me.id, larpassId: full.id, waitlist: true })).toMatchObject({ status: "waitlisted" });
    db.insert(registrations)
      .values({ larpassId: inHidden.id, userId: me.id, timeSlotId: hiddenSlot.id, status: "confirmed", queuedAt: new Date() })
      .run();

    const entries = await listCalendarEntries({ userId: me.id, siteUrl: "https://larpass.example.se" });
    expect(entries.map((e) => e.title)).toEqual(["Digitala vårdmöten (lärpass)"]);

    const { events } = parse(buildCalendar({ name: "Mitt program", entries }));
    expect(events).toHaveLength(1);
    const [e] = events;
    expect(e.summary).toBe("Digitala vårdmöten (lärpass)");
    expect(e.uid).toBe(`larpass-${seat.id}@larpass`);
    expect(e.tzid).toBe("Europe/Stockholm");
    expect(e.localStart).toBe("2018-03-15T09:00:00");
    expect(e.localEnd).toBe("2018-03-15T09:45:00");
    expect(e.startInstant.getTime()).toBe(nine.startsAt.getTime());
    expect(e.location).toBe("Lilla salen, Folkets hus");
    expect(e.url).toBe(`https://larpass.example.se/evenemang/${f.event.slug}/larpass/${seat.slug}`);
    expect(e.description).toContain(`Talare: Anna Andersson, Region Test ${seat.id}`);

    // The other member holds the seat in the full lärpass; their calendar has it.
    const theirs = await listCalendarEntries({ userId: other.id, siteUrl: "https://larpass.example.se" });
    expect(theirs.map((x) => x.title)).toEqual(["Fullt lärpass (lärpass)"]);
    expect(await listCalendarEntries({ userId: createUser(db).id, siteUrl: "x" })).toEqual([]);
  });
});
