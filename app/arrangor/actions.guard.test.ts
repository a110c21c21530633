// Authorization of the organisers' editing actions, route and pages (events, days, slots, rooms, lärpass,
// speakers, organisations, import/export), called directly, not through the UI: an anonymous caller is sent
// to the login page, a member and a speaker get 403, and none of them changes anything; an organiser gets
// the work done. Only the request-time edges are replaced (test/mock-auth.ts); requireRole, the
// domain code and the database are real (this file's own SQLite file).
import fs from "node:fs";
import path from "node:path";
import { beforeAll, beforeEach, describe, expect, test, vi } from "vitest";

vi.mock("@/lib/auth", async () => (await import("@/test/mock-auth")).authModuleMock);
vi.mock("next/navigation", async () => (await import("@/test/mock-auth")).navigationMock);
vi.mock("next/headers", async () => (await import("@/test/mock-auth")).headersMock);

import { eq, inArray } from "drizzle-orm";
import { db } from "@/db";
import { days, events, larpass, larpassSpeakers, mailQueue, organisations, programmeChanges, registrations, revisions, rooms, speakers, timeSlots } from "@/db/schema";
import { emptyLarpassValues } from "@/lib/admin/larpass-read";
import { readOutbox } from "@/lib/mail";
import { chooseLarpass } from "@/lib/registrations";
import { zonedToUtc } from "@/lib/time";
import { createEvent, useTempOutbox } from "@/test/factories";
import { expectNoDbChange, form, listEndpoints, makeUser, outcome } from "@/test/guard-harness";
import { expectRedirect, resetRequestMocks, signInAs, signOutAll } from "@/test/mock-auth";

import { createEventAction } from "@/app/arrangor/actions";
import {
  addDayAction,
  addRoomAction,
  addSlotAction,
  deleteDayAction,
  deleteEventAction,
  deleteRoomAction,
  deleteSlotAction,
  renameDayAction,
  updateEventAction,
  updateRoomAction,
  updateSlotAction,
} from "@/app/arrangor/evenemang/[id]/actions";
import { confirmImportAction, previewImportAction } from "@/app/arrangor/evenemang/[id]/import/actions";
import * as csvRoute from "@/app/arrangor/evenemang/[id]/larpass.csv/route";
import { createLarpassAction, deleteLarpassAction, updateLarpassAction, type LarpassFormState } from "@/app/arrangor/larpass/actions";
import {
  confirmOrganisationAction,
  createOrganisationAction,
  deleteOrganisationAction,
  updateOrganisationAction,
} from "@/app/arrangor/organisationer/actions";
import { createSpeakerAction, deleteSpeakerAction, updateSpeakerAction } from "@/app/arrangor/talare/actions";
import { retryMailAction } from "@/app/arrangor/epost/actions";
import OrganiserHome from "@/app/arrangor/page";
import EventHubPage from "@/app/arrangor/evenemang/[id]/page";
import EventLarpassPage from "@/app/arrangor/evenemang/[id]/larpass/page";
import NewLarpassPage from "@/app/arrangor/evenemang/[id]/larpass/ny/page";
import ImportPage from "@/app/arrangor/evenemang/[id]/import/page";
import EditLarpassPage from "@/app/arrangor/larpass/[id]/page";
import SpeakersPage from "@/app/arrangor/talare/page";
import SpeakerPage from "@/app/arrangor/talare/[id]/page";
import OrganisationsAdminPage from "@/app/arrangor/organisationer/page";
import OrganisationAdminPage from "@/app/arrangor/organisationer/[id]/page";
import ConfirmDeletionPage from "@/app/arrangor/ta-bort/[typ]/[id]/page";

useTempOutbox();
const FIXTURE = fs.readFileSync(path.resolve(__dirname, "../../lib/import/fixtures/larpass-2018.txt"), "utf8");

// Fixtures: a published event with a day, a slot, a room, a lärpass someone chose, a speaker and an organisation.
type World = {
  eventId: number;
  dayId: number;
  slotId: number;
  roomId: number;
  larpassId: number;
  speakerId: number;
  organisationId: number;
  /** A mail that failed to send (retryMailAction puts it back in the queue). */
  mailId: number;
};

let seq = 0;
function world(): World {
  seq += 1;
  const f = createEvent(db, { name: `Vaktevenemang ${seq}`, startsOn: "2018-03-14", endsOn: "2018-03-15" });
  const slot = f.slot("09:00", "09:45");
  const room = f.room(30, `Vaktrum ${seq}`);
  const l = f.larpass({ slot, room, title: `Vaktpass ${seq}` });
  // Unconfirmed, as if a member typed it in: confirmOrganisationAction has something to confirm.
  const org = db.insert(organisations).values({ name: `Vaktorganisation ${seq}`, slug: `vaktorg-${seq}`, confirmed: false }).returning().get();
  const sp = db.insert(speakers).values({ name: `Vakttalare ${seq}`, slug: `vakttalare-${seq}`, organisationId: org.id }).returning().get();
  db.insert(larpassSpeakers).values({ larpassId: l.id, speakerId: sp.id, position: 0 }).run();
  const mail = db
    .insert(mailQueue)
    .values({ to: `vakt-${seq}@example.se`, subject: `Vaktmejl ${seq}`, body: "x", status: "failed", attempts: 8, nextAttemptAt: new Date(), createdAt: new Date() })
    .returning()
    .get();
  return { eventId: f.event.id, dayId: slot.dayId, slotId: slot.id, roomId: room.id, larpassId: l.id, speakerId: sp.id, organisationId: org.id, mailId: mail.id };
}

const larpassState = (w: World, values: Partial<LarpassFormState["values"]> = {}): LarpassFormState => ({
  seq: 0,
  version: 1,
  values: { ...emptyLarpassValues, ...values },
});
const larpassForm = (w: World, over: Record<string, string | string[]> = {}) =>
  form({
    id: String(w.larpassId),
    title: "Vaktens nya titel",
    slug: "",
    abstract: "Ny text.",
    speaker: [`id:${w.speakerId}`],
    timeSlotId: String(w.slotId),
    roomId: String(w.roomId),
    capacity: "",
    status: "published",
    track: "",
    language: "sv",
    version: "1",
    ...over,
  });

type Entry = {
  /** Calls the action with valid input for `w`. */
  call: (w: World) => Promise<unknown>;
  /** Where an anonymous caller is sent back to after logging in. */
  next: (w: World) => string;
  /** The organiser's call worked: check the result and the database. */
  works: (w: World, result: { redirect?: string; status?: number; value?: unknown }) => void | Promise<void>;
};

const row = <T extends { id: number }>(table: typeof larpass | typeof rooms | typeof events | typeof speakers | typeof organisations, id: number) =>
  db.select().from(table).where(eq(table.id, id)).get() as T | undefined;

const table: Record<string, Entry> = {
  "app/arrangor/actions.ts#createEventAction": {
    call: () => createEventAction({}, form({ name: "Vaktens evenemang", slug: `vaktens-${seq}-${Date.now()}`, startsOn: "2020-01-01", endsOn: "2020-01-02" })),
    next: () => "/arrangor",
    works: (_w, r) => {
      expect(r.redirect).toMatch(/^\/arrangor\/evenemang\/\d+\?nytt=1$/);
      const id = Number(/evenemang\/(\d+)/.exec(r.redirect!)![1]);
      expect(db.select().from(events).where(eq(events.id, id)).get()).toMatchObject({ name: "Vaktens evenemang", published: false });
    },
  },
  "app/arrangor/evenemang/[id]/actions.ts#updateEventAction": {
    call: (w) =>
      updateEventAction({}, form({ id: String(w.eventId), name: "Omdöpt", slug: `omdopt-${w.eventId}`, startsOn: "2018-03-14", endsOn: "2018-03-15", venue: "", description: "", signupOpensAt: "", signupClosesAt: "", published: "on" })),
    next: (w) => `/arrangor/evenemang/${w.eventId}`,
    works: (w, r) => {
      expect(r.redirect).toBe(`/arrangor/evenemang/${w.eventId}?sparat=evenemang`);
      expect(db.select().from(events).where(eq(events.id, w.eventId)).get()!.name).toBe("Omdöpt");
    },
  },
  "app/arrangor/evenemang/[id]/actions.ts#deleteEventAction": {
    call: (w) => deleteEventAction(form({ id: String(w.eventId), bekraftat: "ja" })),
    next: (w) => `/arrangor/evenemang/${w.eventId}`,
    works: (w, r) => {
      expect(r.redirect).toBe("/arrangor?borttaget=evenemang");
      expect(db.select().from(events).where(eq(events.id, w.eventId)).get()).toBeUndefined();
    },
  },
  "app/arrangor/evenemang/[id]/actions.ts#addDayAction": {
    call: (w) => addDayAction({}, form({ eventId: String(w.eventId), date: "2018-03-15", name: "Dag 2" })),
    next: (w) => `/arrangor/evenemang/${w.eventId}`,
    works: (w, r) => {
      expect(r.redirect).toBe(`/arrangor/evenemang/${w.eventId}?sparat=dag#dagar`);
      expect(db.select().from(days).where(eq(days.eventId, w.eventId)).all().map((d) => d.date).sort()).toEqual(["2018-03-14", "2018-03-15"]);
    },
  },
  "app/arrangor/evenemang/[id]/actions.ts#renameDayAction": {
    call: (w) => renameDayAction({}, form({ id: String(w.dayId), name: "Dag 1: lärpass" })),
    next: () => "/arrangor",
    works: (w, r) => {
      expect(r.redirect).toBe(`/arrangor/evenemang/${w.eventId}?sparat=dagnamn#dagar`);
      expect(db.select().from(days).where(eq(days.id, w.dayId)).get()).toMatchObject({ name: "Dag 1: lärpass", date: "2018-03-14" });
    },
  },
  "app/arrangor/evenemang/[id]/actions.ts#deleteDayAction": {
    call: (w) => deleteDayAction(form({ id: String(w.dayId), bekraftat: "ja" })),
    next: () => "/arrangor",
    works: (w, r) => {
      expect(r.redirect).toBe(`/arrangor/evenemang/${w.eventId}?borttaget=dag#dagar`);
      expect(db.select().from(days).where(eq(days.id, w.dayId)).get()).toBeUndefined();
    },
  },
  "app/arrangor/evenemang/[id]/actions.ts#addSlotAction": {
    call: (w) => addSlotAction({}, form({ eventId: String(w.eventId), dayId: String(w.dayId), start: "13:00", end: "", label: "" })),
    next: (w) => `/arrangor/evenemang/${w.eventId}`,
    works: (w, r) => {
      expect(r.redirect).toBe(`/arrangor/evenemang/${w.eventId}?sparat=tid&dag=${w.dayId}#tider`);
      expect(db.select().from(timeSlots).where(eq(timeSlots.eventId, w.eventId)).all()).toHaveLength(2);
    },
  },
  "app/arrangor/evenemang/[id]/actions.ts#updateSlotAction": {
    call: (w) => updateSlotAction({}, form({ id: String(w.slotId), dayId: String(w.dayId), start: "13:00", end: "", label: "Eftermiddag" })),
    next: () => "/arrangor",
    works: (w, r) => {
      // Nobody has chosen the lärpass in it: no question first, the slot just changes.
      expect(r.redirect).toBe(`/arrangor/evenemang/${w.eventId}?sparat=tidandrad#tider`);
      const slot = db.select().from(timeSlots).where(eq(timeSlots.id, w.slotId)).get()!;
      expect(slot).toMatchObject({ label: "Eftermiddag", startsAt: zonedToUtc("2018-03-14", "13:00"), endsAt: zonedToUtc("2018-03-14", "13:45") });
    },
  },
  "app/arrangor/evenemang/[id]/actions.ts#deleteSlotAction": {
    call: (w) => deleteSlotAction(form({ id: String(w.slotId), bekraftat: "ja" })),
    next: () => "/arrangor",
    works: (w, r) => {
      expect(r.redirect).toBe(`/arrangor/evenemang/${w.eventId}?borttaget=tid#tider`);
      expect(db.select().from(timeSlots).where(eq(timeSlots.id, w.slotId)).get()).toBeUndefined();
    },
  },
  "app/arrangor/evenemang/[id]/actions.ts#addRoomAction": {
    call: (w) => addRoomAction({}, form({ eventId: String(w.eventId), name: "Nytt rum", capacity: "12" })),
    next: (w) => `/arrangor/evenemang/${w.eventId}`,
    works: (w, r) => {
      expect(r.redirect).toBe(`/arrangor/evenemang/${w.eventId}?sparat=lokal#lokaler`);
      expect(db.select().from(rooms).where(eq(rooms.eventId, w.eventId)).all().map((x) => x.name)).toContain("Nytt rum");
    },
  },
  "app/arrangor/evenemang/[id]/actions.ts#updateRoomAction": {
    call: (w) => updateRoomAction({}, form({ id: String(w.roomId), name: "Omdöpt rum", capacity: "50" })),
    next: () => "/arrangor",
    works: (w, r) => {
      expect(r.redirect).toBe(`/arrangor/evenemang/${w.eventId}?sparat=lokal#lokaler`);
      expect(row<{ id: number; name: string; capacity: number }>(rooms, w.roomId)).toMatchObject({ name: "Omdöpt rum", capacity: 50 });
    },
  },
  "app/arrangor/evenemang/[id]/actions.ts#deleteRoomAction": {
    call: (w) => deleteRoomAction(form({ id: String(w.roomId), bekraftat: "ja" })),
    next: () => "/arrangor",
    works: (w, r) => {
      expect(r.redirect).toBe(`/arrangor/evenemang/${w.eventId}?borttaget=lokal#lokaler`);
      expect(row(rooms, w.roomId)).toBeUndefined();
    },
  },
  "app/arrangor/evenemang/[id]/import/actions.ts#previewImportAction": {
    call: (w) => previewImportAction({}, form({ eventId: String(w.eventId), format: "text", status: "draft", text: FIXTURE })),
    next: (w) => `/arrangor/evenemang/${w.eventId}/import`,
    works: (_w, r) => {
      // A preview writes nothing, even for an organiser: checked by the caller's snapshot below.
      expect((r.value as { preview: { plan: { larpass: unknown[] } } }).preview.plan.larpass).toHaveLength(14);
    },
  },
  "app/arrangor/evenemang/[id]/import/actions.ts#confirmImportAction": {
    call: (w) => confirmImportAction({}, form({ eventId: String(w.eventId), format: "text", status: "draft", text: FIXTURE })),
    next: (w) => `/arrangor/evenemang/${w.eventId}/import`,
    works: (w, r) => {
      expect(r.redirect).toBe(`/arrangor/evenemang/${w.eventId}/larpass?importerat=14&uppdaterat=0`);
      expect(db.select().from(larpass).where(eq(larpass.eventId, w.eventId)).all()).toHaveLength(15);
      // Historik names the organiser who ran the import, not a faceless "Import".
      const ids = db.select({ id: larpass.id }).from(larpass).where(eq(larpass.eventId, w.eventId)).all().map((l) => l.id);
      const authors = db.select({ label: revisions.authorLabel, role: revisions.authorRole, id: revisions.authorId }).from(revisions).where(inArray(revisions.larpassId, ids)).all();
      expect(authors).toHaveLength(14);
      for (const a of authors) {
        expect(a.label).toMatch(/^Import av Vakt \d+ \(vakt-[\w-]+-organiser@example\.se\)$/);
        expect(a.role).toBe("organiser");
        expect(a.id).not.toBeNull();
      }
    },
  },
  "app/arrangor/larpass/actions.ts#createLarpassAction": {
    call: (w) => createLarpassAction(larpassState(w), larpassForm(w, { eventId: String(w.eventId), title: "Helt nytt pass", status: "draft" })),
    next: (w) => `/arrangor/evenemang/${w.eventId}/larpass/ny`,
    works: (w, r) => {
      expect(r.redirect).toMatch(/^\/arrangor\/larpass\/\d+\?sparat=nytt$/);
      expect(db.select().from(larpass).where(eq(larpass.eventId, w.eventId)).all().map((l) => l.title)).toContain("Helt nytt pass");
    },
  },
  "app/arrangor/larpass/actions.ts#updateLarpassAction": {
    call: (w) => updateLarpassAction(larpassState(w), larpassForm(w)),
    next: (w) => `/arrangor/larpass/${w.larpassId}`,
    works: (w, r) => {
      expect(r.redirect).toBe(`/arrangor/larpass/${w.larpassId}?sparat=1`);
      expect(row<{ id: number; title: string; version: number }>(larpass, w.larpassId)).toMatchObject({ title: "Vaktens nya titel", version: 2 });
    },
  },
  "app/arrangor/larpass/actions.ts#deleteLarpassAction": {
    call: (w) => deleteLarpassAction(form({ id: String(w.larpassId), bekraftat: "ja" })),
    next: (w) => `/arrangor/larpass/${w.larpassId}`,
    works: (w, r) => {
      expect(r.redirect).toBe(`/arrangor/evenemang/${w.eventId}/larpass?borttaget=larpass`);
      expect(row(larpass, w.larpassId)).toBeUndefined();
    },
  },
  "app/arrangor/talare/actions.ts#createSpeakerAction": {
    call: () => createSpeakerAction({}, form({ name: "Ny Vakttalare", slug: "", role: "", organisationId: "", bio: "", email: "" })),
    next: () => "/arrangor/talare",
    works: (_w, r) => {
      expect(r.redirect).toMatch(/^\/arrangor\/talare\/\d+\?sparat=ny$/);
      expect(db.select().from(speakers).where(eq(speakers.name, "Ny Vakttalare")).all().length).toBeGreaterThan(0);
    },
  },
  "app/arrangor/talare/actions.ts#updateSpeakerAction": {
    call: (w) =>
      updateSpeakerAction({}, form({ id: String(w.speakerId), name: "Omdöpt talare", slug: "", role: "chef", organisationId: String(w.organisationId), bio: "", email: "", version: "1" })),
    next: (w) => `/arrangor/talare/${w.speakerId}`,
    works: (w, r) => {
      expect(r.redirect).toBe(`/arrangor/talare/${w.speakerId}?sparat=1`);
      expect(row<{ id: number; name: string }>(speakers, w.speakerId)).toMatchObject({ name: "Omdöpt talare", role: "chef" });
    },
  },
  "app/arrangor/talare/actions.ts#deleteSpeakerAction": {
    call: (w) => deleteSpeakerAction(form({ id: String(w.speakerId), bekraftat: "ja" })),
    next: (w) => `/arrangor/talare/${w.speakerId}`,
    works: (w, r) => {
      expect(r.redirect).toBe("/arrangor/talare?borttaget=talare");
      expect(row(speakers, w.speakerId)).toBeUndefined();
    },
  },
  "app/arrangor/organisationer/actions.ts#createOrganisationAction": {
    call: () => createOrganisationAction({}, form({ name: `Ny vaktorganisation ${seq}-${Date.now()}`, slug: "", kind: "agency" })),
    next: () => "/arrangor/organisationer",
    works: (_w, r) => {
      expect(r.redirect).toMatch(/^\/arrangor\/organisationer\/\d+\?sparat=ny$/);
    },
  },
  "app/arrangor/organisationer/actions.ts#updateOrganisationAction": {
    call: (w) => updateOrganisationAction({}, form({ id: String(w.organisationId), name: `Omdöpt organisation ${w.organisationId}`, slug: "", kind: "company" })),
    next: (w) => `/arrangor/organisationer/${w.organisationId}`,
    works: (w, r) => {
      expect(r.redirect).toBe(`/arrangor/organisationer/${w.organisationId}?sparat=1`);
      expect(row<{ id: number; kind: string }>(organisations, w.organisationId)).toMatchObject({ kind: "company" });
    },
  },
  "app/arrangor/organisationer/actions.ts#confirmOrganisationAction": {
    call: (w) => confirmOrganisationAction(form({ id: String(w.organisationId) })),
    next: () => "/arrangor/organisationer",
    works: (w, r) => {
      expect(r.redirect).toBe("/arrangor/organisationer?bekraftad=1");
      expect(row<{ id: number; confirmed: boolean }>(organisations, w.organisationId)).toMatchObject({ confirmed: true });
    },
  },
  "app/arrangor/epost/actions.ts#retryMailAction": {
    call: (w) => retryMailAction(form({ id: String(w.mailId) })),
    next: () => "/arrangor/epost",
    works: (w, r) => {
      expect(r.redirect).toBe("/arrangor/epost?igen=1");
      // Back in the queue and sent at once (to the test outbox).
      expect(db.select().from(mailQueue).where(eq(mailQueue.id, w.mailId)).get()).toMatchObject({ status: "sent" });
    },
  },
  "app/arrangor/organisationer/actions.ts#deleteOrganisationAction": {
    call: (w) => deleteOrganisationAction(form({ id: String(w.organisationId), bekraftat: "ja" })),
    next: (w) => `/arrangor/organisationer/${w.organisationId}`,
    works: (w, r) => {
      expect(r.redirect).toBe("/arrangor/organisationer?borttaget=organisation");
      expect(row(organisations, w.organisationId)).toBeUndefined();
      expect(row<{ id: number; organisationId: number | null }>(speakers, w.speakerId)!.organisationId).toBeNull();
    },
  },
};

beforeAll(() => {
  vi.spyOn(console, "log").mockImplementation(() => {});
});
beforeEach(() => resetRequestMocks());

describe.each(Object.entries(table))("%s", (_id, entry) => {
  test("an anonymous caller is sent to the login page and nothing changes", async () => {
    const w = world();
    signOutAll();
    const r = await expectNoDbChange(() => outcome(() => entry.call(w)));
    expect(r).toEqual({ redirect: `/logga-in?next=${encodeURIComponent(entry.next(w))}` });
  });

  test.each(["member", "speaker"] as const)("a signed-in %s gets 403 and nothing changes", async (role) => {
    const w = world();
    // Someone has chosen the lärpass: a forbidden delete or cancel must not release or mail them either.
    await chooseLarpass({ userId: makeUser("member").id, larpassId: w.larpassId });
    signInAs(makeUser(role));
    const r = await expectNoDbChange(() => outcome(() => entry.call(w)));
    expect(r).toEqual({ status: 403 });
  });

  test("an organiser gets it done", async () => {
    const w = world();
    signInAs(makeUser("organiser"));
    await entry.works(w, await outcome(() => entry.call(w)));
  });
});

describe("GET /arrangor/evenemang/[id]/larpass.csv", () => {
  const get = (w: World) => csvRoute.GET(new Request(`http://localhost/arrangor/evenemang/${w.eventId}/larpass.csv`), { params: Promise.resolve({ id: String(w.eventId) }) });

  test("anonymous 401, member and speaker 403, in Swedish and without the data", async () => {
    const w = world();
    signOutAll();
    const anon = await get(w);
    expect(anon.status).toBe(401);
    expect(await anon.json()).toEqual({ error: "Du behöver logga in först." });
    for (const role of ["member", "speaker"] as const) {
      signInAs(makeUser(role));
      const res = await get(w);
      expect(res.status).toBe(403);
      const text = await res.text();
      expect(text).toBe(JSON.stringify({ error: "Du har inte behörighet att göra det här." }));
    }
  });

  test("an organiser gets the CSV; an unknown event is 404", async () => {
    const w = world();
    signInAs(makeUser("organiser"));
    const res = await get(w);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toContain(`Vaktpass ${seq}`);
    const missing = await csvRoute.GET(new Request("http://localhost/x"), { params: Promise.resolve({ id: "999999" }) });
    expect(missing.status).toBe(404);
  });
});

describe("the pages", () => {
  const pages: [string, (w: World) => Promise<unknown>][] = [
    ["/arrangor", () => OrganiserHome({ searchParams: Promise.resolve({}) })],
    ["/arrangor/evenemang/[id]", (w) => EventHubPage({ params: Promise.resolve({ id: String(w.eventId) }), searchParams: Promise.resolve({}) })],
    ["/arrangor/evenemang/[id]/larpass", (w) => EventLarpassPage({ params: Promise.resolve({ id: String(w.eventId) }), searchParams: Promise.resolve({}) })],
    ["/arrangor/evenemang/[id]/larpass/ny", (w) => NewLarpassPage({ params: Promise.resolve({ id: String(w.eventId) }) })],
    ["/arrangor/evenemang/[id]/import", (w) => ImportPage({ params: Promise.resolve({ id: String(w.eventId) }) })],
    ["/arrangor/larpass/[id]", (w) => EditLarpassPage({ params: Promise.resolve({ id: String(w.larpassId) }), searchParams: Promise.resolve({}) })],
    ["/arrangor/talare", () => SpeakersPage({ searchParams: Promise.resolve({}) })],
    ["/arrangor/talare/[id]", (w) => SpeakerPage({ params: Promise.resolve({ id: String(w.speakerId) }), searchParams: Promise.resolve({}) })],
    ["/arrangor/organisationer", () => OrganisationsAdminPage({ searchParams: Promise.resolve({}) })],
    [
      "/arrangor/organisationer/[id]",
      (w) => OrganisationAdminPage({ params: Promise.resolve({ id: String(w.organisationId) }), searchParams: Promise.resolve({}) }),
    ],
    ["/arrangor/ta-bort/[typ]/[id]", (w) => ConfirmDeletionPage({ params: Promise.resolve({ typ: "larpass", id: String(w.larpassId) }) })],
  ];

  test.each(pages)("%s: login for anonymous, 403 for member and speaker, rendered for an organiser", async (_p, render) => {
    const w = world();
    signOutAll();
    expect((await outcome(() => render(w))).redirect).toMatch(/^\/logga-in\?next=%2Farrangor/);
    for (const role of ["member", "speaker"] as const) {
      signInAs(makeUser(role));
      expect(await outcome(() => render(w))).toEqual({ status: 403 });
    }
    signInAs(makeUser("organiser"));
    expect((await outcome(() => render(w))).value).toBeTruthy();
  });
});

describe("details", () => {
  test("a delete without the confirmation page's field asks first and deletes nothing", async () => {
    const w = world();
    signInAs(makeUser("organiser"));
    const cases: [() => Promise<void>, string][] = [
      [() => deleteEventAction(form({ id: String(w.eventId) })), `/arrangor/ta-bort/evenemang/${w.eventId}`],
      [() => deleteDayAction(form({ id: String(w.dayId) })), `/arrangor/ta-bort/dag/${w.dayId}`],
      [() => deleteSlotAction(form({ id: String(w.slotId) })), `/arrangor/ta-bort/tid/${w.slotId}`],
      [() => deleteRoomAction(form({ id: String(w.roomId), bekraftat: "nej" })), `/arrangor/ta-bort/lokal/${w.roomId}`],
      [() => deleteLarpassAction(form({ id: String(w.larpassId) })), `/arrangor/ta-bort/larpass/${w.larpassId}`],
      [() => deleteSpeakerAction(form({ id: String(w.speakerId) })), `/arrangor/ta-bort/talare/${w.speakerId}`],
      [() => deleteOrganisationAction(form({ id: String(w.organisationId) })), `/arrangor/ta-bort/organisation/${w.organisationId}`],
    ];
    for (const [call, url] of cases) expect(await expectNoDbChange(() => expectRedirect(call))).toBe(url);
  });

  test("invalid input gives Swedish field errors and the typed values back, with nothing written", async () => {
    const w = world();
    signInAs(makeUser("organiser"));
    const room = await expectNoDbChange(() => addRoomAction({}, form({ eventId: String(w.eventId), name: "", capacity: "många" })));
    expect(room).toEqual({
      errors: { name: "Skriv lokalens namn.", capacity: "Ange antal platser som ett heltal, till exempel 40." },
      values: { name: "", capacity: "många" },
    });
    const lp = (await expectNoDbChange(() =>
      updateLarpassAction(larpassState(w), larpassForm(w, { title: "  ", abstract: "Behåll mig." })),
    )) as LarpassFormState;
    expect(lp.errors).toEqual({ title: "Skriv en titel." });
    expect(lp.values).toMatchObject({ title: "  ", abstract: "Behåll mig.", speakers: [`id:${w.speakerId}`] });
  });

  test("a stale lärpass form is refused with both versions; nothing is written", async () => {
    const w = world();
    signInAs(makeUser("organiser"));
    db.update(larpass).set({ title: "Någon annans titel", version: 2 }).where(eq(larpass.id, w.larpassId)).run();
    const state = (await expectNoDbChange(() => updateLarpassAction(larpassState(w), larpassForm(w)))) as LarpassFormState;
    expect(state.conflict?.current).toMatchObject({ version: 2, display: { title: "Någon annans titel" } });
    expect(state.conflict?.yours).toMatchObject({ title: "Vaktens nya titel" });
    expect(state.values.title).toBe("Vaktens nya titel");
    // "Spara min version ovanpå den" (op mina:2) saves onto the version just seen.
    const saved = await outcome(() => updateLarpassAction(state, larpassForm(w, { op: "mina:2" })));
    expect(saved.redirect).toBe(`/arrangor/larpass/${w.larpassId}?sparat=1`);
    expect(row<{ id: number; title: string; version: number }>(larpass, w.larpassId)).toMatchObject({ title: "Vaktens nya titel", version: 3 });
  });

  test("the speaker-list buttons and the preview only change the form", async () => {
    const w = world();
    signInAs(makeUser("organiser"));
    const other = db.insert(speakers).values({ name: "Andra talaren", slug: `andra-${w.speakerId}` }).returning().get();
    const base = larpassForm(w, { speaker: [`id:${w.speakerId}`, `id:${other.id}`] });
    const up = (await expectNoDbChange(() => {
      base.set("op", "upp:1");
      return updateLarpassAction(larpassState(w), base);
    })) as LarpassFormState;
    expect(up.values.speakers).toEqual([`id:${other.id}`, `id:${w.speakerId}`]);
    expect(up.notice).toBe("Talaren flyttades upp till plats 1.");
    const added = (await expectNoDbChange(() =>
      updateLarpassAction(up, larpassForm(w, { op: "ny-talare", newSpeakerName: "Helt Ny", newSpeakerOrg: "Ny organisation" })),
    )) as LarpassFormState;
    expect(added.values.speakers).toEqual([`id:${w.speakerId}`, `ny:${JSON.stringify({ name: "Helt Ny", role: "", organisation: "Ny organisation" })}`]);
    const preview = (await expectNoDbChange(() => updateLarpassAction(up, larpassForm(w, { op: "forhandsgranska" })))) as LarpassFormState;
    expect(preview.preview).toBe(true);
  });

  test("ids from the form that are not positive integers, or name nothing, are refused with nothing written", async () => {
    const w = world();
    signInAs(makeUser("organiser"));
    for (const bad of ["0", "-1", "abc", "1.5", ""]) {
      expect(await expectNoDbChange(() => outcome(() => deleteRoomAction(form({ id: bad, bekraftat: "ja" }))))).toEqual({ status: 404 });
      const state = await expectNoDbChange(() => updateRoomAction({}, form({ id: bad, name: "Rum", capacity: "5" })));
      expect(state).toEqual({
        errors: { form: "Det här finns inte längre, eller så är sidan för gammal. Ladda om sidan och försök igen." },
        values: { name: "Rum", capacity: "5" },
      });
    }
    const gone = "Det finns inte längre. Någon kan ha tagit bort det.";
    expect((await expectNoDbChange(() => updateRoomAction({}, form({ id: "999999", name: "Rum", capacity: "5" })))).errors).toEqual({ form: gone });
    expect((await expectNoDbChange(() => addDayAction({}, form({ eventId: "999999", date: "2018-03-15", name: "" })))).errors).toEqual({ form: gone });
    expect((await expectNoDbChange(() => renameDayAction({}, form({ id: "999999", name: "X" })))).errors).toEqual({ form: gone });
    const slot = { id: "999999", dayId: String(w.dayId), start: "10:00", end: "", label: "" };
    expect((await expectNoDbChange(() => updateSlotAction({}, form(slot)))).errors).toEqual({ form: gone });
    // A slot cannot be moved to a day of another event.
    const other = world();
    const foreign = await expectNoDbChange(() => updateSlotAction({}, form({ ...slot, id: String(w.slotId), dayId: String(other.dayId) })));
    expect(foreign.errors).toEqual({ dayId: "Välj en av evenemangets dagar." });
    const lp = (await expectNoDbChange(() => updateLarpassAction(larpassState(w), larpassForm(w, { id: "999999" })))) as LarpassFormState;
    expect(lp.errors).toEqual({ form: "Lärpasset finns inte längre. Någon kan ha tagit bort det." });
  });

  test("a new time for a slot whose lärpass members chose asks first, then moves them, mails them and logs it publicly", async () => {
    const w = world();
    const member = makeUser("member");
    await chooseLarpass({ userId: member.id, larpassId: w.larpassId });
    signInAs(makeUser("organiser"));
    const fields = { id: String(w.slotId), dayId: String(w.dayId), start: "14:00", end: "14:45", label: "" };
    const first = await expectNoDbChange(() => updateSlotAction({}, form(fields)));
    expect(first.confirm).toEqual({ larpass: 1, members: 1, released: 0, from: "onsdag 14 mars 2018 09:00–09:45", to: "onsdag 14 mars 2018 14:00–14:45" });
    expect(first.values).toMatchObject({ start: "14:00" });
    const done = await outcome(() => updateSlotAction({}, form({ ...fields, bekraftat: "ja" })));
    expect(done.redirect).toBe(`/arrangor/evenemang/${w.eventId}?sparat=tidandrad#tider`);
    expect(db.select().from(registrations).where(eq(registrations.userId, member.id)).all()).toHaveLength(1);
    expect(db.select().from(programmeChanges).where(eq(programmeChanges.larpassId, w.larpassId)).all()).toMatchObject([
      { kind: "time", before: "onsdag 14 mars 2018 09:00–09:45", after: "onsdag 14 mars 2018 14:00–14:45" },
    ]);
    const mail = readOutbox({ to: member.email! })[0]; // newest first
    expect(mail.subject).toMatch(/^Ändrad tid: Vaktpass \d+$/);
    expect(mail.text).toContain("ny tid: onsdag 14 mars 2018 14:00–14:45 (tidigare onsdag 14 mars 2018 09:00–09:45)");
  });
});

describe("coverage", () => {
  test("every action and route handler under app/arrangor (outside the planning pages) is in the table", async () => {
    // The schedule, demand, export and changes pages have their own guard test (grid.guard.test.ts).
    const found = await listEndpoints(
      ["app/arrangor"],
      [
        "app/arrangor/evenemang/[id]/schema",
        "app/arrangor/evenemang/[id]/efterfragan",
        "app/arrangor/evenemang/[id]/export",
        "app/arrangor/evenemang/[id]/andringar",
        "app/arrangor/larpass/[id]/deltagare",
        // Restoring from a Historik page has its own guard test (app/arrangor/historik/actions.guard.test.ts).
        "app/arrangor/historik",
        // Deciding on speakers' edits under review has its own guard test (app/arrangor/granska/actions.guard.test.ts).
        "app/arrangor/granska",
        // Speaker invitations have their own guard test (app/mina-larpass/actions.guard.test.ts).
        "app/arrangor/talare/inbjudan",
        // The documentation workspace: app/evenemang/[event]/dokumentation/documentation.guard.test.ts.
        "app/arrangor/evenemang/[id]/dokumentation",
        // Proposals: app/mina-forslag/proposals.guard.test.ts.
        "app/arrangor/evenemang/[id]/forslag",
      ],
    );
    expect(found).toEqual([...Object.keys(table), "app/arrangor/evenemang/[id]/larpass.csv/route.ts#GET"].sort());
  });
});
