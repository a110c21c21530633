// Invitations and links between speakers and accounts, against the file's own migrated SQLite database:
// an invitation links an existing account at once, a sign-in links an invited address, an address that
// was only typed in (never invited) does not link, and one account is at most one speaker.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { speakers, users } from "@/db/schema";
import type { Role } from "@/lib/domain";
import { authEvents } from "@/lib/auth/events";
import { readOutbox } from "@/lib/mail";
import { useTempOutbox } from "@/test/factories";
import { getSpeakerLink, inviteSpeaker, linkInvitedSpeaker, unlinkSpeaker } from "./invite";

useTempOutbox();
beforeAll(() => {
  vi.spyOn(console, "log").mockImplementation(() => {});
});

let n = 0;
function speaker(values: Partial<typeof speakers.$inferInsert> = {}) {
  n += 1;
  return db.insert(speakers).values({ name: `Talare ${n}`, slug: `talare-inv-${n}`, ...values }).returning().get();
}
function account(role: Role = "member", email = `konto-${++n}@example.se`) {
  return db.insert(users).values({ email, role }).returning().get();
}
const speakerRow = (id: number) => db.select().from(speakers).where(eq(speakers.id, id)).get()!;
const roleOf = (id: string) => db.select({ role: users.role }).from(users).where(eq(users.id, id)).get()!.role;

describe("inviteSpeaker", () => {
  it("links an existing account with the address at once (any letter case) and makes it a speaker", async () => {
    const s = speaker();
    const u = account("member", `Anna.Berg-${n}@Region.se`);
    const result = await inviteSpeaker({ speakerId: s.id, email: u.email!.toUpperCase() });
    expect(result).toEqual({ ok: true, linkedTo: u.email });
    const after = speakerRow(s.id);
    expect(after.userId).toBe(u.id);
    expect(after.invitedAt).toBeInstanceOf(Date);
    expect(after.email).toBe(u.email!.toLowerCase());
    expect(roleOf(u.id)).toBe("speaker");
  });

  it("never lowers an organiser", async () => {
    const s = speaker();
    const u = account("organiser");
    await inviteSpeaker({ speakerId: s.id, email: u.email! });
    expect(speakerRow(s.id).userId).toBe(u.id);
    expect(roleOf(u.id)).toBe("organiser");
  });

  it("mails the invitation with a sign-in link that leads to Mina lärpass", async () => {
    const s = speaker({ name: "Per Erik Andersson" });
    const email = `ny-talare-${n}@example.se`;
    const result = await inviteSpeaker({ speakerId: s.id, email });
    expect(result).toEqual({ ok: true, linkedTo: null });
    const [mail] = readOutbox({ to: email });
    expect(mail.subject).toBe("Du är inbjuden som talare på Lärpass");
    expect(mail.text).toContain("Hej Per Erik Andersson!");
    // The link signs the speaker in directly (one mail), and leads to Mina lärpass.
    const link = new URL(mail.text.match(/https?:\/\/\S+\/api\/auth\/callback\/nodemailer\S+/)![0]);
    expect(link.searchParams.get("email")).toBe(email);
    expect(new URL(link.searchParams.get("callbackUrl")!).pathname).toBe("/mina-larpass");
    expect(link.searchParams.get("token")).toMatch(/^[0-9a-f]{64}$/);
    // Nobody has that address yet: nothing is linked until it signs in.
    expect(speakerRow(s.id).userId).toBeNull();
  });

  it("refuses an address that already speaks as another speaker, and writes nothing", async () => {
    const first = speaker();
    const second = speaker({ email: "gammal@example.se" });
    const u = account();
    await inviteSpeaker({ speakerId: first.id, email: u.email! });
    const before = speakerRow(second.id);
    const mails = readOutbox().length;
    const result = await inviteSpeaker({ speakerId: second.id, email: u.email! });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.email).toContain(`redan kopplad till talaren ${first.name}`);
    expect(speakerRow(second.id)).toEqual(before);
    expect(readOutbox().length).toBe(mails);
  });

  it("refuses an address already invited as another speaker (it could only link to one)", async () => {
    const first = speaker();
    const second = speaker();
    const email = `dubbel-${n}@example.se`;
    await inviteSpeaker({ speakerId: first.id, email });
    const result = await inviteSpeaker({ speakerId: second.id, email });
    expect(!result.ok && result.errors.email).toContain(`redan inbjuden som talaren ${first.name}`);
    expect(speakerRow(second.id).invitedAt).toBeNull();
  });

  it("refuses to invite a new address for a speaker linked to another account", async () => {
    const s = speaker();
    const u = account();
    await inviteSpeaker({ speakerId: s.id, email: u.email! });
    const result = await inviteSpeaker({ speakerId: s.id, email: `annan-${n}@example.se` });
    expect(!result.ok && result.errors.email).toContain(`redan kopplad till kontot ${u.email}`);
    expect(speakerRow(s.id).userId).toBe(u.id);
    expect(speakerRow(s.id).email).toBe(u.email);
  });

  it("answers for a speaker that no longer exists", async () => {
    const result = await inviteSpeaker({ speakerId: 999_999, email: "x@example.se" });
    expect(!result.ok && result.errors.form).toMatch(/finns inte längre/);
  });
});

describe("signing in", () => {
  it("links an invited address when it signs in and makes it a speaker (the Auth.js signIn event)", async () => {
    const s = speaker();
    const email = `inbjuden-${n}@example.se`;
    await inviteSpeaker({ speakerId: s.id, email });
    // What the Drizzle adapter does at the first sign-in: a new member account with that address.
    const u = account("member", `Inbjuden-${n}@Example.se`);
    await authEvents(db).signIn({ user: { id: u.id, email: u.email } });
    expect(speakerRow(s.id).userId).toBe(u.id);
    expect(roleOf(u.id)).toBe("speaker");
  });

  it("does not link an address that was typed in but never invited", () => {
    const email = `bara-ifylld-${n}@example.se`;
    const s = speaker({ email });
    const u = account("member", email);
    expect(linkInvitedSpeaker({ userId: u.id, email })).toBeNull();
    expect(speakerRow(s.id).userId).toBeNull();
    expect(roleOf(u.id)).toBe("member");
  });

  it("links nothing new for an account that already speaks as someone", async () => {
    const u = account();
    const mine = speaker();
    await inviteSpeaker({ speakerId: mine.id, email: u.email! });
    // Another speaker record has the same address typed in and an old invitation (e.g. before a merge).
    const other = speaker({ email: u.email!, invitedAt: new Date() });
    expect(linkInvitedSpeaker({ userId: u.id, email: u.email! })).toBe(mine.id);
    expect(speakerRow(other.id).userId).toBeNull();
  });
});

describe("unlinkSpeaker", () => {
  it("removes the link and the invitation, and the account is a member again", async () => {
    const s = speaker();
    const u = account();
    await inviteSpeaker({ speakerId: s.id, email: u.email! });
    expect(getSpeakerLink({ speakerId: s.id })?.account?.email).toBe(u.email);
    expect(unlinkSpeaker({ speakerId: s.id })).toBe(true);
    expect(speakerRow(s.id)).toMatchObject({ userId: null, invitedAt: null });
    expect(roleOf(u.id)).toBe("member");
    // The old invitation does not come back at the next sign-in.
    expect(linkInvitedSpeaker({ userId: u.id, email: u.email! })).toBeNull();
  });

  it("leaves an organiser an organiser", async () => {
    const s = speaker();
    const u = account("organiser");
    await inviteSpeaker({ speakerId: s.id, email: u.email! });
    unlinkSpeaker({ speakerId: s.id });
    expect(roleOf(u.id)).toBe("organiser");
  });
});

describe("the organiser's speaker form", () => {
  it("voids the invitation when the address is changed, so the new address cannot link uninvited", async () => {
    const { updateSpeaker } = await import("@/lib/admin/speakers");
    const { speakerSchema } = await import("@/lib/validation/admin");
    const { importAuthor } = await import("@/lib/revisions");
    const s = speaker();
    await inviteSpeaker({ speakerId: s.id, email: `forsta-${n}@example.se` });
    const row = speakerRow(s.id);
    const input = (email: string) =>
      speakerSchema.parse({ name: row.name, slug: row.slug, role: "", organisationId: "", bio: "", email });
    // Same address (other letter case): the invitation stands.
    updateSpeaker({ id: s.id, input: input(row.email!.toUpperCase()), expectedVersion: row.version, author: importAuthor });
    expect(speakerRow(s.id).invitedAt).toEqual(row.invitedAt);
    // A new address: no invitation until the organiser sends one.
    const other = `andra-${n}@example.se`;
    updateSpeaker({ id: s.id, input: input(other), expectedVersion: speakerRow(s.id).version, author: importAuthor });
    expect(speakerRow(s.id).invitedAt).toBeNull();
    const u = account("member", other);
    expect(linkInvitedSpeaker({ userId: u.id, email: other })).toBeNull();
  });
});
