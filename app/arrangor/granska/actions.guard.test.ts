// Who may decide on a speaker's edit under review ("Att granska"), called directly, not through the UI:
// an anonymous caller is sent to the login page, a member and a speaker (also the edit's own author) get
// 403, and none of them changes anything; an organiser approves or sends back, and a broken form, a
// missing message or a stale page is answered in Swedish with nothing written. Only the request-time
// edges are replaced (lib/testing/mock-auth.ts); the guard, the domain code and the database are real.
import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, test, vi } from "vitest";

vi.mock("@/lib/auth", async () => (await import("@/test/mock-auth")).authModuleMock);
vi.mock("next/navigation", async () => (await import("@/test/mock-auth")).navigationMock);
vi.mock("next/headers", async () => (await import("@/test/mock-auth")).headersMock);

import { db } from "@/db";
import { larpass, larpassSpeakers, mailQueue, speakerEdits, speakers, users } from "@/db/schema";
import { updateOwnAbstract } from "@/lib/speakers/edit";
import { createEvent, useTempOutbox } from "@/test/factories";
import { form, makeUser, outcome } from "@/test/guard-harness";
import { resetRequestMocks, signInAs, signOutAll } from "@/test/mock-auth";
import { abstractSchema } from "@/lib/validation/speaker";
import * as actions from "./actions";
import { approveSpeakerEditAction, returnSpeakerEditAction } from "./actions";
import ReviewPage from "./page";

useTempOutbox();
beforeAll(() => {
  vi.spyOn(console, "log").mockImplementation(() => {});
});
beforeEach(() => resetRequestMocks());

let n = 0;
/** A published lärpass in an event that reviews speakers' edits, with one pending edit by its speaker. */
function pendingEdit() {
  n += 1;
  const f = createEvent(db, { speakerEditsReviewed: true });
  const lp = f.larpass({ title: `Vaktgranskning ${n}`, status: "published" });
  const author = db.insert(users).values({ email: `vakt-talare-${n}@example.se`, role: "speaker" }).returning().get();
  const sp = db.insert(speakers).values({ name: `Vakttalare ${n}`, slug: `vakttalare-${n}`, userId: author.id, invitedAt: new Date() }).returning().get();
  db.insert(larpassSpeakers).values({ larpassId: lp.id, speakerId: sp.id }).run();
  const input = abstractSchema.parse({ larpassId: String(lp.id), version: "1", abstract: "Föreslagen text." });
  const saved = updateOwnAbstract({ user: { id: author.id, email: author.email!, role: "speaker" }, input });
  if (!saved.ok || !saved.pending) throw new Error("not pending");
  const edit = db.select().from(speakerEdits).where(eq(speakerEdits.larpassId, lp.id)).get()!;
  return { lp, edit, author };
}

const state = (w: ReturnType<typeof pendingEdit>) => ({
  larpass: db.select().from(larpass).where(eq(larpass.id, w.lp.id)).get(),
  edits: db.select().from(speakerEdits).where(eq(speakerEdits.larpassId, w.lp.id)).all(),
  mails: db.select().from(mailQueue).where(eq(mailQueue.to, w.author.email!)).all(),
});
const decision = (w: ReturnType<typeof pendingEdit>, more: Record<string, string> = {}) =>
  form({ editId: String(w.edit.id), version: "1", ...more });

const cases = {
  approve: (f: FormData) => approveSpeakerEditAction({}, f),
  sendBack: (f: FormData) => returnSpeakerEditAction({}, f),
};

describe.each(Object.entries(cases))("%s", (name, run) => {
  const body = (w: ReturnType<typeof pendingEdit>) => decision(w, name === "sendBack" ? { message: "Korta texten." } : {});

  test("an anonymous caller is sent to the login page and nothing changes", async () => {
    const w = pendingEdit();
    signOutAll();
    const before = state(w);
    expect(await outcome(() => run(body(w)))).toEqual({ redirect: `/logga-in?next=${encodeURIComponent("/arrangor/granska")}` });
    expect(state(w)).toEqual(before);
  });

  test.each(["member", "speaker"] as const)("a signed-in %s gets 403 and nothing changes", async (role) => {
    const w = pendingEdit();
    signInAs(makeUser(role));
    const before = state(w);
    expect(await outcome(() => run(body(w)))).toEqual({ status: 403 });
    expect(state(w)).toEqual(before);
  });

  test("the edit's own author (a speaker) cannot approve it either", async () => {
    const w = pendingEdit();
    signInAs({ ...w.author, role: "speaker" });
    const before = state(w);
    expect(await outcome(() => run(body(w)))).toEqual({ status: 403 });
    expect(state(w)).toEqual(before);
  });

  test("a broken form or a stale page is answered in Swedish and nothing changes", async () => {
    const w = pendingEdit();
    signInAs(makeUser("organiser"));
    const before = state(w);
    expect(await outcome(() => run(form({ editId: "abc", version: "1", message: "x" })))).toMatchObject({
      value: { errors: { form: "Formuläret är trasigt. Ladda om sidan och försök igen." } },
    });
    expect(await outcome(() => run(decision(w, { version: "7", message: "x" })))).toMatchObject({
      value: { errors: { form: "Lärpasset har ändrats sedan du öppnade sidan. Titta på skillnaden igen och försök på nytt." } },
    });
    expect(state(w)).toEqual(before);
  });

  test("an organiser decides: redirected with the outcome, the speaker's mail queued", async () => {
    const w = pendingEdit();
    signInAs(makeUser("organiser"));
    const r = await outcome(() => run(body(w)));
    expect(r.redirect).toBe(`/arrangor/granska?${name === "approve" ? "godkand" : "tillbaka"}=${w.lp.id}`);
    const after = state(w);
    expect(after.edits).toMatchObject([{ status: name === "approve" ? "approved" : "returned" }]);
    expect(after.larpass?.abstract).toBe(name === "approve" ? "Föreslagen text." : "");
    expect(after.mails).toHaveLength(1);
  });
});

test("sending back without a message is refused next to the field, nothing changes, the typed text is kept", async () => {
  const w = pendingEdit();
  signInAs(makeUser("organiser"));
  const before = state(w);
  expect(await outcome(() => returnSpeakerEditAction({}, decision(w, { message: "   " })))).toEqual({
    value: { errors: { message: "Skriv ett meddelande till talaren: vad behöver ändras?" }, values: { message: "   " } },
  });
  expect(state(w)).toEqual(before);
});

describe("the Att granska page", () => {
  const render = () => ReviewPage({ searchParams: Promise.resolve({}) });
  test("anonymous: to the login page; member and speaker: 403; organiser: the page", async () => {
    signOutAll();
    expect(await outcome(render)).toEqual({ redirect: `/logga-in?next=${encodeURIComponent("/arrangor/granska")}` });
    for (const role of ["member", "speaker"] as const) {
      signInAs(makeUser(role));
      expect(await outcome(render)).toEqual({ status: 403 });
    }
    signInAs(makeUser("organiser"));
    expect((await outcome(render)).value).toBeTruthy();
  });
});

test("coverage: every action in app/arrangor/granska has a case above", () => {
  expect(Object.keys(actions).sort()).toEqual(["approveSpeakerEditAction", "returnSpeakerEditAction"]);
  // And no other "use server" module hides in the folder.
  const dir = path.dirname(new URL(import.meta.url).pathname);
  const modules = fs.readdirSync(dir).filter((f) => /\.tsx?$/.test(f) && !f.includes(".test.") && /^\s*["']use server["']/m.test(fs.readFileSync(path.join(dir, f), "utf8")));
  expect(modules).toEqual(["actions.ts"]);
});
