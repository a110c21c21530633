// The proposals' domain rules against a real SQLite file: the proposer's drafts, submissions and withdrawals
// inside the call's window, drafts kept over an expired session, reviews (scores hidden until you score,
// reviewers per event), and decisions (one lärpass per accepted proposal, speakers matched, invitations and
// mails queued, history written).
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, test, vi } from "vitest";
import { db } from "@/db";
import { larpass, larpassSpeakers, mailQueue, organisations, proposalCalls, proposalDrafts, proposalReviews, proposalRevisions, proposals, revisions, speakers, users } from "@/db/schema";
import { createEvent, useTempOutbox } from "@/test/factories";
import { proposalSchema, type ProposalInput } from "@/lib/validation/proposal";
import { callWindow } from "./call";
import { decideProposals } from "./decide";
import { saveProposal, stashDraft, takeDraft, withdrawProposal, dropDraft } from "./proposals";
import { getProposalForReview, grantReviewer, listEventProposals, reviewStats, saveReview } from "./review";

useTempOutbox();
beforeAll(() => {
  vi.spyOn(console, "log").mockImplementation(() => {});
});

const HOUR = 3600_000;
let n = 0;
function account(role: "member" | "organiser" = "member", name = "Anna Andersson") {
  n += 1;
  const u = db.insert(users).values({ email: `forslag-${process.pid}-${n}@example.se`, name, role }).returning().get();
  return { id: u.id, email: u.email!, name: u.name, role: u.role };
}
function eventWithCall(open = true) {
  const f = createEvent(db);
  const now = Date.now();
  db.insert(proposalCalls)
    .values({
      eventId: f.event.id,
      opensAt: new Date(now - 2 * HOUR),
      closesAt: new Date(open ? now + 48 * HOUR : now - HOUR),
      tracks: ["Innovation", "Analys"],
      criteria: ["Relevans", "Genomförande"],
      rejectTemplate: "Hej {namn}! Tyvärr blev det inte \"{titel}\" den här gången.",
    })
    .run();
  return f;
}
const input = (over: Partial<ProposalInput> = {}): ProposalInput => ({
  title: "Data i regionerna",
  abstract: "Hur regionerna delar data mellan sig, med exempel från norr.",
  format: "Lärpass",
  track: "Analys",
  language: "sv",
  organisation: "Region Norrbotten",
  message: "",
  coSpeakers: [{ name: "Bo Berg", organisation: "Luleå tekniska universitet", email: "bo.berg@example.se" }],
  ...over,
});
const mailsTo = (email: string) => db.select().from(mailQueue).where(eq(mailQueue.to, email)).all();
const row = (id: number) => db.select().from(proposals).where(eq(proposals.id, id)).get()!;

async function submitted(eventId: number, who = account()) {
  const r = await saveProposal({ user: who, eventId, proposalId: null, input: input(), submit: true });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return { id: r.id, who };
}

describe("the proposer", () => {
  test("a draft, then an edit, then submission: states, history and one confirmation mail", async () => {
    const f = eventWithCall();
    const me = account();
    const draft = await saveProposal({ user: me, eventId: f.event.id, proposalId: null, input: input({ abstract: "" }), submit: false });
    expect(draft).toMatchObject({ ok: true, submitted: false });
    if (!draft.ok) return;
    expect(row(draft.id).state).toBe("draft");
    expect(mailsTo(me.email)).toHaveLength(0);
    const sent = await saveProposal({ user: me, eventId: f.event.id, proposalId: draft.id, input: input({ title: "Data i alla regioner" }), submit: true });
    expect(sent).toMatchObject({ ok: true, submitted: true });
    expect(row(draft.id)).toMatchObject({ state: "submitted", title: "Data i alla regioner", proposerName: "Anna Andersson" });
    expect(mailsTo(me.email).map((m) => m.subject)).toEqual(["Ditt förslag är inskickat: Data i alla regioner"]);
    const history = db.select().from(proposalRevisions).where(eq(proposalRevisions.proposalId, draft.id)).all();
    expect(history.map((h) => h.what)).toEqual(["created", "submitted"]);
  });

  test("nothing is saved or submitted before the call opens or after it closes", async () => {
    const closed = eventWithCall(false);
    const me = account();
    const r = await saveProposal({ user: me, eventId: closed.event.id, proposalId: null, input: input(), submit: true });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.form).toMatch(/^Inlämningen stängde/);
    expect(db.select().from(proposals).where(eq(proposals.eventId, closed.event.id)).all()).toEqual([]);
    const open = eventWithCall();
    const { id } = await submitted(open.event.id, me);
    const later = new Date(Date.now() + 72 * HOUR);
    const edit = await saveProposal({ user: me, eventId: open.event.id, proposalId: id, input: input({ title: "Sent" }), submit: true, now: later });
    expect(edit.ok).toBe(false);
    expect(withdrawProposal({ user: me, proposalId: id, now: later })).toMatchObject({ ok: false });
    expect(row(id)).toMatchObject({ state: "submitted", title: "Data i regionerna" });
  });

  test("someone else's proposal cannot be edited or withdrawn", async () => {
    const f = eventWithCall();
    const { id } = await submitted(f.event.id);
    const other = account();
    expect(await saveProposal({ user: other, eventId: f.event.id, proposalId: id, input: input({ title: "Kapat" }), submit: false })).toEqual({
      ok: false,
      errors: { form: "Förslaget finns inte, eller så är det inte ditt." },
    });
    expect(withdrawProposal({ user: other, proposalId: id })).toEqual({ ok: false, message: "Förslaget finns inte, eller så är det inte ditt." });
    expect(row(id).state).toBe("submitted");
  });

  test("withdrawing: återkallat, and then it cannot be edited", async () => {
    const f = eventWithCall();
    const { id, who } = await submitted(f.event.id);
    expect(withdrawProposal({ user: who, proposalId: id })).toEqual({ ok: true });
    expect(row(id).state).toBe("withdrawn");
    const again = await saveProposal({ user: who, eventId: f.event.id, proposalId: id, input: input(), submit: true });
    expect(again.ok).toBe(false);
  });

  test("the form's schema: choices from the call, co-speakers need a name and an address, submission needs an abstract", () => {
    const schema = proposalSchema({ formats: ["Lärpass"], tracks: ["Analys"], languages: ["sv"] }, { submit: true });
    const base = { title: "Titel", abstract: "kort", format: "Workshop", track: "Okänt", language: "en", organisation: "", message: "", co1Name: "", co1Organisation: "LTU", co1Email: "inte-en-adress", co2Name: "", co2Organisation: "", co2Email: "", co3Name: "", co3Organisation: "", co3Email: "" };
    const r = schema.safeParse(base);
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path[0]).sort();
    expect(paths).toEqual(["abstract", "co1Email", "co1Name", "format", "language", "track"]);
  });
});

describe("drafts kept over an expired session", () => {
  test("stash, take back for the same form only, drop", () => {
    const f = eventWithCall();
    const token = stashDraft({ eventId: f.event.id, proposalId: null, values: { title: "Skrivet innan", abstract: "Text", evil: "x" } })!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(takeDraft({ token, eventId: f.event.id, proposalId: null })).toMatchObject({ title: "Skrivet innan", abstract: "Text" });
    // Only the form's fields are kept, each cut at 10 000 characters.
    const long = stashDraft({ eventId: f.event.id, proposalId: null, values: { message: "x".repeat(50_000) } })!;
    expect(takeDraft({ token: long, eventId: f.event.id, proposalId: null })!.message).toHaveLength(10_000);
    expect(db.select().from(proposalDrafts).all().every((d) => !("evil" in d.values))).toBe(true);
    expect(takeDraft({ token, eventId: f.event.id, proposalId: 123 })).toBeNull();
    expect(takeDraft({ token: "fel", eventId: f.event.id, proposalId: null })).toBeNull();
    expect(takeDraft({ token, eventId: f.event.id, proposalId: null, now: new Date(Date.now() + 25 * HOUR) })).toBeNull();
    dropDraft({ token });
    expect(takeDraft({ token, eventId: f.event.id, proposalId: null })).toBeNull();
  });
});

describe("reviews", () => {
  test("scores of others are hidden until you have scored; the table has average, spread and count", async () => {
    const f = eventWithCall();
    const { id } = await submitted(f.event.id);
    const a = account("organiser", "Arrangör A");
    const b = account("organiser", "Arrangör B");
    expect(saveReview({ user: a, proposalId: id, scores: [5, 3], comment: "Bra" })).toEqual({ ok: true });
    expect(row(id).state).toBe("in_review");
    const seenByB = getProposalForReview({ user: b, proposalId: id })!;
    expect(seenByB.others).toBeNull();
    expect(seenByB.otherCount).toBe(1);
    expect(listEventProposals({ eventId: f.event.id, viewer: b }).rows[0].stats).toBeNull();
    expect(saveReview({ user: b, proposalId: id, scores: [2, 2], comment: "Oklart" })).toEqual({ ok: true });
    const afterB = getProposalForReview({ user: b, proposalId: id })!;
    expect(afterB.others?.map((r) => r.comment)).toEqual(["Bra"]);
    expect(afterB.stats).toEqual({ average: 3, spread: 2, count: 2 });
    expect(reviewStats([])).toEqual({ average: null, spread: null, count: 0 });
  });

  test("a reviewer of one event cannot review another's proposals; a plain member cannot review", async () => {
    const one = eventWithCall();
    const two = eventWithCall();
    const reviewer = account();
    expect(grantReviewer({ eventId: one.event.id, email: reviewer.email.toUpperCase() })).toEqual({ ok: true });
    const p1 = await submitted(one.event.id);
    const p2 = await submitted(two.event.id);
    expect(saveReview({ user: reviewer, proposalId: p1.id, scores: [4, 4], comment: "" })).toEqual({ ok: true });
    expect(saveReview({ user: reviewer, proposalId: p2.id, scores: [4, 4], comment: "" })).toEqual({ ok: false, errors: { form: "Du bedömer inte förslagen till det här evenemanget." } });
    expect(getProposalForReview({ user: reviewer, proposalId: p2.id })).toBeNull();
    expect(getProposalForReview({ user: account(), proposalId: p1.id })).toBeNull();
    expect(grantReviewer({ eventId: one.event.id, email: "ingen@example.se" })).toMatchObject({ ok: false });
  });

  test("filters and counts by state, track and organisation; drafts are not listed", async () => {
    const f = eventWithCall();
    await submitted(f.event.id);
    const me = account();
    await saveProposal({ user: me, eventId: f.event.id, proposalId: null, input: input({ track: "Innovation", organisation: "Tillväxtverket" }), submit: true });
    await saveProposal({ user: me, eventId: f.event.id, proposalId: null, input: input({ title: "Bara ett utkast" }), submit: false });
    const organiser = account("organiser");
    const all = listEventProposals({ eventId: f.event.id, viewer: organiser });
    expect(all.counts.total).toBe(2);
    expect(all.counts.track).toEqual([["Analys", 1], ["Innovation", 1]]);
    expect(all.counts.organisation).toEqual([["Region Norrbotten", 1], ["Tillväxtverket", 1]]);
    expect(listEventProposals({ eventId: f.event.id, viewer: organiser, filters: { organisation: "Tillväxtverket" } }).rows.map((r) => r.track)).toEqual(["Innovation"]);
    expect(listEventProposals({ eventId: f.event.id, viewer: organiser, filters: { state: "accepted" } }).rows).toEqual([]);
  });
});

describe("decisions", () => {
  test("accepting makes one draft lärpass with matched speakers and organisations, invitations, mail and history; twice is still one", async () => {
    const f = eventWithCall();
    // An existing speaker with the co-speaker's name and organisation: matched, not duplicated.
    const ltu = db.insert(organisations).values({ name: "Luleå tekniska universitet", slug: `ltu-${process.pid}` }).returning().get();
    const bo = db.insert(speakers).values({ name: "Bo Berg", slug: `bo-berg-${process.pid}-${n}`, organisationId: ltu.id }).returning().get();
    const { id, who } = await submitted(f.event.id);
    const organiser = account("organiser", "Olle Arrangör");
    const first = await decideProposals({ user: organiser, eventId: f.event.id, ids: [id], decision: "accept", message: "Välkommen!" });
    expect(first).toMatchObject({ ok: true, decided: [id] });
    const second = await decideProposals({ user: organiser, eventId: f.event.id, ids: [id], decision: "accept", message: "" });
    expect(second).toMatchObject({ ok: true, decided: [], skipped: [{ id, reason: "redan antaget" }] });
    const made = db.select().from(larpass).where(eq(larpass.proposalId, id)).all();
    expect(made).toHaveLength(1);
    expect(made[0]).toMatchObject({ status: "draft", timeSlotId: null, roomId: null, title: "Data i regionerna", track: "Analys" });
    const speakerIds = db.select().from(larpassSpeakers).where(eq(larpassSpeakers.larpassId, made[0].id)).orderBy(larpassSpeakers.position).all().map((l) => l.speakerId);
    expect(speakerIds).toHaveLength(2);
    expect(speakerIds[1]).toBe(bo.id);
    const proposer = db.select().from(speakers).where(eq(speakers.id, speakerIds[0])).get()!;
    expect(proposer).toMatchObject({ name: "Anna Andersson", userId: who.id });
    expect(db.select().from(users).where(eq(users.id, who.id)).get()!.role).toBe("speaker");
    expect(mailsTo(who.email).map((m) => m.subject)).toEqual([
      "Ditt förslag är inskickat: Data i regionerna",
      "Du är inbjuden som talare på Lärpass",
      "Ditt förslag är antaget: Data i regionerna",
    ]);
    expect(mailsTo("bo.berg@example.se").map((m) => m.subject)).toContain("Du är inbjuden som talare på Lärpass");
    expect(mailsTo(who.email).at(-1)!.body).toContain("Välkommen!");
    const history = db.select().from(revisions).where(eq(revisions.larpassId, made[0].id)).all();
    expect(history[0].authorLabel).toMatch(/^Förslag av Anna Andersson/);
    expect(history[0].before).toBeNull();
    expect(row(id).state).toBe("accepted");
  });

  test("the unique index itself refuses a second lärpass for one proposal", async () => {
    const f = eventWithCall();
    const { id } = await submitted(f.event.id);
    await decideProposals({ user: account("organiser"), eventId: f.event.id, ids: [id], decision: "accept", message: "" });
    expect(() => db.insert(larpass).values({ eventId: f.event.id, slug: `dubblett-${id}`, title: "Dubblett", proposalId: id }).run()).toThrow(/UNIQUE/);
  });

  test("several at once: rejected with the template and a message; asking for changes sends it back to draft", async () => {
    const f = eventWithCall();
    const a = await submitted(f.event.id);
    const b = await submitted(f.event.id);
    const c = await submitted(f.event.id);
    const organiser = account("organiser");
    const r = await decideProposals({ user: organiser, eventId: f.event.id, ids: [a.id, b.id], decision: "reject", message: "Lycka till nästa år." });
    expect(r).toMatchObject({ ok: true, decided: [a.id, b.id] });
    const mail = mailsTo(a.who.email).at(-1)!;
    expect(mail.subject).toBe("Beslut om ditt förslag: Data i regionerna");
    expect(mail.body).toContain('Hej Anna Andersson! Tyvärr blev det inte "Data i regionerna" den här gången.');
    expect(mail.body).toContain("Lycka till nästa år.");
    expect(db.select().from(larpass).where(eq(larpass.eventId, f.event.id)).all()).toEqual([]);
    await decideProposals({ user: organiser, eventId: f.event.id, ids: [c.id], decision: "changes", message: "Korta titeln." });
    expect(row(c.id)).toMatchObject({ state: "draft", decisionMessage: "Korta titeln." });
    expect(listEventProposals({ eventId: f.event.id, viewer: organiser }).counts).toMatchObject({ total: 2, awaitingChanges: 1 });
    // The proposer changes it and sends it in again: back in the list, with a new confirmation.
    const resent = await saveProposal({ user: c.who, eventId: f.event.id, proposalId: c.id, input: input({ title: "Kortare" }), submit: true });
    expect(resent).toMatchObject({ ok: true, submitted: true });
    expect(listEventProposals({ eventId: f.event.id, viewer: organiser }).counts).toMatchObject({ total: 3, awaitingChanges: 0 });
    expect(db.select().from(proposalRevisions).where(eq(proposalRevisions.proposalId, c.id)).all().map((h) => h.what)).toEqual(["submitted", "changes", "submitted"]);
  });

  test("a proposal of another event is not decided through this one", async () => {
    const one = eventWithCall();
    const two = eventWithCall();
    const p = await submitted(two.event.id);
    expect(await decideProposals({ user: account("organiser"), eventId: one.event.id, ids: [p.id], decision: "reject", message: "" })).toMatchObject({ ok: false });
    expect(row(p.id).state).toBe("submitted");
  });
});

test("callWindow: before, open, closed", () => {
  const call = { opensAt: new Date("2026-01-01T00:00:00Z"), closesAt: new Date("2026-02-01T00:00:00Z") };
  expect(callWindow(call, new Date("2025-12-31T23:59:59Z")).state).toBe("before");
  expect(callWindow(call, new Date("2026-01-15T00:00:00Z")).state).toBe("open");
  expect(callWindow(call, new Date("2026-02-01T00:00:00Z")).state).toBe("closed");
});

test("Mitt konto: the data export lists one's proposals; deleting the account removes them, except accepted ones (now lärpass)", async () => {
  const { deleteAccount, exportPersonalData } = await import("@/lib/account");
  const f = eventWithCall();
  const me = account();
  const kept = await submitted(f.event.id, me);
  const gone = await submitted(f.event.id, me);
  expect(exportPersonalData({ userId: me.id })!.forslag.map((p) => p.titel)).toEqual(["Data i regionerna", "Data i regionerna"]);
  await decideProposals({ user: account("organiser"), eventId: f.event.id, ids: [kept.id], decision: "accept", message: "" });
  await deleteAccount({ userId: me.id });
  expect(db.select().from(proposals).where(eq(proposals.id, gone.id)).get()).toBeUndefined();
  expect(row(kept.id)).toMatchObject({ state: "accepted", userId: null, proposerName: "Anna Andersson" });
});

test("deleting a reviewer's account keeps the review for the organisers without the reviewer's name or e-mail", async () => {
  const { deleteAccount } = await import("@/lib/account");
  const f = eventWithCall();
  const { id } = await submitted(f.event.id);
  const reviewer = account("member", "Rut Granskare");
  expect(grantReviewer({ eventId: f.event.id, email: reviewer.email })).toEqual({ ok: true });
  expect(saveReview({ user: reviewer, proposalId: id, scores: [4, 5], comment: "Tydligt" })).toEqual({ ok: true });
  const signed = () => [
    ...db.select({ label: proposalReviews.reviewerLabel }).from(proposalReviews).where(eq(proposalReviews.proposalId, id)).all(),
    ...db.select({ label: proposalRevisions.authorLabel }).from(proposalRevisions).where(eq(proposalRevisions.proposalId, id)).all(),
  ].map((r) => r.label);
  expect(signed().some((l) => l.includes(reviewer.email) || l.includes("Rut Granskare"))).toBe(true);
  await deleteAccount({ userId: reviewer.id });
  expect(signed().some((l) => l.includes(reviewer.email) || l.includes("Rut Granskare"))).toBe(false);
  expect(db.select().from(proposalReviews).where(eq(proposalReviews.proposalId, id)).all()).toMatchObject([{ reviewerLabel: "Borttaget konto", comment: "Tydligt" }]);
});
