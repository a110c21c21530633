// Linking speaker records to accounts. An organiser invites a speaker by e-mail; the invitation is what
// allows the link (an address typed into the speaker form is not that person's consent). If an account
// with the address exists it is linked at once, otherwise when the address signs in. A linked account
// gets the speaker role (an organiser stays an organiser). One account speaks as at most one speaker.
import "server-only";
import { and, eq, isNotNull, isNull, ne, sql } from "drizzle-orm";
import { db as defaultDb, type DB } from "@/db";
import { speakers, users } from "@/db/schema";
import type { Role } from "@/lib/domain";
import { createSignInLink } from "@/lib/auth/email-link";
import { sendQueued, type Mail } from "@/lib/mail";
import { enqueueMails } from "@/lib/mail-queue";
import { siteUrl } from "@/lib/site-url";
import type { InviteField, SpeakerFormErrors } from "@/lib/validation/speaker";

type Tx = Pick<DB, "select" | "insert" | "update" | "delete">;

const sameAddress = (column: typeof speakers.email | typeof users.email, email: string) =>
  sql`lower(${column}) = ${email.trim().toLowerCase()}`;

/** Raises a member to speaker; never lowers anyone (an organiser keeps organising). */
function raiseToSpeaker(tx: Tx, userId: string): void {
  tx.update(users).set({ role: "speaker" }).where(and(eq(users.id, userId), eq(users.role, "member"))).run();
}

/** The invitation signs the speaker in directly: `link` is a sign-in link (lib/auth/email-link.ts). */
export function invitationMail(to: string, speakerName: string, link: string): Mail {
  return {
    to,
    subject: "Du är inbjuden som talare på Lärpass",
    text: [
      `Hej ${speakerName}!`,
      "",
      "Arrangörerna har bjudit in dig att själv hålla sammanfattningen av dina lärpass och din presentation aktuella på Lärpass.",
      "",
      "Klicka på länken så loggas du in och kommer direkt till dina lärpass under Mina lärpass. Länken gäller i 24 timmar och kan bara användas en gång:",
      "",
      link,
      "",
      `Har länken slutat gälla loggar du in med den här adressen på ${siteUrl()}/logga-in.`,
      "Har du inte väntat dig inbjudan kan du strunta i mejlet: ingenting kopplas utan att du loggar in.",
    ].join("\n"),
  };
}

export type InviteResult =
  | { ok: true; linkedTo: string | null }
  | { ok: false; errors: SpeakerFormErrors<InviteField> };

/**
 * Stores the address and the moment of the invitation, links an existing account with that address at
 * once, and mails the invitation (after the commit). Refused when the address already speaks as another
 * speaker, or this speaker is already linked to another account.
 */
export async function inviteSpeaker({
  speakerId,
  email,
  database = defaultDb,
  now = new Date(),
}: {
  speakerId: number;
  email: string;
  database?: DB;
  now?: Date;
}): Promise<InviteResult> {
  let queued: number[] = [];
  const result = database.transaction(
    (tx): InviteResult => {
      const r = inviteInTransaction(tx, { speakerId, email, now });
      if (r.ok) queued = r.mailIds;
      return r.ok ? { ok: true, linkedTo: r.linkedTo } : r;
    },
    { behavior: "immediate" },
  );
  await sendQueued(queued, database);
  return result;
}

/**
 * The invitation inside the caller's transaction (inviteSpeaker, and accepting a proposal): the same checks,
 * the address and moment stored, an existing account linked, and the mail queued in `tx` (send the returned
 * ids with sendQueued after the commit).
 */
export function inviteInTransaction(
  tx: Tx,
  { speakerId, email, now = new Date() }: { speakerId: number; email: string; now?: Date },
): { ok: true; linkedTo: string | null; mailIds: number[] } | { ok: false; errors: SpeakerFormErrors<InviteField> } {
  const address = email.trim().toLowerCase();
  const speaker = tx.select().from(speakers).where(eq(speakers.id, speakerId)).get();
  if (!speaker) return { ok: false, errors: { form: "Talaren finns inte längre. Någon kan ha tagit bort den." } };
  const account = tx.select({ id: users.id, email: users.email }).from(users).where(sameAddress(users.email, address)).get();
  if (speaker.userId && speaker.userId !== account?.id) {
    const linked = tx.select({ email: users.email }).from(users).where(eq(users.id, speaker.userId)).get();
    return {
      ok: false,
      errors: {
        email: `${speaker.name} är redan kopplad till kontot ${linked?.email ?? "(okänd adress)"}. Koppla bort det först om talaren ska använda en annan adress.`,
      },
    };
  }
  if (account) {
    const other = tx
      .select({ name: speakers.name })
      .from(speakers)
      .where(and(eq(speakers.userId, account.id), ne(speakers.id, speakerId)))
      .get();
    if (other) {
      return { ok: false, errors: { email: `Adressen ${address} är redan kopplad till talaren ${other.name}. Ett konto kan bara vara en talare.` } };
    }
  }
  const invitedElsewhere = tx
    .select({ name: speakers.name })
    .from(speakers)
    .where(and(sameAddress(speakers.email, address), isNotNull(speakers.invitedAt), ne(speakers.id, speakerId)))
    .get();
  if (invitedElsewhere) {
    return {
      ok: false,
      errors: { email: `Adressen ${address} är redan inbjuden som talaren ${invitedElsewhere.name}. Ett konto kan bara vara en talare.` },
    };
  }
  tx.update(speakers)
    .set({ email: address, invitedAt: now, userId: account?.id ?? speaker.userId, updatedAt: now })
    .where(eq(speakers.id, speakerId))
    .run();
  if (account) raiseToSpeaker(tx, account.id);
  // Queued in this transaction: the invitation and its mail are committed together.
  const mailIds = enqueueMails(tx, [invitationMail(address, speaker.name, createSignInLink(tx, { email: address, next: "/mina-larpass", now }))], now);
  return { ok: true, linkedTo: account?.email ?? null, mailIds };
}

/**
 * Removes the link and the invitation (so the address does not link again at its next sign-in). The
 * account goes back to member unless it is an organiser.
 */
export function unlinkSpeaker({ speakerId, database = defaultDb }: { speakerId: number; database?: DB }): boolean {
  return database.transaction(
    (tx) => {
      const speaker = tx.select({ userId: speakers.userId }).from(speakers).where(eq(speakers.id, speakerId)).get();
      if (!speaker) return false;
      tx.update(speakers).set({ userId: null, invitedAt: null, updatedAt: new Date() }).where(eq(speakers.id, speakerId)).run();
      if (speaker.userId) {
        tx.update(users).set({ role: "member" }).where(and(eq(users.id, speaker.userId), eq(users.role, "speaker"))).run();
      }
      return true;
    },
    { behavior: "immediate" },
  );
}

/**
 * At sign-in: links the invited speaker record with this address (if any, and if the account speaks as
 * nobody yet) and raises the role. Returns the linked speaker id, or null.
 */
export function linkInvitedSpeaker({ userId, email, database = defaultDb }: { userId: string; email: string; database?: DB }): number | null {
  if (!email) return null;
  return database.transaction(
    (tx) => {
      const already = tx.select({ id: speakers.id }).from(speakers).where(eq(speakers.userId, userId)).get();
      if (already) {
        raiseToSpeaker(tx, userId);
        return already.id;
      }
      const invited = tx
        .select({ id: speakers.id })
        .from(speakers)
        .where(and(sameAddress(speakers.email, email), isNotNull(speakers.invitedAt), isNull(speakers.userId)))
        .orderBy(speakers.invitedAt)
        .get();
      if (!invited) return null;
      tx.update(speakers).set({ userId, updatedAt: new Date() }).where(eq(speakers.id, invited.id)).run();
      raiseToSpeaker(tx, userId);
      return invited.id;
    },
    { behavior: "immediate" },
  );
}

export type SpeakerLink = { email: string | null; invitedAt: Date | null; account: { email: string | null; role: Role } | null };

/** What the organiser's speaker page shows about the invitation and the link. */
export function getSpeakerLink({ speakerId, database = defaultDb }: { speakerId: number; database?: DB }): SpeakerLink | null {
  const row = database
    .select({ email: speakers.email, invitedAt: speakers.invitedAt, userId: speakers.userId, accountEmail: users.email, role: users.role })
    .from(speakers)
    .leftJoin(users, eq(users.id, speakers.userId))
    .where(eq(speakers.id, speakerId))
    .get();
  if (!row) return null;
  return {
    email: row.email,
    invitedAt: row.invitedAt,
    account: row.userId && row.role ? { email: row.accountEmail, role: row.role } : null,
  };
}
