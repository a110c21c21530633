// The organisers' decisions: accept, reject or ask for changes, for one proposal or several at once, each with
// the call's mail template and an optional message. Accepting makes the lärpass (a draft without a slot) with
// its speakers and organisations matched by name as the import does, invites the proposer and co-speakers
// with the speakers' invitation flow, and starts the lärpass's history with the proposal. All of it in one
// transaction; larpass.proposal_id is unique, so accepting twice never makes a second lärpass.
import "server-only";
import { and, eq, inArray, max, sql } from "drizzle-orm";
import { db as defaultDb, type DB } from "@/db";
import { events, larpass, larpassSpeakers, proposals, speakers, users, type Proposal } from "@/db/schema";
import type { ProposalDecision, Role } from "@/lib/domain";
import { findOrCreateOrganisation } from "@/lib/admin/organisations";
import { findOrCreateSpeaker } from "@/lib/admin/speakers";
import { sendPending, sendQueued, withQueuedMails, type PendingMail } from "@/lib/mail";
import { speakerIdOfUser } from "@/lib/policy";
import { authorOf, recordRevision, snapshotLarpass, type RevisionAuthor } from "@/lib/revisions";
import { slugify, uniqueSlug } from "@/lib/slug";
import { inviteInTransaction } from "@/lib/speakers/invite";
import { readCall } from "./call";
import { recordProposalRevision, snapshotProposal } from "./history";
import { decisionMail } from "./mails";

type User = { id: string; email: string; name: string | null; role: Role };
type Tx = Pick<DB, "select" | "insert" | "update" | "delete">;

export type DecideResult =
  | { ok: true; decided: number[]; larpassIds: number[]; skipped: { id: number; title: string; reason: string }[] }
  | { ok: false; message: string };

/** Which states each decision may be taken from. Accepting an accepted proposal is a no-op, never a second lärpass. */
const from: Record<ProposalDecision, Proposal["state"][]> = {
  accept: ["submitted", "in_review"],
  reject: ["submitted", "in_review"],
  changes: ["submitted", "in_review"],
};

const newState: Record<ProposalDecision, Proposal["state"]> = { accept: "accepted", reject: "rejected", changes: "draft" };

export async function decideProposals({
  user,
  eventId,
  ids,
  decision,
  message,
  now = new Date(),
  database = defaultDb,
}: {
  user: User;
  eventId: number;
  ids: number[];
  decision: ProposalDecision;
  message: string;
  now?: Date;
  database?: DB;
}): Promise<DecideResult> {
  const mails: PendingMail[] = [];
  let invitations: number[] = [];
  const result = database.transaction(
    withQueuedMails(mails, (tx): DecideResult => {
      const event = tx.select().from(events).where(eq(events.id, eventId)).get();
      if (!event) return { ok: false, message: "Evenemanget finns inte längre." };
      const call = readCall(tx, eventId);
      const rows = tx.select().from(proposals).where(and(eq(proposals.eventId, eventId), inArray(proposals.id, [...new Set(ids)]))).all();
      if (rows.length === 0) return { ok: false, message: "Förslagen finns inte i det här evenemanget. Ladda om sidan." };
      const author = authorOf(user);
      const out: Extract<DecideResult, { ok: true }> = { ok: true, decided: [], larpassIds: [], skipped: [] };
      for (const p of rows) {
        if (!from[decision].includes(p.state)) {
          out.skipped.push({ id: p.id, title: p.title, reason: p.state === "accepted" ? "redan antaget" : "inte inskickat eller redan avgjort" });
          continue;
        }
        if (decision === "accept") {
          const made = createLarpassFromProposal(tx, { proposal: p, author, now });
          out.larpassIds.push(made.larpassId);
          invitations = [...invitations, ...made.mailIds];
        }
        const after = tx
          .update(proposals)
          .set({ state: newState[decision], decisionMessage: message || null, decidedAt: now, updatedAt: now })
          .where(eq(proposals.id, p.id))
          .returning()
          .get()!;
        recordProposalRevision(tx, {
          proposalId: p.id,
          author,
          what: decision,
          before: snapshotProposal(p),
          after: { ...snapshotProposal(after), message: message || null },
        });
        if (p.userId) {
          const template = call ? { accept: call.acceptTemplate, reject: call.rejectTemplate, changes: call.changesTemplate }[decision] : "";
          mails.push({
            userId: p.userId,
            build: (email) => decisionMail(email, { decision, template, message, name: p.proposerName, title: p.title, proposalId: p.id }),
          });
        }
        out.decided.push(p.id);
      }
      return out;
    }),
    { behavior: "immediate" },
  );
  await sendPending(mails, database);
  await sendQueued(invitations, database);
  return result;
}

/**
 * The lärpass for an accepted proposal, inside the decision's transaction. If one already exists for the
 * proposal it is returned as it is (the unique larpass.proposal_id stops a second one in any case).
 */
export function createLarpassFromProposal(tx: Tx, { proposal: p, author, now }: { proposal: Proposal; author: RevisionAuthor; now: Date }): { larpassId: number; mailIds: number[] } {
  const existing = tx.select({ id: larpass.id }).from(larpass).where(eq(larpass.proposalId, p.id)).get();
  if (existing) return { larpassId: existing.id, mailIds: [] };
  const proposer = p.userId ? tx.select({ id: users.id, email: users.email }).from(users).where(eq(users.id, p.userId)).get() : undefined;
  const people = [
    { name: p.proposerName, organisation: p.proposerOrganisation, email: proposer?.email ?? "", userId: proposer?.id ?? null },
    ...p.coSpeakers.map((c) => ({ ...c, userId: null as string | null })),
  ];
  const speakerIds: number[] = [];
  const toInvite: { speakerId: number; email: string }[] = [];
  for (const person of people) {
    const organisationId = person.organisation.trim() ? findOrCreateOrganisation(tx, person.organisation) : null;
    // The proposer's own speaker record first, then one invited with the address, then by name and
    // organisation as the import matches (a new speaker when none fits).
    const byAccount = person.userId ? speakerIdOfUser(tx, person.userId) : null;
    const byEmail = person.email
      ? tx.select({ id: speakers.id }).from(speakers).where(sql`lower(${speakers.email}) = ${person.email.toLowerCase()}`).get()?.id
      : undefined;
    const id = byAccount ?? byEmail ?? findOrCreateSpeaker(tx, { name: person.name, role: null, organisationId }, author);
    if (speakerIds.includes(id)) continue;
    speakerIds.push(id);
    const linked = tx.select({ userId: speakers.userId }).from(speakers).where(eq(speakers.id, id)).get();
    if (person.email && !(linked?.userId && linked.userId === person.userId)) toInvite.push({ speakerId: id, email: person.email });
  }
  const taken = new Set(tx.select({ slug: larpass.slug }).from(larpass).where(eq(larpass.eventId, p.eventId)).all().map((r) => r.slug));
  const order = (tx.select({ m: max(larpass.sortOrder) }).from(larpass).where(eq(larpass.eventId, p.eventId)).get()?.m ?? 0) + 1;
  const row = tx
    .insert(larpass)
    .values({
      eventId: p.eventId,
      slug: uniqueSlug(slugify(p.title), taken),
      title: p.title,
      abstract: p.abstract,
      status: "draft",
      track: p.track,
      language: p.language,
      sortOrder: order,
      proposalId: p.id,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: larpass.id, version: larpass.version })
    .get();
  tx.insert(larpassSpeakers).values(speakerIds.map((speakerId, position) => ({ larpassId: row.id, speakerId, position }))).run();
  // The history starts with the proposal, by its proposer.
  recordRevision(tx, {
    entity: "larpass",
    id: row.id,
    version: row.version,
    author: { userId: p.userId, label: `Förslag av ${p.proposerName}${proposer?.email ? ` (${proposer.email})` : ""}, antaget av ${author.label}`, role: "member" },
    before: null,
    after: snapshotLarpass(tx, row.id)!,
  });
  const mailIds: number[] = [];
  for (const inv of toInvite) {
    const r = inviteInTransaction(tx, { speakerId: inv.speakerId, email: inv.email, now });
    if (r.ok) mailIds.push(...r.mailIds);
  }
  return { larpassId: row.id, mailIds };
}
