// Authorization of the schedule, demand and export actions, routes and pages, called directly (not through
// the UI): anonymous, member and speaker are refused with nothing written; an organiser gets the work done.
// Only the request-time edges are replaced (test/mock-auth.ts); the rest is the real code on this
// file's own SQLite database.
import { beforeAll, beforeEach, describe, expect, test, vi } from "vitest";

vi.mock("@/lib/auth", async () => (await import("@/test/mock-auth")).authModuleMock);
vi.mock("next/navigation", async () => (await import("@/test/mock-auth")).navigationMock);
vi.mock("next/headers", async () => (await import("@/test/mock-auth")).headersMock);

import { eq } from "drizzle-orm";
import { db } from "@/db";
import { larpass, registrations } from "@/db/schema";
import { chooseLarpass } from "@/lib/registrations";
import { createEvent, useTempOutbox } from "@/test/factories";
import { expectNoDbChange, form, listEndpoints, makeUser } from "@/test/guard-harness";
import { expectRedirect, HttpInterrupt, resetRequestMocks, signInAs, signOutAll } from "@/test/mock-auth";

import { moveAction, previewMoveAction } from "@/app/arrangor/evenemang/[id]/schema/actions";
import { applyRoomSuggestionAction } from "@/app/arrangor/evenemang/[id]/efterfragan/actions";
import * as exportRoute from "@/app/arrangor/evenemang/[id]/export/[file]/route";
import * as scheduleXmlRoute from "@/app/evenemang/[event]/schedule.xml/route";
import SchedulePage from "@/app/arrangor/evenemang/[id]/schema/page";
import DemandPage from "@/app/arrangor/evenemang/[id]/efterfragan/page";
import ExportPage from "@/app/arrangor/evenemang/[id]/export/page";
import OrganiserChangesPage from "@/app/arrangor/evenemang/[id]/andringar/page";
import ParticipantsPage from "@/app/arrangor/larpass/[id]/deltagare/page";

useTempOutbox();
const LOGIN = "Du behöver logga in först.";
const FORBIDDEN = "Du har inte behörighet att göra det här.";
const ORIGIN = "http://localhost";

const row = (id: number) => db.select().from(larpass).where(eq(larpass.id, id)).get()!;

// A small published event: two slots, a small and a big room, a popular lärpass in the small room.
let f: ReturnType<typeof createEvent>;
let nine: { id: number };
let ten: { id: number };
let small: { id: number; name: string };
let big: { id: number; name: string };

beforeAll(() => {
  vi.spyOn(console, "log").mockImplementation(() => {});
  f = createEvent(db, { name: "Vaktkonferensen" });
  nine = f.slot("09:00", "09:45");
  ten = f.slot("10:15", "11:00");
  small = f.room(2, "Lilla rummet");
  big = f.room(40, "Stora salen");
});

beforeEach(() => {
  resetRequestMocks();
});

/** A fresh pair of lärpass in slot 09:00: a popular one in the small room, a quiet one in the big room. */
async function freshPair() {
  const popular = f.larpass({ slot: nine as never, room: small as never, title: "Populärt" });
  const quiet = f.larpass({ slot: nine as never, room: big as never, title: "Lugnt" });
  for (const u of [makeUser(), makeUser(), makeUser()]) await chooseLarpass({ userId: u.id, larpassId: popular.id, waitlist: true });
  return { popular, quiet };
}

const callers: { who: string; signIn: () => void; message: string; status: number }[] = [
  { who: "anonymous", signIn: () => signOutAll(), message: LOGIN, status: 401 },
  { who: "member", signIn: () => signInAs(makeUser("member")), message: FORBIDDEN, status: 403 },
  { who: "speaker", signIn: () => signInAs(makeUser("speaker")), message: FORBIDDEN, status: 403 },
];
const asOrganiser = () => signInAs(makeUser("organiser"));

describe("moveAction (schema: the move form and the drag-and-drop confirm)", () => {
  test.each(callers)("refuses $who and writes nothing", async ({ signIn, message }) => {
    const { popular } = await freshPair();
    signIn();
    const state = await expectNoDbChange(() =>
      moveAction({}, form({ eventId: String(f.event.id), larpassId: String(popular.id), timeSlotId: String(ten.id), roomId: String(big.id), version: "1", confirm: "1" })),
    );
    expect(state).toEqual({ errors: { form: message } });
  });

  test("an organiser is asked to confirm when members are affected, then the move is made and mailed", async () => {
    const { popular } = await freshPair();
    asOrganiser();
    const fields = { timeSlotId: String(ten.id), roomId: String(big.id), version: "1" };
    const first = await expectNoDbChange(() => moveAction({}, form({ eventId: String(f.event.id), larpassId: String(popular.id), ...fields })));
    expect(first.confirm).toMatchObject({ follow: 3, released: 0, timeChanged: true, roomChanged: true });
    const url = await expectRedirect(() => moveAction({}, form({ eventId: String(f.event.id), larpassId: String(popular.id), ...fields, confirm: "1" })));
    expect(url).toBe(`/arrangor/evenemang/${f.event.id}/schema?flyttad=${popular.id}#lp-${popular.id}`);
    expect(row(popular.id)).toMatchObject({ timeSlotId: ten.id, roomId: big.id, version: 2 });
    // The bigger room seated the queue at once.
    expect(db.select().from(registrations).where(eq(registrations.larpassId, popular.id)).all().map((r) => r.status)).toEqual([
      "confirmed",
      "confirmed",
      "confirmed",
    ]);
  });

  test("an organiser with a stale form gets the Swedish message and nothing changes", async () => {
    const { quiet } = await freshPair();
    asOrganiser();
    const state = await expectNoDbChange(() =>
      moveAction({}, form({ eventId: String(f.event.id), larpassId: String(quiet.id), timeSlotId: String(ten.id), roomId: String(big.id), version: "9", confirm: "1" })),
    );
    expect(state.errors?.form).toBe("Lärpasset har ändrats av någon annan sedan du öppnade sidan. Ladda om och försök igen.");
  });

  test("a lärpass of another event, and invalid fields, are refused", async () => {
    const { quiet } = await freshPair();
    const other = createEvent(db);
    asOrganiser();
    const wrongEvent = await expectNoDbChange(() => moveAction({}, form({ eventId: String(other.event.id), larpassId: String(quiet.id), timeSlotId: "", roomId: "", version: "1" })));
    expect(wrongEvent.errors?.form).toBe("Lärpasset finns inte i det här evenemanget.");
    const invalid = await expectNoDbChange(() => moveAction({}, form({ eventId: String(f.event.id), larpassId: String(quiet.id), timeSlotId: "abc", roomId: "-1", version: "1" })));
    expect(invalid).toEqual({
      errors: { timeSlotId: "Välj en tid i listan.", roomId: "Välj en lokal i listan." },
      values: { timeSlotId: "abc", roomId: "-1" },
    });
    const same = await expectNoDbChange(() =>
      moveAction({}, form({ eventId: String(f.event.id), larpassId: String(quiet.id), timeSlotId: String(nine.id), roomId: String(big.id), version: "1" })),
    );
    expect(same.errors?.form).toBe("Lärpasset är redan där. Välj en annan tid eller lokal.");
  });
});

describe("previewMoveAction (schema: the drag-and-drop dialog)", () => {
  test.each(callers)("refuses $who and writes nothing", async ({ signIn, message }) => {
    const { popular } = await freshPair();
    signIn();
    const res = await expectNoDbChange(() => previewMoveAction(f.event.id, popular.id, { timeSlotId: null, roomId: null, version: 1 }));
    expect(res).toEqual({ ok: false, message });
  });

  test("an organiser gets the counts, and nothing is written", async () => {
    const { popular } = await freshPair();
    asOrganiser();
    const res = await expectNoDbChange(() => previewMoveAction(f.event.id, popular.id, { timeSlotId: null, roomId: null, version: 1 }));
    expect(res).toMatchObject({ ok: true, version: 1, plan: { follow: 0, released: 3 } });
  });
});

describe("applyRoomSuggestionAction (efterfrågan)", () => {
  const moves = (p: { popular: { id: number }; quiet: { id: number } }) => [`${p.popular.id}:1:${big.id}`, `${p.quiet.id}:1:${small.id}`];

  test.each(callers)("refuses $who and writes nothing", async ({ signIn, message }) => {
    const pair = await freshPair();
    signIn();
    const state = await expectNoDbChange(() =>
      applyRoomSuggestionAction({}, form({ eventId: String(f.event.id), slotId: String(nine.id), move: moves(pair), confirm: "1" })),
    );
    expect(state).toEqual({ error: message });
  });

  test("an organiser confirms the affected members, then the rooms are swapped in one go", async () => {
    const pair = await freshPair();
    asOrganiser();
    const first = await expectNoDbChange(() => applyRoomSuggestionAction({}, form({ eventId: String(f.event.id), slotId: String(nine.id), move: moves(pair) })));
    expect(first).toEqual({ confirm: { members: 3, larpass: 2, overfull: [] } });
    const url = await expectRedirect(() =>
      applyRoomSuggestionAction({}, form({ eventId: String(f.event.id), slotId: String(nine.id), move: moves(pair), confirm: "1" })),
    );
    expect(url).toBe(`/arrangor/evenemang/${f.event.id}/efterfragan?forslag=${nine.id}#forslag-${nine.id}`);
    expect(row(pair.popular.id).roomId).toBe(big.id);
    expect(row(pair.quiet.id).roomId).toBe(small.id);
  });

  test("a suggestion sent with another event's id moves nothing", async () => {
    const pair = await freshPair();
    const other = createEvent(db);
    asOrganiser();
    const state = await expectNoDbChange(() =>
      applyRoomSuggestionAction({}, form({ eventId: String(other.event.id), slotId: String(nine.id), move: moves(pair), confirm: "1" })),
    );
    expect(state.error).toBe("Lärpasset finns inte.");
  });

  test("a stale suggestion is refused as a whole", async () => {
    const pair = await freshPair();
    asOrganiser();
    const stale = [`${pair.popular.id}:1:${big.id}`, `${pair.quiet.id}:5:${small.id}`];
    const state = await expectNoDbChange(() => applyRoomSuggestionAction({}, form({ eventId: String(f.event.id), slotId: String(nine.id), move: stale, confirm: "1" })));
    expect(state.error).toBe("Schemat har ändrats sedan du öppnade sidan. Ladda om och titta på förslaget igen.");
  });
});

describe("GET /arrangor/evenemang/[id]/export/[file] (CSV)", () => {
  const get = (file: string, eventId = f.event.id) =>
    exportRoute.GET(new Request(`${ORIGIN}/arrangor/evenemang/${eventId}/export/${file}`), {
      params: Promise.resolve({ id: String(eventId), file }),
    });

  test.each(callers)("refuses $who ($status) without a single name", async ({ signIn, message, status }) => {
    const { popular } = await freshPair();
    signIn();
    for (const file of ["anmalningar.csv", `larpass-${popular.id}.csv`, `pass-${nine.id}.csv`]) {
      const res = await get(file);
      expect(res.status).toBe(status);
      const body = await res.text();
      expect(body).toBe(message);
      expect(body).not.toContain("@example.se");
    }
  });

  test("an organiser downloads UTF-8 CSV with a BOM", async () => {
    const { popular } = await freshPair();
    const åsa = makeUser("member", "Åsa Ängström-Öberg");
    await chooseLarpass({ userId: åsa.id, larpassId: popular.id, waitlist: true });
    asOrganiser();
    const res = await get(`larpass-${popular.id}.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="test-[\w-]+-larpass-[\w-]+\.csv"$/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    expect(text.split("\r\n")[0]).toBe("Namn;Organisation;E-post;Status;Köplats;Lärpass;Tid;Lokal");
    expect(text).toContain(`Åsa Ängström-Öberg;;${åsa.email};I kö;2;Populärt;`);
  });

  test("an organiser gets 404 for a file that names nothing in this event", async () => {
    const other = createEvent(db);
    const { popular } = await freshPair();
    asOrganiser();
    expect((await get(`larpass-${popular.id}.csv`, other.event.id)).status).toBe(404);
    expect((await get("../../konto/data.json")).status).toBe(404);
    expect((await get("anmalningar.csv", 999_999)).status).toBe(404);
  });
});

describe("GET /evenemang/[event]/schedule.xml (public by design: the published programme only)", () => {
  const get = (slug: string) => scheduleXmlRoute.GET(new Request(`${ORIGIN}/evenemang/${slug}/schedule.xml`), { params: Promise.resolve({ event: slug }) });

  test("anyone gets the published programme, without private data", async () => {
    await freshPair();
    signOutAll();
    const res = await expectNoDbChange(() => get(f.event.slug));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/xml; charset=utf-8");
    const xml = await res.text();
    expect(xml).toContain("<title>Populärt</title>");
    expect(xml).not.toContain("@example.se");
  });

  test("an unpublished event is 404 for everyone", async () => {
    const hidden = createEvent(db, { published: false });
    hidden.larpass({ title: "Hemligt" });
    for (const signIn of [signOutAll, asOrganiser]) {
      signIn();
      const res = await get(hidden.event.slug);
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain("Hemligt");
    }
  });
});

describe("the organiser pages", () => {
  const pages: { name: string; path: (ids: { event: number; larpass: number }) => string; render: (ids: { event: number; larpass: number }) => Promise<unknown> }[] = [
    {
      name: "schema",
      path: ({ event }) => `/arrangor/evenemang/${event}/schema`,
      render: ({ event }) => SchedulePage({ params: Promise.resolve({ id: String(event) }), searchParams: Promise.resolve({}) }),
    },
    {
      name: "efterfrågan",
      path: ({ event }) => `/arrangor/evenemang/${event}/efterfragan`,
      render: ({ event }) => DemandPage({ params: Promise.resolve({ id: String(event) }), searchParams: Promise.resolve({}) }),
    },
    {
      name: "export",
      path: ({ event }) => `/arrangor/evenemang/${event}/export`,
      render: ({ event }) => ExportPage({ params: Promise.resolve({ id: String(event) }) }),
    },
    {
      name: "ändringar",
      path: ({ event }) => `/arrangor/evenemang/${event}/andringar`,
      render: ({ event }) => OrganiserChangesPage({ params: Promise.resolve({ id: String(event) }) }),
    },
    {
      name: "deltagare",
      path: ({ larpass: l }) => `/arrangor/larpass/${l}/deltagare`,
      render: ({ larpass: l }) => ParticipantsPage({ params: Promise.resolve({ id: String(l) }) }),
    },
  ];

  test.each(pages)("$name: anonymous to the login page, member and speaker 403, organiser sees it", async (page) => {
    const { popular } = await freshPair();
    const ids = { event: f.event.id, larpass: popular.id };
    signOutAll();
    expect(await expectRedirect(() => page.render(ids))).toBe(`/logga-in?next=${encodeURIComponent(page.path(ids))}`);
    for (const role of ["member", "speaker"] as const) {
      signInAs(makeUser(role));
      await expect(page.render(ids)).rejects.toEqual(new HttpInterrupt(403));
    }
    asOrganiser();
    await expect(page.render(ids)).resolves.toBeTruthy();
    // An unknown id is a 404, also for an organiser.
    await expect(page.render({ event: 999_999, larpass: 999_999 })).rejects.toEqual(new HttpInterrupt(404));
  });
});

describe("coverage", () => {
  test("every action and route handler in these folders is tested above", async () => {
    const found = await listEndpoints([
      "app/arrangor/evenemang/[id]/schema",
      "app/arrangor/evenemang/[id]/efterfragan",
      "app/arrangor/evenemang/[id]/export",
      "app/arrangor/evenemang/[id]/andringar",
      "app/arrangor/larpass/[id]/deltagare",
      "app/evenemang/[event]/schedule.xml",
      "app/evenemang/[event]/andringar",
      // The Ändringar feeds (RSS, Atom) are tested with #15's other public exports: app/evenemang/[event]/exports.guard.test.ts.
    ], ["app/evenemang/[event]/andringar/rss.xml", "app/evenemang/[event]/andringar/atom.xml"]);
    expect(found).toEqual(
      [
        "app/arrangor/evenemang/[id]/schema/actions.ts#moveAction",
        "app/arrangor/evenemang/[id]/schema/actions.ts#previewMoveAction",
        "app/arrangor/evenemang/[id]/efterfragan/actions.ts#applyRoomSuggestionAction",
        "app/arrangor/evenemang/[id]/export/[file]/route.ts#GET",
        "app/evenemang/[event]/schedule.xml/route.ts#GET",
      ].sort(),
    );
  });
});
