// A speaker's own edits against the file's own migrated SQLite database: only their own lärpass, only
// before the deadline, never over someone else's newer save, only the abstract and their own profile,
// with a revision for the history and a public change for a published lärpass.
import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { events, larpass, larpassSpeakers, organisations, programmeChanges, revisions, speakers, users } from "@/db/schema";
import type { Role } from "@/lib/domain";
import { updateEvent } from "@/lib/admin/events";
import { chooseLarpass } from "@/lib/registrations";
import { eventSchema } from "@/lib/validation/admin";
import { createEvent, createUsers, useTempOutbox } from "@/test/factories";
import { abstractSchema, profileSchema } from "@/lib/validation/speaker";
import { updateOwnAbstract, updateOwnProfile } from "./edit";
import { getMyLarpassForEdit, getMyProfile, listMyLarpass } from "./mine";

useTempOutbox();

let n = 0;
function speakerWithAccount(role: Role = "speaker", values: Partial<typeof speakers.$inferInsert> = {}) {
  n += 1;
  const user = db.insert(users).values({ email: `talare-red-${n}@example.se`, name: `Talare ${n}`, role }).returning().get();
  const speaker = db
    .insert(speakers)
    .values({ name: `Talare ${n}`, slug: `talare-red-${n}`, userId: user.id, invitedAt: new Date(), email: user.email, ...values })
    .returning()
    .get();
  const caller = { id: user.id, email: user.email!, name: user.name, role: user.role };
  return { user, speaker, caller };
}

function world(eventValues: Parameters<typeof createEvent>[1] = {}) {
  const f = createEvent(db, eventValues);
  const slot = f.slot("09:00", "09:45");
  const room = f.room(30, `Sal ${++n}`);
  const lp = f.larpass({ slot, room, title: `Lärpass ${n}`, status: "published" });
  db.update(larpass).set({ abstract: "Den gamla sammanfattningen." }).where(eq(larpass.id, lp.id)).run();
  const me = speakerWithAccount();
  db.insert(larpassSpeakers).values({ larpassId: lp.id, speakerId: me.speaker.id }).run();
  return { f, slot, room, lp: db.select().from(larpass).where(eq(larpass.id, lp.id)).get()!, me };
}

const row = (id: number) => db.select().from(larpass).where(eq(larpass.id, id)).get()!;
const speakerRow = (id: number) => db.select().from(speakers).where(eq(speakers.id, id)).get()!;
const changesOf = (larpassId: number) => db.select().from(programmeChanges).where(eq(programmeChanges.larpassId, larpassId)).all();
const revisionsOf = (where: { larpassId?: number; speakerId?: number }) =>
  db
    .select()
    .from(revisions)
    .where(where.larpassId ? eq(revisions.larpassId, where.larpassId) : eq(revisions.speakerId, where.speakerId!))
    .orderBy(asc(revisions.id))
    .all();
const abstractInput = (larpassId: number, version: number, abstract: string) =>
  abstractSchema.parse({ larpassId: String(larpassId), version: String(version), abstract });
const profileInput = (version: number, v: { role?: string; organisation?: string; bio?: string }) =>
  profileSchema.parse({ version: String(version), role: v.role ?? "", organisation: v.organisation ?? "", bio: v.bio ?? "" });

describe("updateOwnAbstract", () => {
  it("saves the abstract, bumps the version, records a revision by the speaker and a public change", () => {
    const { lp, me } = world();
    const result = updateOwnAbstract({ user: me.caller, input: abstractInput(lp.id, lp.version, "Den *nya* sammanfattningen.\r\n") });
    expect(result).toEqual({ ok: true, version: lp.version + 1 });
    expect(row(lp.id)).toMatchObject({ abstract: "Den *nya* sammanfattningen.", version: lp.version + 1 });
    const [rev] = revisionsOf({ larpassId: lp.id });
    expect(rev).toMatchObject({ entity: "larpass", authorId: me.user.id, authorRole: "speaker", version: lp.version + 1 });
    expect(rev.authorLabel).toContain(me.user.email);
    expect(rev.before).toMatchObject({ abstract: "Den gamla sammanfattningen.", title: lp.title });
    expect(rev.after).toMatchObject({ abstract: "Den *nya* sammanfattningen.", title: lp.title });
    expect(changesOf(lp.id)).toEqual([
      expect.objectContaining({ kind: "abstract", before: "Den gamla sammanfattningen.", after: "Den *nya* sammanfattningen." }),
    ]);
  });

  it("writes no public change for a draft (still a revision)", () => {
    const { lp, me } = world();
    db.update(larpass).set({ status: "draft" }).where(eq(larpass.id, lp.id)).run();
    expect(updateOwnAbstract({ user: me.caller, input: abstractInput(lp.id, lp.version, "Utkastets text.") }).ok).toBe(true);
    expect(changesOf(lp.id)).toEqual([]);
    expect(revisionsOf({ larpassId: lp.id })).toHaveLength(1);
  });

  it("refuses another speaker's lärpass and writes nothing", () => {
    const { lp } = world();
    const stranger = speakerWithAccount();
    const result = updateOwnAbstract({ user: stranger.caller, input: abstractInput(lp.id, lp.version, "Kapat!") });
    expect(result).toMatchObject({ ok: false, refused: "not-yours" });
    expect(row(lp.id)).toEqual(lp);
    expect(revisionsOf({ larpassId: lp.id })).toEqual([]);
    expect(getMyLarpassForEdit({ userId: stranger.user.id, larpassId: lp.id })).toBeNull();
  });

  it("refuses an organiser who is not a speaker of it here (organisers use their own form)", () => {
    const { lp } = world();
    const organiser = db.insert(users).values({ email: `arr-${++n}@example.se`, role: "organiser" }).returning().get();
    const result = updateOwnAbstract({
      user: { id: organiser.id, email: organiser.email!, role: "organiser" },
      input: abstractInput(lp.id, lp.version, "Via talarsidan"),
    });
    expect(result).toMatchObject({ ok: false, refused: "not-yours" });
  });

  it("refuses after the event's deadline, with the date in Swedish time; allows up to it", () => {
    const deadline = new Date("2018-03-01T22:59:00Z"); // 1 mars 23:59 in Stockholm
    const { lp, me } = world({ speakerEditDeadline: deadline });
    const late = updateOwnAbstract({ user: me.caller, input: abstractInput(lp.id, lp.version, "För sent."), now: new Date(deadline.getTime() + 60_000) });
    expect(late).toMatchObject({ ok: false, refused: "deadline" });
    expect(!late.ok && "errors" in late && late.errors.form).toContain("1 mars 2018 kl. 23:59");
    expect(row(lp.id).abstract).toBe("Den gamla sammanfattningen.");
    const onTime = updateOwnAbstract({ user: me.caller, input: abstractInput(lp.id, lp.version, "I tid."), now: deadline });
    expect(onTime.ok).toBe(true);
  });

  it("takes the deadline the organiser sets in the event form (Swedish time)", () => {
    const { lp, me, f } = world();
    const input = eventSchema.parse({
      name: f.event.name,
      slug: f.event.slug,
      startsOn: f.event.startsOn,
      endsOn: f.event.endsOn,
      venue: "",
      description: "",
      signupOpensAt: "",
      signupClosesAt: "",
      published: "on",
      speakerEditDeadline: "2018-03-01T23:59",
      speakersSeeParticipants: "on",
    });
    expect(updateEvent({ id: f.event.id, input }).ok).toBe(true);
    expect(db.select().from(events).where(eq(events.id, f.event.id)).get()).toMatchObject({
      speakerEditDeadline: new Date("2018-03-01T22:59:00Z"),
      speakersSeeParticipants: true,
    });
    const late = updateOwnAbstract({ user: me.caller, input: abstractInput(lp.id, lp.version, "Sent."), now: new Date("2018-03-01T23:00:00Z") });
    expect(late).toMatchObject({ ok: false, refused: "deadline" });
  });

  it("refuses a save from a stale form with both versions and writes nothing", () => {
    const { lp, me } = world();
    // Someone else (an organiser, or a co-speaker) saved in between.
    db.update(larpass).set({ abstract: "Någon annans text.", version: lp.version + 1 }).where(eq(larpass.id, lp.id)).run();
    const result = updateOwnAbstract({ user: me.caller, input: abstractInput(lp.id, lp.version, "Min text.") });
    expect(result).toMatchObject({
      ok: false,
      conflict: { current: { version: lp.version + 1, abstract: "Någon annans text." }, yours: { abstract: "Min text." } },
    });
    expect(row(lp.id).abstract).toBe("Någon annans text.");
    expect(revisionsOf({ larpassId: lp.id })).toEqual([]);
    // Saved on top of the version now shown: accepted.
    expect(updateOwnAbstract({ user: me.caller, input: abstractInput(lp.id, lp.version + 1, "Min text.") }).ok).toBe(true);
  });

  it("cannot touch the title, time, room, status or speakers, whatever the form sends", () => {
    const { lp, me, f } = world();
    const otherSlot = f.slot("10:00", "10:45");
    const parsed = abstractSchema.parse({
      larpassId: String(lp.id),
      version: String(lp.version),
      abstract: "Ny text.",
      title: "Kapad titel",
      timeSlotId: String(otherSlot.id),
      status: "cancelled",
      speakers: ["id:1"],
    } as Record<string, unknown>);
    expect(Object.keys(parsed).sort()).toEqual(["abstract", "larpassId", "version"]);
    updateOwnAbstract({ user: me.caller, input: { ...parsed, ...({ title: "Kapad titel", timeSlotId: otherSlot.id } as object) } as typeof parsed });
    const after = row(lp.id);
    expect(after).toMatchObject({ title: lp.title, timeSlotId: lp.timeSlotId, roomId: lp.roomId, status: "published", abstract: "Ny text." });
    expect(db.select().from(larpassSpeakers).where(eq(larpassSpeakers.larpassId, lp.id)).all()).toEqual([
      expect.objectContaining({ speakerId: me.speaker.id }),
    ]);
  });
});

describe("updateOwnProfile", () => {
  it("saves role, bio and a new organisation, with a revision and a public change for the organisation", () => {
    const { lp, me } = world();
    const result = updateOwnProfile({ user: me.caller, input: profileInput(1, { role: "Projektledare", organisation: `Region Test ${n}`, bio: "Om mig." }) });
    expect(result).toEqual({ ok: true, version: 2 });
    const s = speakerRow(me.speaker.id);
    expect(s).toMatchObject({ role: "Projektledare", bio: "Om mig.", version: 2, name: me.speaker.name, slug: me.speaker.slug });
    expect(db.select().from(organisations).where(eq(organisations.id, s.organisationId!)).get()!.name).toBe(`Region Test ${n}`);
    const [rev] = revisionsOf({ speakerId: me.speaker.id });
    expect(rev).toMatchObject({ entity: "speaker", authorId: me.user.id, version: 2, before: expect.objectContaining({ bio: "" }) });
    expect(rev.after).toMatchObject({ bio: "Om mig.", role: "Projektledare", organisation: { name: `Region Test ${n}` } });
    expect(changesOf(lp.id)).toEqual([expect.objectContaining({ kind: "speakers", after: `${me.speaker.name}, Region Test ${n}` })]);
  });

  it("picks an existing organisation by name (any letter case) instead of making a second one", () => {
    const { me } = world();
    const org = db.insert(organisations).values({ name: `Luleå tekniska universitet ${++n}`, slug: `ltu-${n}` }).returning().get();
    updateOwnProfile({ user: me.caller, input: profileInput(1, { organisation: org.name.toUpperCase() }) });
    expect(speakerRow(me.speaker.id).organisationId).toBe(org.id);
  });

  it("refuses an account that is not linked to a speaker", () => {
    const member = createUsers(db, 1, "inte-talare")[0];
    const result = updateOwnProfile({ user: { ...member, role: "member" }, input: profileInput(1, { bio: "x" }) });
    expect(result).toMatchObject({ ok: false, refused: "not-yours" });
  });

  it("refuses a stale form with both versions", () => {
    const { me } = world();
    db.update(speakers).set({ bio: "Arrangörens text.", version: 2 }).where(eq(speakers.id, me.speaker.id)).run();
    const result = updateOwnProfile({ user: me.caller, input: profileInput(1, { bio: "Min text." }) });
    expect(result).toMatchObject({ ok: false, conflict: { current: { version: 2, bio: "Arrangörens text." }, yours: { bio: "Min text." } } });
    expect(speakerRow(me.speaker.id).bio).toBe("Arrangörens text.");
  });

  it("closes with the last deadline of the speaker's events", () => {
    const passed = new Date("2018-03-01T12:00:00Z");
    const { me } = world({ speakerEditDeadline: passed });
    const now = new Date("2018-03-02T12:00:00Z");
    expect(updateOwnProfile({ user: me.caller, input: profileInput(1, { bio: "Sent." }), now })).toMatchObject({ ok: false, refused: "deadline" });
    expect(getMyProfile({ userId: me.user.id, now })?.window.open).toBe(false);
    // A lärpass in a later event whose deadline has not passed opens the profile again.
    const later = createEvent(db, { speakerEditDeadline: new Date("2019-03-01T12:00:00Z") });
    const lp2 = later.larpass({});
    db.insert(larpassSpeakers).values({ larpassId: lp2.id, speakerId: me.speaker.id }).run();
    expect(updateOwnProfile({ user: me.caller, input: profileInput(1, { bio: "Nu går det." }), now }).ok).toBe(true);
  });
});

describe("listMyLarpass", () => {
  it("lists the speaker's lärpass with seat numbers, and names only where the event allows it", async () => {
    const { lp, me, f } = world({ speakersSeeParticipants: false });
    const [a, b] = createUsers(db, 2, "deltagare");
    await chooseLarpass({ userId: a.id, larpassId: lp.id });
    await chooseLarpass({ userId: b.id, larpassId: lp.id });
    const [mine] = listMyLarpass({ userId: me.user.id });
    expect(mine).toMatchObject({ id: lp.id, title: lp.title, status: "published", confirmed: 2, waitlisted: 0, participants: null, capacity: 30 });
    expect(mine.event.name).toBe(f.event.name);
    db.update(events).set({ speakersSeeParticipants: true }).where(eq(events.id, f.event.id)).run();
    const [shown] = listMyLarpass({ userId: me.user.id });
    expect(shown.participants?.confirmed.sort()).toEqual(["deltagare 1", "deltagare 2"]);
    // Someone else's account sees nothing of it.
    expect(listMyLarpass({ userId: a.id })).toEqual([]);
  });
});
