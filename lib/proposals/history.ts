// A proposal's history: every edit, submission, review and decision with who, when and what (before and
// after), written in the same transaction as the change.
import { asc, eq } from "drizzle-orm";
import type { DB } from "@/db";
import { proposalRevisions, type Proposal } from "@/db/schema";
import type { RevisionAuthor } from "@/lib/revisions";

type Tx = Pick<DB, "insert">;

/** The fields of a proposal a revision shows. */
export function snapshotProposal(p: Proposal): Record<string, unknown> {
  return {
    title: p.title,
    abstract: p.abstract,
    format: p.format,
    track: p.track,
    language: p.language,
    organisation: p.proposerOrganisation,
    coSpeakers: p.coSpeakers,
    message: p.message,
    state: p.state,
  };
}

/** What a revision says it was (shown in the history). */
export const revisionKinds = {
  created: "Skapat",
  edited: "Ändrat",
  submitted: "Inskickat",
  withdrawn: "Återkallat",
  review: "Bedömning",
  accept: "Beslut: antaget",
  reject: "Beslut: inte antaget",
  changes: "Beslut: ändringar begärda",
} as const;
export type RevisionKind = keyof typeof revisionKinds;

export function recordProposalRevision(
  tx: Tx,
  r: { proposalId: number; author: RevisionAuthor; what: RevisionKind; before: Record<string, unknown> | null; after: Record<string, unknown> },
): void {
  tx.insert(proposalRevisions)
    .values({
      proposalId: r.proposalId,
      authorId: r.author.userId,
      authorLabel: r.author.label,
      authorRole: r.author.role,
      what: r.what,
      before: r.before,
      after: r.after,
    })
    .run();
}

export function listProposalRevisions(tx: Pick<DB, "select">, proposalId: number) {
  return tx.select().from(proposalRevisions).where(eq(proposalRevisions.proposalId, proposalId)).orderBy(asc(proposalRevisions.id)).all();
}
