// The proposer's side: save a draft, submit, edit and withdraw while the call is open, see one's own
// proposals. Ownership (lib/policy.ts ownsProposal) and the call's window are checked inside the
// transaction that writes. A proposer never changes a proposal's state beyond submit and withdraw.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, lt } from "drizzle-orm";
import { db as defaultDb, type DB } from "@/db";
import { events, proposalDrafts, proposals, users, type Proposal } from "@/db/schema";
import type { Role } from "@/lib/domain";
import { sendPending, withQueuedMails, type PendingMail } from "@/lib/mail";
import { ownsProposal } from "@/lib/policy";
import { authorOf } from "@/lib/revisions";
import { formatDateTime } from "@/lib/time";
import { CO_SPEAKER_ROWS, emptyProposalValues, type ProposalField, type ProposalInput, type ProposalValues } from "@/lib/validation/proposal";
import type { FieldErrors } from "@/lib/validation/form";
import { callWindow, readCall } from "./call";
import { recordProposalRevision, snapshotProposal } from "./history";
import { submittedMail } from "./mails";

type User = { id: string; email: string; name: string | null; role: Role };

/** States the proposer may still edit or withdraw (while the call is open). */
export const openStates = ["draft", "submitted", "in_review"] as const;
export const isOpenState = (s: Proposal["state"]) => (openStates as readonly string[]).includes(s);

export type SaveResult = { ok: true; id: number; submitted: boolean } | { ok: false; errors: FieldErrors<ProposalField> };

/** Why the call does not take proposals now, in Swedish, or null when it is open. */
export function closedMessage(call: { opensAt: Date; closesAt: Date } | null, timeZone: string, now = new Date()): string | null {
  if (!call) return "Evenemanget tar inte emot förslag.";
  const w = callWindow(call, now);
  if (w.state === "before") return `Inlämningen har inte öppnat än. Den öppnar ${formatDateTime(w.opensAt, timeZone)}.`;
  if (w.state === "closed") return `Inlämningen stängde ${formatDateTime(w.closesAt, timeZone)}. Förslag kan inte längre skickas in eller ändras.`;
  return null;
}

/**
 * Creates (proposalId null) or updates the caller's proposal; `submit` also sends it in. Refused when the
 * call is not open, the proposal is someone else's, or it is no longer open for edits (decided, withdrawn).
 */
export async function saveProposal({
  user,
  eventId,
  proposalId,
  input,
  submit,
  now = new Date(),
  database = defaultDb,
}: {
  user: User;
  eventId: number;
  proposalId: number | null;
  input: ProposalInput;
  submit: boolean;
  now?: Date;
  database?: DB;
}): Promise<SaveResult> {
  const mails: PendingMail[] = [];
  const result = database.transaction(
    withQueuedMails(mails, (tx): SaveResult => {
      const event = tx.select().from(events).where(eq(events.id, eventId)).get();
      if (!event) return { ok: false, errors: { form: "Evenemanget finns inte längre." } };
      const call = readCall(tx, eventId);
      const closed = closedMessage(call, event.timeZone, now);
      if (closed || !call) return { ok: false, errors: { form: closed ?? "" } };
      const author = authorOf(user);
      const values = {
        title: input.title,
        abstract: input.abstract,
        format: input.format,
        track: input.track,
        language: input.language,
        proposerOrganisation: input.organisation,
        coSpeakers: input.coSpeakers,
        message: input.message,
        updatedAt: now,
      };
      let row: Proposal;
      let before: Proposal | null = null;
      if (proposalId === null) {
        const account = tx.select({ name: users.name }).from(users).where(eq(users.id, user.id)).get();
        row = tx
          .insert(proposals)
          .values({
            eventId,
            userId: user.id,
            proposerName: account?.name?.trim() || user.name?.trim() || user.email,
            ...values,
            state: submit ? "submitted" : "draft",
            submittedAt: submit ? now : null,
          })
          .returning()
          .get();
      } else {
        if (!ownsProposal(tx, user.id, proposalId)) return { ok: false, errors: { form: "Förslaget finns inte, eller så är det inte ditt." } };
        before = tx.select().from(proposals).where(eq(proposals.id, proposalId)).get()!;
        if (before.eventId !== eventId) return { ok: false, errors: { form: "Förslaget hör till ett annat evenemang." } };
        if (!isOpenState(before.state)) {
          return { ok: false, errors: { form: "Förslaget är redan avgjort eller återkallat och kan inte ändras här." } };
        }
        const state = submit && before.state === "draft" ? "submitted" : before.state;
        row = tx
          .update(proposals)
          .set({ ...values, state, submittedAt: state !== "draft" ? (before.submittedAt ?? now) : null })
          .where(eq(proposals.id, proposalId))
          .returning()
          .get()!;
      }
      const what = submit && (!before || before.state === "draft") ? "submitted" : before ? "edited" : "created";
      const was = before ? snapshotProposal(before) : null;
      const is = snapshotProposal(row);
      if (!was || JSON.stringify(was) !== JSON.stringify(is)) {
        recordProposalRevision(tx, { proposalId: row.id, author, what, before: was, after: is });
      }
      if (what === "submitted") {
        mails.push({
          userId: user.id,
          build: (email) => submittedMail(email, { id: row.id, title: row.title, eventName: event.name, closesAt: call.closesAt, timeZone: event.timeZone }),
        });
      }
      return { ok: true, id: row.id, submitted: what === "submitted" };
    }),
    { behavior: "immediate" },
  );
  await sendPending(mails, database);
  return result;
}

export type WithdrawResult = { ok: true } | { ok: false; message: string };

/** The proposer withdraws their own proposal, while the call is open and the proposal is undecided. */
export function withdrawProposal({ user, proposalId, now = new Date(), database = defaultDb }: { user: User; proposalId: number; now?: Date; database?: DB }): WithdrawResult {
  return database.transaction(
    (tx): WithdrawResult => {
      if (!ownsProposal(tx, user.id, proposalId)) return { ok: false, message: "Förslaget finns inte, eller så är det inte ditt." };
      const before = tx.select().from(proposals).where(eq(proposals.id, proposalId)).get()!;
      const event = tx.select({ timeZone: events.timeZone }).from(events).where(eq(events.id, before.eventId)).get()!;
      const closed = closedMessage(readCall(tx, before.eventId), event.timeZone, now);
      if (closed) return { ok: false, message: closed };
      if (!isOpenState(before.state)) return { ok: false, message: "Förslaget är redan avgjort eller återkallat." };
      const row = tx.update(proposals).set({ state: "withdrawn", updatedAt: now }).where(eq(proposals.id, proposalId)).returning().get()!;
      recordProposalRevision(tx, { proposalId, author: authorOf(user), what: "withdrawn", before: snapshotProposal(before), after: snapshotProposal(row) });
      return { ok: true };
    },
    { behavior: "immediate" },
  );
}

/** The caller's own proposals, newest first, with their events. */
export function listOwnProposals({ userId, database = defaultDb }: { userId: string; database?: DB }) {
  return database
    .select({ id: proposals.id, title: proposals.title, state: proposals.state, updatedAt: proposals.updatedAt, eventName: events.name, eventSlug: events.slug })
    .from(proposals)
    .innerJoin(events, eq(events.id, proposals.eventId))
    .where(eq(proposals.userId, userId))
    .orderBy(desc(proposals.updatedAt), desc(proposals.id))
    .all();
}

/** One of the caller's own proposals with its event and call; null for anyone else's (or none). */
export function getOwnProposal({ userId, proposalId, database = defaultDb }: { userId: string; proposalId: number; database?: DB }) {
  const row = database
    .select({ proposal: proposals, event: events })
    .from(proposals)
    .innerJoin(events, eq(events.id, proposals.eventId))
    .where(and(eq(proposals.id, proposalId), eq(proposals.userId, userId)))
    .get();
  if (!row) return null;
  return { ...row, call: readCall(database, row.event.id) };
}

/** A proposal as the form's typed values. */
export function proposalFormValues(p: Proposal): ProposalValues {
  const v = emptyProposalValues();
  Object.assign(v, {
    title: p.title,
    abstract: p.abstract,
    format: p.format,
    track: p.track ?? "",
    language: p.language,
    organisation: p.proposerOrganisation,
    message: p.message,
  });
  p.coSpeakers.slice(0, CO_SPEAKER_ROWS).forEach((c, i) => {
    v[`co${i + 1}Name` as ProposalField] = c.name;
    v[`co${i + 1}Organisation` as ProposalField] = c.organisation;
    v[`co${i + 1}Email` as ProposalField] = c.email;
  });
  return v;
}

// Drafts kept over an expired session ----------------------------------------------------------------------

const DRAFT_TTL_MS = 24 * 3600_000;
const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * Keeps what was typed when the session had expired, under the hash of a new random token; the token goes
 * in the sign-in's return address and brings the form back (takeDraft). Expired drafts are swept here.
 */
export function stashDraft({
  eventId,
  proposalId,
  values,
  now = new Date(),
  database = defaultDb,
}: {
  eventId: number;
  proposalId: number | null;
  values: Record<string, string>;
  now?: Date;
  database?: DB;
}): string | null {
  const token = randomBytes(24).toString("base64url");
  return database.transaction((tx) => {
    tx.delete(proposalDrafts).where(lt(proposalDrafts.expiresAt, now)).run();
    if (!tx.select({ id: events.id }).from(events).where(eq(events.id, eventId)).get()) return null;
    const exists = proposalId === null || tx.select({ id: proposals.id }).from(proposals).where(and(eq(proposals.id, proposalId), eq(proposals.eventId, eventId))).get();
    if (!exists) return null;
    // Only the form's own fields, each at most as long as the form allows: nobody fills the disk through here.
    const kept = Object.fromEntries(Object.keys(emptyProposalValues()).map((k) => [k, String(values[k] ?? "").slice(0, 10_000)]));
    tx.insert(proposalDrafts).values({ tokenHash: hashToken(token), eventId, proposalId, values: kept, expiresAt: new Date(now.getTime() + DRAFT_TTL_MS) }).run();
    return token;
  });
}

/** The typed values kept under `token` for this form (event and proposal must match), or null. */
export function takeDraft({
  token,
  eventId,
  proposalId,
  now = new Date(),
  database = defaultDb,
}: {
  token: string;
  eventId: number;
  proposalId: number | null;
  now?: Date;
  database?: DB;
}): ProposalValues | null {
  if (!token || token.length > 100) return null;
  const row = database.select().from(proposalDrafts).where(eq(proposalDrafts.tokenHash, hashToken(token))).get();
  if (!row || row.eventId !== eventId || (row.proposalId ?? null) !== proposalId || row.expiresAt.getTime() < now.getTime()) return null;
  const v = emptyProposalValues();
  for (const k of Object.keys(v) as ProposalField[]) if (typeof row.values[k] === "string") v[k] = row.values[k];
  return v;
}

/** Forgets a kept draft once the proposal is saved. */
export function dropDraft({ token, database = defaultDb }: { token: string; database?: DB }): void {
  if (token) database.delete(proposalDrafts).where(eq(proposalDrafts.tokenHash, hashToken(token))).run();
}
