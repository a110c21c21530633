// Who may do what with proposals, every action and page called directly (not through the UI): a member
// never reads someone else's proposal or any review; a reviewer of one event cannot review another; nobody
// submits after the call closes; a proposer cannot change a proposal's state (decisions are organisers').
// An anonymous save keeps what was typed as a draft behind a token and goes to the sign-in. Only the
// request-time edges are replaced (test/mock-auth.ts); the pipeline, lib/proposals and SQLite are real.
import { eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, test, vi } from "vitest";

vi.mock("@/lib/auth", async () => (await import("@/test/mock-auth")).authModuleMock);
vi.mock("next/navigation", async () => (await import("@/test/mock-auth")).navigationMock);
vi.mock("next/headers", async () => (await import("@/test/mock-auth")).headersMock);

import { db } from "@/db";
import { larpass, proposalCalls, proposalDrafts, proposalReviewers, proposalReviews, proposals } from "@/db/schema";
import { createEvent, useTempOutbox } from "@/test/factories";
import { form, makeUser, outcome } from "@/test/guard-harness";
import { resetRequestMocks, setRequestHeaders, signInAs, signOutAll } from "@/test/mock-auth";
import { takeDraft } from "@/lib/proposals/proposals";
import * as proposerActions from "./actions";
import * as reviewActions from "@/app/bedomning/actions";
import * as organiserActions from "@/app/arrangor/evenemang/[id]/forslag/actions";
import MyProposalPage from "./[id]/page";
import ReviewProposalPage from "@/app/bedomning/[id]/page";

const { saveProposalAction, withdrawProposalAction } = proposerActions;
const { saveReviewAction } = reviewActions;
const { decideProposalsAction, saveCallAction, grantReviewerAction, revokeReviewerAction } = organiserActions;

useTempOutbox();
beforeAll(() => {
  vi.spyOn(console, "log").mockImplementation(() => {});
});
beforeEach(() => resetRequestMocks());

const HOUR = 3600_000;
function eventWithCall(open = true) {
  const f = createEvent(db);
  db.insert(proposalCalls)
    .values({ eventId: f.event.id, opensAt: new Date(Date.now() - 2 * HOUR), closesAt: new Date(Date.now() + (open ? 48 : -1) * HOUR), criteria: ["Relevans"] })
    .run();
  return f.event.id;
}
const fields = (eventId: number, more: Record<string, string> = {}) =>
  form({
    eventId: String(eventId),
    op: "skicka",
    title: "Vaktens förslag",
    abstract: "En sammanfattning som är lång nog att skicka in.",
    format: "Lärpass",
    track: "",
    language: "sv",
    organisation: "Region Vakt",
    message: "Hemligt till arrangörerna",
    co1Name: "Medtalare Vakt",
    co1Organisation: "Vaktverket",
    co1Email: "medtalare-vakt@example.se",
    ...more,
  });
const initial = { seq: 0, values: {} };

/** A submitted proposal by a new member, with one review by an organiser. */
async function proposalWithReview(eventId: number) {
  const proposer = makeUser("member");
  signInAs(proposer);
  const r = await outcome(() => saveProposalAction(initial, fields(eventId)));
  const id = Number(r.redirect!.match(/\/mina-forslag\/(\d+)/)![1]);
  const organiser = makeUser("organiser");
  signInAs(organiser);
  await outcome(() => saveReviewAction({ seq: 0, values: { comment: "", scores: [] } }, form({ proposalId: String(id), criteria: "1", score0: "4", comment: "Hemlig bedömning" })));
  signOutAll();
  return { id, proposer };
}
const stateOf = (id: number) => db.select().from(proposals).where(eq(proposals.id, id)).get()!;
const reviewsOf = (id: number) => db.select().from(proposalReviews).where(eq(proposalReviews.proposalId, id)).all();
/** Every string in a rendered element tree (props and children), to look for what must not be there. */
function rendered(x: unknown, seen = new WeakSet<object>()): string {
  if (typeof x === "string") return x;
  if (!x || typeof x !== "object" || seen.has(x)) return "";
  seen.add(x);
  return Object.values(x as Record<string, unknown>).map((v) => rendered(v, seen)).join(" ");
}

describe("saving and submitting (proposal.save)", () => {
  test("anonymous (an expired session): nothing saved as a proposal, the typed values kept behind a token, sent to sign in and back", async () => {
    const eventId = eventWithCall();
    signOutAll();
    const r = await outcome(() => saveProposalAction(initial, fields(eventId)));
    const m = r.redirect?.match(/^\/logga-in\?next=(.+)$/);
    expect(m).toBeTruthy();
    const back = decodeURIComponent(m![1]);
    expect(back).toMatch(/^\/evenemang\/test-[^/]+\/foresla\?utkast=[A-Za-z0-9_-]+$/);
    expect(db.select().from(proposals).where(eq(proposals.eventId, eventId)).all()).toEqual([]);
    const token = decodeURIComponent(back.split("utkast=")[1]);
    expect(takeDraft({ token, eventId, proposalId: null })).toMatchObject({ title: "Vaktens förslag", co1Email: "medtalare-vakt@example.se" });
  });

  test("anonymous drafts are limited per client: the 21st in ten minutes is refused, nothing kept, the values come back", async () => {
    const eventId = eventWithCall();
    signOutAll();
    setRequestHeaders({ "x-forwarded-for": "10.9.8.7" });
    const count = () => db.select().from(proposalDrafts).where(eq(proposalDrafts.eventId, eventId)).all().length;
    for (let i = 0; i < 20; i++) expect((await outcome(() => saveProposalAction(initial, fields(eventId)))).redirect).toMatch(/^\/logga-in/);
    expect(count()).toBe(20);
    const refused = await outcome(() => saveProposalAction(initial, fields(eventId)));
    expect(refused.value).toMatchObject({ errors: { form: "Du är inte inloggad längre. Kopiera det du skrivit, logga in och försök igen." }, values: { title: "Vaktens förslag" } });
    expect(count()).toBe(20);
    setRequestHeaders({ "x-forwarded-for": "10.9.8.6" });
    expect((await outcome(() => saveProposalAction(initial, fields(eventId)))).redirect).toMatch(/^\/logga-in/);
  });

  test("a member submits; the values come back with the errors when something is wrong", async () => {
    const eventId = eventWithCall();
    signInAs(makeUser("member"));
    const bad = await outcome(() => saveProposalAction(initial, fields(eventId, { title: "", co1Email: "fel" })));
    expect(bad.value).toMatchObject({ errors: { title: expect.any(String), co1Email: expect.any(String) }, values: { co1Name: "Medtalare Vakt", abstract: "En sammanfattning som är lång nog att skicka in." } });
    expect(db.select().from(proposals).where(eq(proposals.eventId, eventId)).all()).toEqual([]);
    const ok = await outcome(() => saveProposalAction(initial, fields(eventId)));
    expect(ok.redirect).toMatch(/^\/mina-forslag\/\d+\?sparat=inskickat$/);
  });

  test.each(["member", "organiser"] as const)("nobody submits after the call closes (%s): nothing written", async (role) => {
    const eventId = eventWithCall(false);
    signInAs(makeUser(role));
    const r = await outcome(() => saveProposalAction(initial, fields(eventId)));
    expect((r.value as { errors: { form: string } }).errors.form).toMatch(/^Inlämningen stängde/);
    expect(db.select().from(proposals).where(eq(proposals.eventId, eventId)).all()).toEqual([]);
  });

  test("a member cannot edit someone else's proposal", async () => {
    const eventId = eventWithCall();
    const { id } = await proposalWithReview(eventId);
    signInAs(makeUser("member"));
    const before = stateOf(id);
    const r = await outcome(() => saveProposalAction(initial, fields(eventId, { proposalId: String(id), title: "Kapad" })));
    expect(r.value).toMatchObject({ errors: { form: "Förslaget finns inte, eller så är det inte ditt." } });
    expect(stateOf(id)).toEqual(before);
  });
});

describe("reading: a member never reads someone else's proposal or any review", () => {
  test("someone else's proposal page is a 404 for a member and for a speaker", async () => {
    const eventId = eventWithCall();
    const { id } = await proposalWithReview(eventId);
    for (const role of ["member", "speaker"] as const) {
      signInAs(makeUser(role));
      expect(await outcome(() => MyProposalPage({ params: Promise.resolve({ id: String(id) }), searchParams: Promise.resolve({}) }))).toEqual({ status: 404 });
    }
  });

  test("the proposer's own page shows the proposal and no review", async () => {
    const eventId = eventWithCall();
    const { id, proposer } = await proposalWithReview(eventId);
    signInAs(proposer);
    const page = await outcome(() => MyProposalPage({ params: Promise.resolve({ id: String(id) }), searchParams: Promise.resolve({}) }));
    const html = rendered(page.value);
    expect(html).toContain("Vaktens förslag");
    expect(html).not.toContain("Hemlig bedömning");
  });

  test("the review page is a 404 for the proposer and for a member who does not review the event", async () => {
    const eventId = eventWithCall();
    const { id, proposer } = await proposalWithReview(eventId);
    for (const who of [proposer, makeUser("member"), makeUser("speaker")]) {
      signInAs(who);
      expect(await outcome(() => ReviewProposalPage({ params: Promise.resolve({ id: String(id) }), searchParams: Promise.resolve({}) }))).toEqual({ status: 404 });
    }
    signOutAll();
    expect((await outcome(() => ReviewProposalPage({ params: Promise.resolve({ id: String(id) }), searchParams: Promise.resolve({}) }))).redirect).toBe(`/logga-in?next=${encodeURIComponent(`/bedomning/${id}`)}`);
  });
});

describe("reviewing (proposal.review)", () => {
  const review = (id: number) => saveReviewAction({ seq: 0, values: { comment: "", scores: [] } }, form({ proposalId: String(id), criteria: "1", score0: "5", comment: "Bra" }));

  test("anonymous: to the login page, nothing written", async () => {
    const eventId = eventWithCall();
    const { id } = await proposalWithReview(eventId);
    signOutAll();
    expect(await outcome(() => review(id))).toEqual({ redirect: `/logga-in?next=${encodeURIComponent("/bedomning")}` });
    expect(reviewsOf(id)).toHaveLength(1);
  });

  test("a member who is not a reviewer, and the proposer, cannot review", async () => {
    const eventId = eventWithCall();
    const { id, proposer } = await proposalWithReview(eventId);
    for (const who of [makeUser("member"), proposer]) {
      signInAs(who);
      expect(await outcome(() => review(id))).toMatchObject({ value: { errors: { form: "Du bedömer inte förslagen till det här evenemanget." } } });
    }
    expect(reviewsOf(id)).toHaveLength(1);
  });

  test("a reviewer of one event cannot review another's proposals, but can review their own event's", async () => {
    const mine = eventWithCall();
    const other = eventWithCall();
    const reviewer = makeUser("member");
    db.insert(proposalReviewers).values({ eventId: mine, userId: reviewer.id }).run();
    const a = await proposalWithReview(mine);
    const b = await proposalWithReview(other);
    signInAs(reviewer);
    expect(await outcome(() => review(b.id))).toMatchObject({ value: { errors: { form: "Du bedömer inte förslagen till det här evenemanget." } } });
    expect(reviewsOf(b.id)).toHaveLength(1);
    expect(await outcome(() => ReviewProposalPage({ params: Promise.resolve({ id: String(b.id) }), searchParams: Promise.resolve({}) }))).toEqual({ status: 404 });
    expect(await outcome(() => review(a.id))).toEqual({ redirect: `/bedomning/${a.id}?sparat=1` });
    expect(reviewsOf(a.id)).toHaveLength(2);
  });
});

describe("state changes are the organisers' (proposal.decide) and the proposer's withdrawal only", () => {
  const decide = (eventId: number, id: number, decision = "accept") => decideProposalsAction({ seq: 0, values: { decision: "", message: "" } }, form({ eventId: String(eventId), ids: String(id), decision, message: "" }));

  test("anonymous: to the login page; member, speaker, reviewer and the proposer: 403; nothing changes", async () => {
    const eventId = eventWithCall();
    const { id, proposer } = await proposalWithReview(eventId);
    const reviewer = makeUser("member");
    db.insert(proposalReviewers).values({ eventId, userId: reviewer.id }).run();
    const before = stateOf(id);
    signOutAll();
    expect(await outcome(() => decide(eventId, id))).toEqual({ redirect: `/logga-in?next=${encodeURIComponent("/arrangor")}` });
    for (const who of [makeUser("member"), makeUser("speaker"), reviewer, proposer]) {
      signInAs(who);
      for (const d of ["accept", "reject", "changes"]) expect(await outcome(() => decide(eventId, id, d))).toEqual({ status: 403 });
    }
    expect(stateOf(id)).toEqual(before);
    expect(db.select().from(larpass).where(eq(larpass.proposalId, id)).all()).toEqual([]);
  });

  test("the proposer's own form cannot set a state: a 'state' field is ignored", async () => {
    const eventId = eventWithCall();
    const { id, proposer } = await proposalWithReview(eventId);
    signInAs(proposer);
    await outcome(() => saveProposalAction(initial, fields(eventId, { proposalId: String(id), state: "accepted", op: "spara" })));
    expect(stateOf(id).state).toBe("in_review");
  });

  test("withdraw: anonymous to login, someone else refused, the proposer withdraws", async () => {
    const eventId = eventWithCall();
    const { id, proposer } = await proposalWithReview(eventId);
    signOutAll();
    expect((await outcome(() => withdrawProposalAction(form({ proposalId: String(id) })))).redirect).toMatch(/^\/logga-in/);
    signInAs(makeUser("member"));
    expect(await outcome(() => withdrawProposalAction(form({ proposalId: String(id), bekraftat: "ja" })))).toEqual({ redirect: `/mina-forslag/${id}?fel=aterkalla` });
    expect(stateOf(id).state).toBe("in_review");
    signInAs(proposer);
    // Not without the box ticked.
    expect(await outcome(() => withdrawProposalAction(form({ proposalId: String(id) })))).toEqual({ redirect: `/mina-forslag/${id}?fel=bekrafta#aterkalla` });
    expect(stateOf(id).state).toBe("in_review");
    expect(await outcome(() => withdrawProposalAction(form({ proposalId: String(id), bekraftat: "ja" })))).toEqual({ redirect: `/mina-forslag/${id}?sparat=aterkallat` });
    expect(stateOf(id).state).toBe("withdrawn");
  });

  test("an organiser decides", async () => {
    const eventId = eventWithCall();
    const { id } = await proposalWithReview(eventId);
    signInAs(makeUser("organiser"));
    expect((await outcome(() => decide(eventId, id))).redirect).toBe(`/arrangor/evenemang/${eventId}/forslag?beslut=accept&antal=1&hoppade=0`);
    expect(stateOf(id).state).toBe("accepted");
  });
});

describe("the call and its reviewers (organisers only)", () => {
  const callForm = (eventId: number) =>
    form({ eventId: String(eventId), opensAt: "2030-01-01T09:00", closesAt: "2030-02-01T17:00", intro: "Välkommen", formats: "Lärpass 45", tracks: "", languages: "sv", criteria: "Relevans", acceptTemplate: "", rejectTemplate: "", changesTemplate: "" });

  test("anonymous: to the login page; member and speaker: 403; nothing changes; an organiser saves", async () => {
    const eventId = createEvent(db).event.id;
    const target = makeUser("member");
    const calls = [
      () => saveCallAction({}, callForm(eventId)),
      () => grantReviewerAction({}, form({ eventId: String(eventId), email: target.email! })),
      () => revokeReviewerAction(form({ eventId: String(eventId), userId: target.id })),
    ];
    const state = () => ({
      call: db.select().from(proposalCalls).where(eq(proposalCalls.eventId, eventId)).all(),
      reviewers: db.select().from(proposalReviewers).where(eq(proposalReviewers.eventId, eventId)).all(),
    });
    const before = state();
    for (const call of calls) {
      signOutAll();
      expect((await outcome(call)).redirect).toMatch(/^\/logga-in\?next=/);
      for (const role of ["member", "speaker"] as const) {
        signInAs(makeUser(role));
        expect(await outcome(call)).toEqual({ status: 403 });
      }
    }
    expect(state()).toEqual(before);
    signInAs(makeUser("organiser"));
    expect((await outcome(calls[0])).redirect).toBe(`/arrangor/evenemang/${eventId}/forslag?sparat=inlamning`);
    expect((await outcome(calls[1])).redirect).toBe(`/arrangor/evenemang/${eventId}/forslag?sparat=bedomare#bedomare`);
    expect(state().reviewers).toHaveLength(1);
    expect((await outcome(calls[2])).redirect).toBe(`/arrangor/evenemang/${eventId}/forslag?sparat=borttagen#bedomare`);
    expect(state().reviewers).toHaveLength(0);
    expect(state().call[0]).toMatchObject({ intro: "Välkommen", criteria: ["Relevans"], formats: [{ name: "Lärpass", minutes: 45 }] });
  });
});

test("coverage: every proposal action has cases above", () => {
  expect(Object.keys(proposerActions).sort()).toEqual(["saveProposalAction", "withdrawProposalAction"]);
  expect(Object.keys(reviewActions).sort()).toEqual(["saveReviewAction"]);
  expect(Object.keys(organiserActions).sort()).toEqual(["decideProposalsAction", "grantReviewerAction", "revokeReviewerAction", "saveCallAction"]);
  expect(db.select().from(proposalDrafts).all().length).toBeGreaterThan(0);
});
