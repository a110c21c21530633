// Who may do what to which row: the one place that says it. Every server action and role-gated route
// handler names its rule here (lib/action.ts looks it up before anything else runs), and the guard tests
// enumerate this table, so an endpoint without a rule fails a test.
//
// `who` is checked by the pipeline from the session. `rows` says which rows the caller may touch; the
// ownership predicates below are the rules themselves, called by the lib function that writes, inside its
// transaction (so the check and the write see the same data).
import { and, eq } from "drizzle-orm";
import type { DB } from "@/db";
import { larpassSpeakers, proposalReviewers, proposals, speakers } from "@/db/schema";
import type { Role } from "@/lib/domain";

/** Who may call: anyone (a public form), or a signed-in account with at least this role. */
export type Who = "anyone" | Role;

/**
 * Which rows: "any" (an organiser edits the whole programme), "own-account" (the session's own user: ids in
 * the form are never read), "own-larpass" (a lärpass the account speaks in: speaksIn), "own-speaker" (the
 * speaker record linked to the account: speakerIdOfUser), "own-proposal" (a proposal the account made:
 * ownsProposal), "event-reviewer" (an organiser, or a member the organisers made reviewer of the proposal's
 * event: reviewsEvent).
 */
export type Rows = "any" | "own-account" | "own-larpass" | "own-speaker" | "own-proposal" | "event-reviewer";

export type Rule = { who: Who; rows: Rows; why?: string };

const organiser: Rule = { who: "organiser", rows: "any" };

export const policy = {
  // Signing in and out ----------------------------------------------------------------------------------
  "session.sign-in": { who: "anyone", rows: "own-account", why: "anyone may ask for a sign-in link; rate-limited per address and client" },
  "session.sign-out": { who: "anyone", rows: "own-account", why: "ending one's own session needs no privilege" },

  // Members ---------------------------------------------------------------------------------------------
  "registration.choose": { who: "member", rows: "own-account" },
  "registration.leave": { who: "member", rows: "own-account" },
  "calendar.create-link": { who: "member", rows: "own-account" },
  "calendar.revoke-link": { who: "member", rows: "own-account" },
  "account.delete": { who: "member", rows: "own-account" },
  "own-account.save-profile": { who: "member", rows: "own-account" },
  "account.export-data": { who: "member", rows: "own-account" },
  "registration.api": { who: "member", rows: "own-account" },
  "calendar.download": { who: "member", rows: "own-account" },
  "documentation.delete-own-answer": { who: "member", rows: "own-account" },

  // Participants' answers (Dokumentation) ---------------------------------------------------------------
  "documentation.answer": {
    who: "anyone",
    rows: "own-account",
    why: "an event may let anyone answer; submitAnswers asks for a session when the event requires sign-in (the default), and rate-limits and screens anonymous answers",
  },

  // Speakers (Mina lärpass) -----------------------------------------------------------------------------
  "own-larpass.save-abstract": { who: "speaker", rows: "own-larpass" },
  "own-speaker.save-profile": { who: "speaker", rows: "own-speaker" },
  "own-larpass.save-documentation": { who: "speaker", rows: "own-larpass" },
  "own-larpass.add-attachment": { who: "speaker", rows: "own-larpass" },
  "own-larpass.delete-attachment": { who: "speaker", rows: "own-larpass" },

  // Proposals (Föreslå ett lärpass, lib/proposals) -------------------------------------------------------
  "proposal.save": {
    who: "anyone",
    rows: "own-proposal",
    why: "a proposer whose session expired keeps what was typed: saveProposalForm stores it as a draft behind a random token and sends them to sign in; nothing is saved as a proposal without a session",
  },
  "proposal.withdraw": { who: "member", rows: "own-proposal" },
  "proposal.review": { who: "member", rows: "event-reviewer" },
  "proposal.decide": organiser,
  "proposal.save-call": organiser,
  "proposal.grant-reviewer": organiser,
  "proposal.revoke-reviewer": organiser,

  // Organisers ------------------------------------------------------------------------------------------
  "event.create": organiser,
  "event.update": organiser,
  "event.delete": organiser,
  "day.add": organiser,
  "day.rename": organiser,
  "day.delete": organiser,
  "slot.add": organiser,
  "slot.update": organiser,
  "slot.delete": organiser,
  "room.add": organiser,
  "room.update": organiser,
  "room.delete": organiser,
  "schedule.move": organiser,
  "schedule.preview-move": organiser,
  "schedule.apply-room-suggestion": organiser,
  "import.preview": organiser,
  "import.confirm": organiser,
  "export.download": organiser,
  "larpass.export-csv": organiser,
  "revision.restore": organiser,
  "speaker-edit.approve": organiser,
  "speaker-edit.send-back": organiser,
  "larpass.create": organiser,
  "larpass.update": organiser,
  "larpass.delete": organiser,
  "speaker.create": organiser,
  "speaker.update": organiser,
  "speaker.delete": organiser,
  "speaker.invite": organiser,
  "speaker.unlink": organiser,
  "organisation.create": organiser,
  "organisation.update": organiser,
  "organisation.delete": organiser,
  "organisation.confirm": organiser,
  "mail.retry": organiser,
  // The documentation workspace (every row is checked to belong to the page's event, in lib/documentation).
  "documentation.create-question": organiser,
  "documentation.edit-question": organiser,
  "documentation.enable-ratings": organiser,
  "documentation.save-settings": organiser,
  "documentation.publish": organiser,
  "documentation.moderate-answer": organiser,
  "documentation.correct-answer": organiser,
  "documentation.create-theme": organiser,
  "documentation.edit-theme": organiser,
  "documentation.paste-answers": organiser,
  "documentation.edit-larpass-section": organiser,
  "documentation.ratings-csv": organiser,
  "documentation.add-attachment": organiser,
  "documentation.delete-attachment": organiser,
} as const satisfies Record<string, Rule>;

export type PolicyKey = keyof typeof policy;

const rank: Record<Role, number> = { member: 0, speaker: 1, organiser: 2 };

/**
 * Whether an account with `role` passes `who`. An organiser may do what a speaker or member may; a speaker
 * what a member may; organiser-only is organiser only.
 */
export function passes(role: Role | null, who: Who): boolean {
  if (who === "anyone") return true;
  if (role === null) return false;
  return rank[role] >= rank[who];
}

// Ownership -------------------------------------------------------------------------------------------------

type Reader = Pick<DB, "select">;

/** "own-speaker": the speaker record the account speaks as, or null. */
export function speakerIdOfUser(tx: Reader, userId: string): number | null {
  return tx.select({ id: speakers.id }).from(speakers).where(eq(speakers.userId, userId)).get()?.id ?? null;
}

/** "own-larpass": whether the account is linked to a speaker of this lärpass. */
export function speaksIn(tx: Reader, userId: string, larpassId: number): boolean {
  return Boolean(
    tx
      .select({ id: speakers.id })
      .from(larpassSpeakers)
      .innerJoin(speakers, eq(speakers.id, larpassSpeakers.speakerId))
      .where(and(eq(larpassSpeakers.larpassId, larpassId), eq(speakers.userId, userId)))
      .get(),
  );
}

/** "own-proposal": whether the account made this proposal. */
export function ownsProposal(tx: Reader, userId: string, proposalId: number): boolean {
  return Boolean(
    tx.select({ id: proposals.id }).from(proposals).where(and(eq(proposals.id, proposalId), eq(proposals.userId, userId))).get(),
  );
}

/** "event-reviewer": an organiser, or an account the organisers made reviewer of this event. */
export function reviewsEvent(tx: Reader, user: { id: string; role: Role }, eventId: number): boolean {
  if (user.role === "organiser") return true;
  return Boolean(
    tx
      .select({ e: proposalReviewers.eventId })
      .from(proposalReviewers)
      .where(and(eq(proposalReviewers.eventId, eventId), eq(proposalReviewers.userId, user.id)))
      .get(),
  );
}
