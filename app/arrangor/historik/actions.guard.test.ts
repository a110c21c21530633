// Who may restore from a Historik page, and look at one: an anonymous caller is sent to the login page, a
// member and a speaker get 403, and none of them changes anything; an organiser restores, and a stale page or
// a broken form is answered in Swedish with nothing written. Only the request-time edges are replaced
// (test/mock-auth.ts); the guard, the domain code and the database are real.
import { asc, eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, test, vi } from "vitest";

vi.mock("@/lib/auth", async () => (await import("@/test/mock-auth")).authModuleMock);
vi.mock("next/navigation", async () => (await import("@/test/mock-auth")).navigationMock);
vi.mock("next/headers", async () => (await import("@/test/mock-auth")).headersMock);

import { db } from "@/db";
import { larpass, programmeChanges, revisions, speakers, users } from "@/db/schema";
import type { Role } from "@/lib/domain";
import { updateLarpass } from "@/lib/admin/larpass";
import { createSpeaker, updateSpeaker } from "@/lib/admin/speakers";
import { createEvent, useTempOutbox } from "@/test/factories";
import { HttpInterrupt, Redirect, resetRequestMocks, signInAs, signOutAll } from "@/test/mock-auth";
import { larpassSchema, speakerSchema } from "@/lib/validation/admin";
import { restoreRevisionAction } from "./actions";
import LarpassHistoryPage from "@/app/arrangor/larpass/[id]/historik/page";
import SpeakerHistoryPage from "@/app/arrangor/talare/[id]/historik/page";

useTempOutbox();
beforeAll(() => {
  vi.spyOn(console, "log").mockImplementation(() => {});
});
beforeEach(() => resetRequestMocks());

let n = 0;
function makeUser(role: Role) {
  n += 1;
  return db.insert(users).values({ email: `historik-${n}-${role}@example.se`, name: `Historik ${n}`, role }).returning().get();
}
const system = { userId: null, label: "test", role: "organiser" as const };

/** A published lärpass whose abstract was edited twice: revisions 1 (created by the factory: none), 2 and 3. */
async function edited() {
  const f = createEvent(db);
  const l = f.larpass({ title: `Historikpass ${++n}` });
  const input = (abstract: string) =>
    larpassSchema.parse({ title: l.title, slug: "", abstract, speakers: [], timeSlotId: "", roomId: "", capacity: "", status: "published", track: "", language: "sv" });
  await updateLarpass({ id: l.id, expectedVersion: 1, input: input("Första texten."), author: system });
  await updateLarpass({ id: l.id, expectedVersion: 2, input: input("Andra texten."), author: system });
  const first = db.select().from(revisions).where(eq(revisions.larpassId, l.id)).orderBy(asc(revisions.id)).get()!;
  return { id: l.id, first };
}

function form(fields: Record<string, string>) {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
}
const restoreForm = (w: { id: number; first: { id: number } }, version = "3") =>
  form({ revisionId: String(w.first.id), version, entity: "larpass", entityId: String(w.id) });

function state(id: number) {
  return {
    larpass: db.select().from(larpass).where(eq(larpass.id, id)).get(),
    revisions: db.select().from(revisions).where(eq(revisions.larpassId, id)).all(),
    changes: db.select().from(programmeChanges).where(eq(programmeChanges.larpassId, id)).all(),
  };
}

async function outcome(fn: () => unknown): Promise<{ redirect?: string; status?: number; value?: unknown }> {
  try {
    return { value: await fn() };
  } catch (error) {
    if (error instanceof Redirect) return { redirect: error.url };
    if (error instanceof HttpInterrupt) return { status: error.status };
    throw error;
  }
}

describe("restoreRevisionAction", () => {
  test("an anonymous caller is sent to the login page and nothing changes", async () => {
    const w = await edited();
    signOutAll();
    const before = state(w.id);
    expect(await outcome(() => restoreRevisionAction(restoreForm(w)))).toEqual({
      redirect: `/logga-in?next=${encodeURIComponent(`/arrangor/larpass/${w.id}/historik`)}`,
    });
    expect(state(w.id)).toEqual(before);
  });

  test.each(["member", "speaker"] as const)("a signed-in %s gets 403 and nothing changes", async (role) => {
    const w = await edited();
    signInAs(makeUser(role));
    const before = state(w.id);
    expect(await outcome(() => restoreRevisionAction(restoreForm(w)))).toEqual({ status: 403 });
    expect(state(w.id)).toEqual(before);
  });

  test("an organiser restores: the old text is back, a new revision by them, a public change entry", async () => {
    const w = await edited();
    const organiser = makeUser("organiser");
    signInAs(organiser);
    const r = await outcome(() => restoreRevisionAction(restoreForm(w)));
    expect(r.redirect).toBe(`/arrangor/larpass/${w.id}/historik?aterstalld=${w.first.id}#senaste`);
    const after = state(w.id);
    expect(after.larpass).toMatchObject({ abstract: "Första texten.", version: 4 });
    expect(after.revisions.at(-1)).toMatchObject({ restoredFrom: w.first.id, authorId: organiser.id, authorRole: "organiser", version: 4 });
    expect(after.changes.at(-1)).toMatchObject({ kind: "abstract", after: "Första texten." });
  });

  test("a restore from a stale page is refused in Swedish and nothing changes", async () => {
    const w = await edited();
    signInAs(makeUser("organiser"));
    const before = state(w.id);
    expect(await outcome(() => restoreRevisionAction(restoreForm(w, "2")))).toEqual({ redirect: `/arrangor/larpass/${w.id}/historik?fel=stale` });
    expect(state(w.id)).toEqual(before);
  });

  test("a broken form goes back to its page with an error and nothing changes", async () => {
    const w = await edited();
    signInAs(makeUser("organiser"));
    const before = state(w.id);
    const broken = form({ revisionId: "abc", version: "3", entity: "larpass", entityId: String(w.id) });
    expect(await outcome(() => restoreRevisionAction(broken))).toEqual({ redirect: `/arrangor/larpass/${w.id}/historik?fel=ogiltig` });
    expect(await outcome(() => restoreRevisionAction(form({ revisionId: "1", version: "1", entity: "konto", entityId: "x" })))).toEqual({
      redirect: "/arrangor?fel=ogiltig",
    });
    expect(state(w.id)).toEqual(before);
  });
});

describe("the Historik pages", () => {
  async function speakerWithHistory() {
    const s = createSpeaker({ input: speakerSchema.parse({ name: `Historiktalare ${++n}`, slug: "", role: "", organisationId: "", bio: "Gammal.", email: "" }), author: system });
    if (!s.ok) throw new Error("speaker");
    updateSpeaker({
      id: s.id,
      expectedVersion: 1,
      input: speakerSchema.parse({ name: `Historiktalare ${n}`, slug: "", role: "", organisationId: "", bio: "Ny.", email: "" }),
      author: system,
    });
    return db.select().from(speakers).where(eq(speakers.id, s.id)).get()!;
  }
  const render = {
    larpass: (id: number) => LarpassHistoryPage({ params: Promise.resolve({ id: String(id) }), searchParams: Promise.resolve({}) }),
    speaker: (id: number) => SpeakerHistoryPage({ params: Promise.resolve({ id: String(id) }), searchParams: Promise.resolve({}) }),
  };

  test("anonymous to the login page, member and speaker 403, organiser sees them; unknown ids 404", async () => {
    const w = await edited();
    const s = await speakerWithHistory();
    for (const [kind, id, path] of [
      ["larpass", w.id, `/arrangor/larpass/${w.id}/historik`],
      ["speaker", s.id, `/arrangor/talare/${s.id}/historik`],
    ] as const) {
      signOutAll();
      expect(await outcome(() => render[kind](id))).toEqual({ redirect: `/logga-in?next=${encodeURIComponent(path)}` });
      for (const role of ["member", "speaker"] as const) {
        signInAs(makeUser(role));
        expect(await outcome(() => render[kind](id))).toEqual({ status: 403 });
      }
      signInAs(makeUser("organiser"));
      expect((await outcome(() => render[kind](id))).value).toBeTruthy();
      expect(await outcome(() => render[kind](987654321))).toEqual({ status: 404 });
    }
  });
});
