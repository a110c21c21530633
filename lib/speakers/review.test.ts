// Speakers' edits under review (lib/speakers/review.ts) against the file's own migrated SQLite database:
// with review on, a speaker's save of a published lärpass waits and the public abstract stays; the
// organiser approves (written, revision by the speaker, public change, mails) or sends it back with a
// message (nothing public changes); drafts and events without review go live at once.
import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { larpass, larpassSpeakers, mailQueue, programmeChanges, revisions, speakerEdits, speakers, users } from "@/db/schema";
import { chooseLarpass } from "@/lib/registrations";
import type { RevisionAuthor } from "@/lib/revisions";
import { createEvent, createUsers, useTempOutbox } from "@/test/factories";
import { abstractSchema } from "@/lib/validation/speaker";
import { updateOwnAbstract } from "./edit";
import { approveSpeakerEdit, decisionMessages, listPendingReviews, listRecentSpeakerEdits, myReviewStates, returnSpeakerEdit } from "./review";

useTempOutbox();

const organiser: RevisionAuthor = { userId: null, label: "arrangor@example.se", role: "organiser" };
let n = 0;

function world({ reviewed = true, status = "published" as "published" | "draft" } = {}) {
  n += 1;
  const f = createEvent(db, { speakerEditsReviewed: reviewed });
  const lp = f.larpass({ slot: f.slot("09:00", "09:45"), room: f.room(30, `Granskningssal ${n}`), title: `Granskat pass ${n}`, status });
  db.update(larpass).set({ abstract: "Den godkända texten om kartor." }).where(eq(larpass.id, lp.id)).run();
  const user = db.insert(users).values({ email: `granskad-${n}@example.se`, name: `Granskad ${n}`, role: "speaker" }).returning().get();
  const speaker = db
    .insert(speakers)
    .values({ name: `Granskad ${n}`, slug: `granskad-${n}`, userId: user.id, invitedAt: new Date(), email: user.email })
    .returning()
    .get();
  db.insert(larpassSpeakers).values({ larpassId: lp.id, speakerId: speaker.id }).run();
  const caller = { id: user.id, email: user.email!, name: user.name, role: user.role };
  return { f, lp: row(lp.id), user, caller, label: `${user.name} (${user.email})` };
}

const row = (id: number) => db.select().from(larpass).where(eq(larpass.id, id)).get()!;
const input = (larpassId: number, version: number, abstract: string) =>
  abstractSchema.parse({ larpassId: String(larpassId), version: String(version), abstract });
const mailsTo = (to: string) => db.select().from(mailQueue).where(eq(mailQueue.to, to)).orderBy(asc(mailQueue.id)).all();
const editsOf = (larpassId: number) => db.select().from(speakerEdits).where(eq(speakerEdits.larpassId, larpassId)).orderBy(asc(speakerEdits.id)).all();

describe("a speaker's edit with review on", () => {
  it("waits: the public abstract, version, revisions and change log stay; the speaker sees it pending; a second save replaces the proposal", () => {
    const { lp, caller, label } = world();
    const result = updateOwnAbstract({ user: caller, input: input(lp.id, lp.version, "Den nya texten om kartor och data.") });
    expect(result).toEqual({ ok: true, version: lp.version, pending: true });
    expect(row(lp.id)).toMatchObject({ abstract: "Den godkända texten om kartor.", version: lp.version });
    expect(db.select().from(revisions).where(eq(revisions.larpassId, lp.id)).all()).toHaveLength(0);
    expect(db.select().from(programmeChanges).where(eq(programmeChanges.larpassId, lp.id)).all()).toHaveLength(0);
    expect(myReviewStates({ larpassIds: [lp.id] }).get(lp.id)).toMatchObject({ state: "pending", abstract: "Den nya texten om kartor och data." });

    updateOwnAbstract({ user: caller, input: input(lp.id, lp.version, "Den tredje texten.") });
    expect(editsOf(lp.id).map((e) => [e.status, e.abstract])).toEqual([["pending", "Den tredje texten."]]);
    const [item] = listPendingReviews({ eventId: lp.eventId });
    expect(item).toMatchObject({ larpassId: lp.id, larpassVersion: lp.version, authorLabel: label });
    // The word diff against what the programme shows now.
    expect(item.diff.filter((p) => p.change !== "same").map((p) => [p.change, p.text.trim()])).toEqual([
      ["removed", "godkända"],
      ["added", "tredje"],
      ["removed", "om kartor"],
    ]);
  });

  it("approve: the abstract goes public with a revision by the speaker, the public change, the speaker's mail and the members' digest", async () => {
    const { lp, caller, user, label } = world();
    const [member] = createUsers(db, 1);
    await chooseLarpass({ userId: member.id, larpassId: lp.id, waitlist: false });
    updateOwnAbstract({ user: caller, input: input(lp.id, lp.version, "Den nya texten.") });
    const [item] = listPendingReviews({ eventId: lp.eventId });

    const result = approveSpeakerEdit({ editId: item.id, expectedVersion: lp.version, organiser });
    expect(result).toMatchObject({ ok: true, larpassId: lp.id });
    expect(row(lp.id)).toMatchObject({ abstract: "Den nya texten.", version: lp.version + 1 });
    const [rev] = db.select().from(revisions).where(eq(revisions.larpassId, lp.id)).all();
    expect(rev).toMatchObject({ authorId: user.id, authorRole: "speaker", authorLabel: `${label}, godkänd av arrangor@example.se` });
    expect(db.select().from(programmeChanges).where(eq(programmeChanges.larpassId, lp.id)).all()).toMatchObject([{ kind: "abstract" }]);
    expect(mailsTo(user.email!)).toMatchObject([{ subject: `Din ändring är godkänd: ${lp.title}` }]);
    expect(mailsTo(member.email)).toMatchObject([{ subject: `Ändrat: ${lp.title}` }]);
    expect(mailsTo(member.email)[0].body).toContain("Sammanfattningen är uppdaterad.");
    expect(editsOf(lp.id)).toMatchObject([{ status: "approved", decidedBy: "arrangor@example.se" }]);
    expect(listPendingReviews({ eventId: lp.eventId })).toEqual([]);
    expect(myReviewStates({ larpassIds: [lp.id] }).get(lp.id)).toBeNull();

    // Deciding twice, or on a stale page, writes nothing.
    expect(approveSpeakerEdit({ editId: item.id, expectedVersion: lp.version + 1, organiser })).toMatchObject({ ok: false, message: decisionMessages.decided });
  });

  it("send back: nothing public changes, the speaker gets the message by mail and sees it until they save again", () => {
    const { lp, caller, user } = world();
    updateOwnAbstract({ user: caller, input: input(lp.id, lp.version, "En text med fel.") });
    const [item] = listPendingReviews({ eventId: lp.eventId });
    const result = returnSpeakerEdit({ editId: item.id, expectedVersion: lp.version, message: "Stryk sista meningen, tack.", organiser });
    expect(result).toMatchObject({ ok: true });
    expect(row(lp.id)).toMatchObject({ abstract: "Den godkända texten om kartor.", version: lp.version });
    const [mail] = mailsTo(user.email!);
    expect(mail.subject).toBe(`Din ändring behöver ses över: ${lp.title}`);
    expect(mail.body).toContain("Stryk sista meningen, tack.");
    expect(myReviewStates({ larpassIds: [lp.id] }).get(lp.id)).toMatchObject({ state: "returned", message: "Stryk sista meningen, tack.", abstract: "En text med fel." });

    updateOwnAbstract({ user: caller, input: input(lp.id, lp.version, "En rättad text.") });
    expect(myReviewStates({ larpassIds: [lp.id] }).get(lp.id)).toMatchObject({ state: "pending", abstract: "En rättad text." });
  });

  it("a stale page (the lärpass changed since) decides nothing", () => {
    const { lp, caller } = world();
    updateOwnAbstract({ user: caller, input: input(lp.id, lp.version, "Ny.") });
    const [item] = listPendingReviews({ eventId: lp.eventId });
    db.update(larpass).set({ version: lp.version + 1 }).where(eq(larpass.id, lp.id)).run();
    expect(approveSpeakerEdit({ editId: item.id, expectedVersion: lp.version, organiser })).toMatchObject({ ok: false, reason: "stale" });
    expect(returnSpeakerEdit({ editId: item.id, expectedVersion: lp.version, message: "x", organiser })).toMatchObject({ ok: false, reason: "stale" });
    expect(editsOf(lp.id)).toMatchObject([{ status: "pending" }]);
    expect(approveSpeakerEdit({ editId: 999_999, expectedVersion: 1, organiser })).toMatchObject({ ok: false, reason: "gone" });
  });
});

describe("without review, and drafts", () => {
  it("an event without review: the edit is live at once, and the overview lists it", () => {
    const { lp, caller, label } = world({ reviewed: false });
    expect(updateOwnAbstract({ user: caller, input: input(lp.id, lp.version, "Genast.") })).toEqual({ ok: true, version: lp.version + 1 });
    expect(row(lp.id).abstract).toBe("Genast.");
    expect(editsOf(lp.id)).toEqual([]);
    expect(listRecentSpeakerEdits({ eventId: lp.eventId })).toMatchObject([
      { who: label, what: `sammanfattningen av ${lp.title}`, pending: false, href: `/arrangor/larpass/${lp.id}/historik` },
    ]);
  });

  it("a draft is never public, so its edit is not held back even with review on", () => {
    const { lp, caller } = world({ status: "draft" });
    expect(updateOwnAbstract({ user: caller, input: input(lp.id, lp.version, "Utkastets text.") })).toEqual({ ok: true, version: lp.version + 1 });
    expect(row(lp.id).abstract).toBe("Utkastets text.");
  });

  it("the overview lists pending edits too, newest first", () => {
    const { lp, caller } = world();
    updateOwnAbstract({ user: caller, input: input(lp.id, lp.version, "Väntar.") });
    expect(listRecentSpeakerEdits({ eventId: lp.eventId })).toMatchObject([{ pending: true, href: expect.stringMatching(/^\/arrangor\/granska#granska-\d+$/) }]);
  });
});
