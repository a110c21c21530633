// #15's public export routes, called directly: anyone (signed in or not) gets the published programme and
// nothing private; an unpublished event, a draft or an unknown slug is 404 for everyone, organisers too (the
// exports are the public programme, not a back door); and nothing is written.
import { beforeAll, beforeEach, describe, expect, test, vi } from "vitest";

vi.mock("@/lib/auth", async () => (await import("@/test/mock-auth")).authModuleMock);
vi.mock("next/navigation", async () => (await import("@/test/mock-auth")).navigationMock);
vi.mock("next/headers", async () => (await import("@/test/mock-auth")).headersMock);

import { eq } from "drizzle-orm";
import { db } from "@/db";
import { larpassSpeakers, speakers } from "@/db/schema";
import { recordChange } from "@/lib/changes";
import { chooseLarpass } from "@/lib/registrations";
import { createEvent, useTempOutbox } from "@/test/factories";
import { expectNoDbChange, listEndpoints, makeUser } from "@/test/guard-harness";
import { resetRequestMocks, signInAs, signOutAll } from "@/test/mock-auth";

import * as scheduleJsonRoute from "./schedule.json/route";
import * as calendarRoute from "./kalender.ics/route";
import * as larpassCalendarRoute from "./larpass/[slug]/kalender.ics/route";
import * as rssRoute from "./andringar/rss.xml/route";
import * as atomRoute from "./andringar/atom.xml/route";

useTempOutbox();
const ORIGIN = "http://localhost";

let f: ReturnType<typeof createEvent>;
let hidden: ReturnType<typeof createEvent>;
let publicSlug: string;
let draftSlug: string;
let hiddenSlug: string;

beforeAll(async () => {
  vi.spyOn(console, "log").mockImplementation(() => {});
  f = createEvent(db, { name: "Exportkonferensen" });
  const slot = f.slot("09:00", "09:45");
  const room = f.room(20, "Salen");
  const lp = f.larpass({ slot, room, title: "Öppet lärpass" });
  const draft = f.larpass({ slot, room, title: "Hemligt utkast" });
  const { larpass } = await import("@/db/schema");
  db.update(larpass).set({ status: "draft", track: "Spåret" }).where(eq(larpass.id, draft.id)).run();
  db.update(larpass).set({ track: "Spåret" }).where(eq(larpass.id, lp.id)).run();
  const s = db.insert(speakers).values({ slug: `exporttalare-${lp.id}`, name: "Eva Export", email: "eva.hemlig@example.se" }).returning().get();
  db.insert(larpassSpeakers).values({ larpassId: lp.id, speakerId: s.id }).run();
  const member = makeUser();
  await chooseLarpass({ userId: member.id, larpassId: lp.id });
  recordChange(db, { larpassId: lp.id, kind: "room", before: "Förra salen", after: "Salen" });
  publicSlug = lp.slug;
  draftSlug = draft.slug;
  hidden = createEvent(db, { name: "Opublicerade konferensen", published: false });
  hiddenSlug = hidden.larpass({ slot: hidden.slot("09:00", "09:45"), title: "Dolt lärpass" }).slug;
});

beforeEach(() => {
  resetRequestMocks();
});

type Call = (event: string, larpass?: string) => Promise<Response>;
const routes: { name: string; call: Call; contentType: string; shows: string }[] = [
  {
    name: "schedule.json",
    call: (event) => scheduleJsonRoute.GET(new Request(`${ORIGIN}/evenemang/${event}/schedule.json`), { params: Promise.resolve({ event }) }),
    contentType: "application/json; charset=utf-8",
    shows: "Öppet lärpass",
  },
  {
    name: "kalender.ics",
    call: (event) => calendarRoute.GET(new Request(`${ORIGIN}/evenemang/${event}/kalender.ics`), { params: Promise.resolve({ event }) }),
    contentType: "text/calendar; charset=utf-8",
    shows: "Öppet lärpass",
  },
  {
    name: "kalender.ics?spar=",
    call: (event) => calendarRoute.GET(new Request(`${ORIGIN}/evenemang/${event}/kalender.ics?spar=sparet`), { params: Promise.resolve({ event }) }),
    contentType: "text/calendar; charset=utf-8",
    shows: "Öppet lärpass",
  },
  {
    name: "lärpassets kalender.ics",
    call: (event, slug = publicSlug) =>
      larpassCalendarRoute.GET(new Request(`${ORIGIN}/evenemang/${event}/larpass/${slug}/kalender.ics`), { params: Promise.resolve({ event, slug }) }),
    contentType: "text/calendar; charset=utf-8",
    shows: "Öppet lärpass",
  },
  {
    name: "andringar/rss.xml",
    call: (event) => rssRoute.GET(new Request(`${ORIGIN}/evenemang/${event}/andringar/rss.xml`), { params: Promise.resolve({ event }) }),
    contentType: "application/rss+xml; charset=utf-8",
    shows: "Ny lokal: Öppet lärpass",
  },
  {
    name: "andringar/atom.xml",
    call: (event) => atomRoute.GET(new Request(`${ORIGIN}/evenemang/${event}/andringar/atom.xml`), { params: Promise.resolve({ event }) }),
    contentType: "application/atom+xml; charset=utf-8",
    shows: "Ny lokal: Öppet lärpass",
  },
];

describe.each(routes)("GET $name (public by design: the published programme only)", (route) => {
  test("anyone, signed in or not, gets it without private data or drafts, and nothing is written", async () => {
    for (const who of [() => signOutAll(), () => signInAs(makeUser("member")), () => signInAs(makeUser("organiser"))]) {
      who();
      const res = await expectNoDbChange(() => route.call(f.event.slug));
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe(route.contentType);
      const text = await res.text();
      expect(text).toContain(route.shows);
      expect(text).not.toContain("@example.se");
      expect(text).not.toContain("Hemligt utkast");
    }
  });

  test("an unpublished or unknown event is 404 for everyone, organisers too", async () => {
    for (const who of [() => signOutAll(), () => signInAs(makeUser("organiser"))]) {
      who();
      for (const slug of [hidden.event.slug, "finns-inte"]) {
        const res = await route.call(slug, hiddenSlug);
        expect(res.status).toBe(404);
        const text = await res.text();
        expect(text).not.toContain("Dolt lärpass");
        expect(text).toMatch(/finns inte/);
      }
    }
  });
});

test("a draft lärpass has no calendar file, and an unknown track no feed", async () => {
  signOutAll();
  expect((await larpassCalendarRoute.GET(new Request(`${ORIGIN}/x`), { params: Promise.resolve({ event: f.event.slug, slug: draftSlug }) })).status).toBe(404);
  expect(
    (await calendarRoute.GET(new Request(`${ORIGIN}/evenemang/${f.event.slug}/kalender.ics?spar=finns-inte`), { params: Promise.resolve({ event: f.event.slug }) })).status,
  ).toBe(404);
});

test("coverage: every route handler of #15's public exports is tested above", async () => {
  const found = await listEndpoints([
    "app/evenemang/[event]/schedule.json",
    "app/evenemang/[event]/kalender.ics",
    "app/evenemang/[event]/larpass/[slug]/kalender.ics",
    "app/evenemang/[event]/andringar/rss.xml",
    "app/evenemang/[event]/andringar/atom.xml",
  ]);
  expect(found).toEqual(
    [
      "app/evenemang/[event]/schedule.json/route.ts#GET",
      "app/evenemang/[event]/kalender.ics/route.ts#GET",
      "app/evenemang/[event]/larpass/[slug]/kalender.ics/route.ts#GET",
      "app/evenemang/[event]/andringar/rss.xml/route.ts#GET",
      "app/evenemang/[event]/andringar/atom.xml/route.ts#GET",
    ].sort(),
  );
});
