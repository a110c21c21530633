// Authorization of the speakers' own actions and pages (Mina lärpass) and of the organisers' invitation
// actions, called directly, not through the UI: an anonymous caller is sent to the login page, a member
// gets 403, a speaker on someone else's lärpass is refused, a speaker cannot invite, and none of them
// changes anything. Only the request-time edges are replaced (test/mock-auth.ts); requireRole, the
// domain code and the database are real (this file's own SQLite file).
import { beforeEach, describe, expect, test, vi } from "vitest";

vi.mock("@/lib/auth", async () => (await import("@/test/mock-auth")).authModuleMock);
vi.mock("next/navigation", async () => (await import("@/test/mock-auth")).navigationMock);
vi.mock("next/headers", async () => (await import("@/test/mock-auth")).headersMock);

import { eq } from "drizzle-orm";
import { renderToStaticMarkup } from "react-dom/server";
import { db } from "@/db";
import { events, larpass, larpassSpeakers, revisions, speakerEdits, speakers, users, type User } from "@/db/schema";
import { readOutbox } from "@/lib/mail";
import { createEvent, useTempOutbox } from "@/test/factories";
import { expectNoDbChange, form, listEndpoints, makeUser, outcome } from "@/test/guard-harness";
import { resetRequestMocks, signInAs, signOutAll } from "@/test/mock-auth";

import { inviteSpeakerAction, unlinkSpeakerAction } from "@/app/arrangor/talare/inbjudan/actions";
import { saveAbstractAction, saveProfileAction, type AbstractFormState, type ProfileFormState } from "@/app/mina-larpass/actions";
import MyLarpassPage from "@/app/mina-larpass/page";
import EditAbstractPage from "@/app/mina-larpass/[id]/page";
import ProfilePage from "@/app/mina-larpass/profil/page";

useTempOutbox();
beforeEach(() => {
  resetRequestMocks();
  vi.spyOn(console, "log").mockImplementation(() => {});
});

const revisionCount = () => db.select().from(revisions).all().length;

/** Two lärpass with a linked speaker each, and a speaker record nobody is linked to yet. */
function world() {
  const f = createEvent(db);
  const slot = f.slot("09:00", "09:45");
  const mine = f.larpass({ slot, title: "Mitt lärpass" });
  const theirs = f.larpass({ slot, title: "Någon annans lärpass" });
  db.update(larpass).set({ abstract: "Den andras text." }).where(eq(larpass.id, theirs.id)).run();
  const me = makeUser("speaker");
  const other = makeUser("speaker");
  const n = mine.id;
  const mySpeaker = db.insert(speakers).values({ name: "Jag Talare", slug: `jag-${n}`, userId: me.id, invitedAt: new Date() }).returning().get();
  const otherSpeaker = db.insert(speakers).values({ name: "Annan Talare", slug: `annan-${n}`, userId: other.id, invitedAt: new Date() }).returning().get();
  const fresh = db.insert(speakers).values({ name: "Ny Talare", slug: `ny-${n}`, email: `ny-${n}@example.se` }).returning().get();
  db.insert(larpassSpeakers).values([
    { larpassId: mine.id, speakerId: mySpeaker.id },
    { larpassId: theirs.id, speakerId: otherSpeaker.id },
  ]).run();
  return { mine, theirs, me, other, mySpeaker, otherSpeaker, fresh };
}

const abstractState: AbstractFormState = { seq: 0, values: { abstract: "" }, version: 1 };
const profileState: ProfileFormState = { seq: 0, values: { role: "", organisation: "", bio: "" }, version: 1 };

type W = ReturnType<typeof world>;
/** Every new action with input that would succeed for the right caller. */
const calls: Record<string, (w: W, target?: "mine" | "theirs") => Promise<unknown>> = {
  "app/mina-larpass/actions.ts#saveAbstractAction": (w, target = "theirs") =>
    saveAbstractAction(abstractState, form({ larpassId: String(w[target].id), version: "1", abstract: "Kapad text." })),
  "app/mina-larpass/actions.ts#saveProfileAction": () => saveProfileAction(profileState, form({ version: "1", role: "Kapare", organisation: "", bio: "Kapad." })),
  "app/arrangor/talare/inbjudan/actions.ts#inviteSpeakerAction": (w) =>
    inviteSpeakerAction({}, form({ speakerId: String(w.fresh.id), email: w.fresh.email! })),
  "app/arrangor/talare/inbjudan/actions.ts#unlinkSpeakerAction": (w) => unlinkSpeakerAction(form({ speakerId: String(w.otherSpeaker.id) })),
};

describe("anonymous", () => {
  test.each(Object.keys(calls))("%s sends to the login page and changes nothing", async (name) => {
    const w = world();
    signOutAll();
    const r = await expectNoDbChange(() => outcome(() => calls[name](w)));
    expect(r.redirect).toMatch(/^\/logga-in\?next=/);
  });
});

describe("member", () => {
  test.each(Object.keys(calls))("%s is forbidden and changes nothing", async (name) => {
    const w = world();
    signInAs(makeUser("member"));
    const r = await expectNoDbChange(() => outcome(() => calls[name](w)));
    expect(r.status).toBe(403);
  });
});

describe("a speaker", () => {
  test("cannot save the abstract of someone else's lärpass", async () => {
    const w = world();
    signInAs(w.me);
    const r = await expectNoDbChange(() => outcome(() => calls["app/mina-larpass/actions.ts#saveAbstractAction"](w, "theirs")));
    expect((r.value as AbstractFormState).errors?.form).toBe("Du är inte talare i det här lärpasset och kan inte ändra det.");
  });

  test("cannot read someone else's abstract through the conflict's 'use the saved version'", async () => {
    const w = world();
    signInAs(w.me);
    const r = await expectNoDbChange(() =>
      outcome(() => saveAbstractAction(abstractState, form({ op: "deras", larpassId: String(w.theirs.id), version: "1", abstract: "" }))),
    );
    const state = r.value as AbstractFormState;
    expect(state.values.abstract).not.toContain("Den andras text.");
    expect(state.errors?.form).toMatch(/inte talare/);
  });

  test("cannot post someone else's id in place of their own: the profile action edits only the caller's speaker", async () => {
    const w = world();
    signInAs(w.me);
    const r = await outcome(() =>
      saveProfileAction(profileState, form({ version: "1", role: "Ny roll", organisation: "", bio: "Min text.", speakerId: String(w.otherSpeaker.id), userId: w.other.id })),
    );
    expect(r.redirect).toBe("/mina-larpass/profil?sparat=1");
    expect(db.select().from(speakers).where(eq(speakers.id, w.mySpeaker.id)).get()).toMatchObject({ role: "Ny roll", bio: "Min text." });
    expect(db.select().from(speakers).where(eq(speakers.id, w.otherSpeaker.id)).get()).toMatchObject({ role: null, bio: "" });
  });

  test("cannot invite or un-link (organisers only)", async () => {
    const w = world();
    signInAs(w.me);
    for (const name of ["app/arrangor/talare/inbjudan/actions.ts#inviteSpeakerAction", "app/arrangor/talare/inbjudan/actions.ts#unlinkSpeakerAction"]) {
      const r = await expectNoDbChange(() => outcome(() => calls[name](w)));
      expect(r.status, name).toBe(403);
    }
  });

  test("saves their own abstract (the positive control): revision written, redirect back", async () => {
    const w = world();
    signInAs(w.me);
    const before = revisionCount();
    const r = await outcome(() => calls["app/mina-larpass/actions.ts#saveAbstractAction"](w, "mine"));
    expect(r.redirect).toBe(`/mina-larpass/${w.mine.id}?sparat=1`);
    expect(db.select().from(larpass).where(eq(larpass.id, w.mine.id)).get()).toMatchObject({ abstract: "Kapad text.", version: 2 });
    expect(revisionCount()).toBe(before + 1);
  });

  test("with review on, their save of a published lärpass waits: nothing public changes, redirect says so", async () => {
    const w = world();
    db.update(events).set({ speakerEditsReviewed: true }).where(eq(events.id, w.mine.eventId)).run();
    signInAs(w.me);
    const before = revisionCount();
    const r = await outcome(() => calls["app/mina-larpass/actions.ts#saveAbstractAction"](w, "mine"));
    expect(r.redirect).toBe(`/mina-larpass/${w.mine.id}?sparat=granskas`);
    expect(db.select().from(larpass).where(eq(larpass.id, w.mine.id)).get()).toMatchObject({ abstract: "", version: 1 });
    expect(revisionCount()).toBe(before);
    expect(db.select().from(speakerEdits).where(eq(speakerEdits.larpassId, w.mine.id)).all()).toMatchObject([{ status: "pending", abstract: "Kapad text." }]);
    // Someone else's lärpass is still refused, review or not.
    expect(await expectNoDbChange(() => outcome(() => calls["app/mina-larpass/actions.ts#saveAbstractAction"](w, "theirs")))).toMatchObject({ value: { errors: { form: expect.any(String) } } });
  });

  test("an invalid form keeps what was typed and says what is wrong, in Swedish", async () => {
    const w = world();
    signInAs(w.me);
    const long = "x".repeat(10_001);
    const r = await expectNoDbChange(() => outcome(() => saveAbstractAction(abstractState, form({ larpassId: String(w.mine.id), version: "1", abstract: long }))));
    const state = r.value as AbstractFormState;
    expect(state.errors?.abstract).toBe("Sammanfattningen får vara högst 10 000 tecken.");
    expect(state.values.abstract).toBe(long);
  });

  test("'Förhandsgranska' writes nothing and comes back with the text", async () => {
    const w = world();
    signInAs(w.me);
    const r = await expectNoDbChange(() =>
      outcome(() => saveAbstractAction(abstractState, form({ op: "forhandsgranska", larpassId: String(w.mine.id), version: "1", abstract: "*Utkast*" }))),
    );
    expect(r.value).toMatchObject({ preview: true, values: { abstract: "*Utkast*" } });
  });
});

describe("organiser", () => {
  test("invites (the positive control): the speaker record gets the address and the mail goes out", async () => {
    const w = world();
    signInAs(makeUser("organiser"));
    const r = await outcome(() => calls["app/arrangor/talare/inbjudan/actions.ts#inviteSpeakerAction"](w));
    expect(r.redirect).toBe(`/arrangor/talare/${w.fresh.id}?inbjuden=1#konto`);
    expect(db.select().from(speakers).where(eq(speakers.id, w.fresh.id)).get()!.invitedAt).toBeInstanceOf(Date);
    expect(readOutbox({ to: w.fresh.email! })).toHaveLength(1);
  });

  test("a bad address is refused next to the field and kept", async () => {
    const w = world();
    signInAs(makeUser("organiser"));
    const r = await expectNoDbChange(() => outcome(() => inviteSpeakerAction({}, form({ speakerId: String(w.fresh.id), email: "inte en adress" }))));
    expect(r.value).toMatchObject({
      errors: { email: "Skriv en giltig e-postadress, till exempel namn@region.se." },
      values: { email: "inte en adress" },
    });
  });

  test("un-links (the positive control)", async () => {
    const w = world();
    signInAs(makeUser("organiser"));
    const r = await outcome(() => calls["app/arrangor/talare/inbjudan/actions.ts#unlinkSpeakerAction"](w));
    expect(r.redirect).toBe(`/arrangor/talare/${w.otherSpeaker.id}?bortkopplad=1#konto`);
    expect(db.select().from(speakers).where(eq(speakers.id, w.otherSpeaker.id)).get()!.userId).toBeNull();
    expect(db.select({ role: users.role }).from(users).where(eq(users.id, w.other.id)).get()!.role).toBe("member");
  });
});

describe("pages", () => {
  const html = async (p: Promise<unknown>) => renderToStaticMarkup((await p) as never);
  const editPage = (id: number) => EditAbstractPage({ params: Promise.resolve({ id: String(id) }), searchParams: Promise.resolve({}) });

  test("anonymous visitors are sent to the login page", async () => {
    const w = world();
    signOutAll();
    expect((await outcome(() => MyLarpassPage())).redirect).toBe("/logga-in?next=%2Fmina-larpass");
    expect((await outcome(() => editPage(w.mine.id))).redirect).toBe(`/logga-in?next=%2Fmina-larpass%2F${w.mine.id}`);
    expect((await outcome(() => ProfilePage({ searchParams: Promise.resolve({}) }))).redirect).toBe("/logga-in?next=%2Fmina-larpass%2Fprofil");
  });

  test("a member is told they are not a speaker, and cannot open an edit page", async () => {
    const w = world();
    signInAs(makeUser("member"));
    const page = await html(MyLarpassPage());
    expect(page).toContain("Du är inte talare.");
    expect(page).not.toContain("Mitt lärpass");
    expect((await outcome(() => editPage(w.mine.id))).status).toBe(403);
    expect((await outcome(() => ProfilePage({ searchParams: Promise.resolve({}) }))).status).toBe(403);
  });

  test("a speaker sees their own lärpass, and gets 403 on someone else's", async () => {
    const w = world();
    signInAs(w.me);
    const list = await html(MyLarpassPage());
    expect(list).toContain("Mitt lärpass");
    expect(list).not.toContain("Någon annans lärpass");
    expect(await html(editPage(w.mine.id))).toContain("Sammanfattning: Mitt lärpass");
    expect((await outcome(() => editPage(w.theirs.id))).status).toBe(403);
    expect((await outcome(() => editPage(99_999_999))).status).toBe(404);
  });

  test("an organiser linked as a speaker sees Mina lärpass too", async () => {
    const w = world();
    const organiser = makeUser("organiser");
    db.update(speakers).set({ userId: organiser.id }).where(eq(speakers.id, w.mySpeaker.id)).run();
    signInAs(organiser as User);
    expect(await html(MyLarpassPage())).toContain("Mitt lärpass");
  });
});

describe("coverage", () => {
  test("every action under app/mina-larpass and the invitation folder is in the table above", async () => {
    const found = await listEndpoints(["app/mina-larpass", "app/arrangor/talare/inbjudan"], [
      // The speakers' documentation: app/evenemang/[event]/dokumentation/documentation.guard.test.ts.
      "app/mina-larpass/[id]/dokumentation",
    ]);
    expect(found).toEqual(Object.keys(calls).sort());
  });
});

