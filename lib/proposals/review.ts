// Reviewing proposals: reviewers per event (granted by the organisers), scores on the call's criteria with a
// comment, and what each reader may see. As in pretalx, a reviewer sees others' scores only after scoring
// the proposal; a proposer never sees reviews (nothing here is reachable from the proposer's pages).
import "server-only";
import { and, asc, eq, inArray, isNotNull, ne, sql } from "drizzle-orm";
import { db as defaultDb, type DB } from "@/db";
import { events, proposalReviewers, proposalReviews, proposals, users, type Proposal, type ProposalReview } from "@/db/schema";
import { proposalStates, type ProposalState, type Role } from "@/lib/domain";
import { reviewsEvent } from "@/lib/policy";
import { authorOf } from "@/lib/revisions";
import { compareSv } from "@/lib/text";
import { readCall } from "./call";
import { listProposalRevisions, recordProposalRevision } from "./history";

type User = { id: string; email: string; name: string | null; role: Role };

// Reviewers ---------------------------------------------------------------------------------------------------

export type GrantResult = { ok: true } | { ok: false; errors: { email?: string; form?: string } };

/** Makes the account with this address a reviewer of the event. The account must exist (the person has signed in once). */
export function grantReviewer({ eventId, email, database = defaultDb }: { eventId: number; email: string; database?: DB }): GrantResult {
  return database.transaction((tx): GrantResult => {
    if (!tx.select({ id: events.id }).from(events).where(eq(events.id, eventId)).get()) return { ok: false, errors: { form: "Evenemanget finns inte längre." } };
    const account = tx.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`).get();
    if (!account) {
      return { ok: false, errors: { email: `Det finns inget konto med adressen ${email.trim()}. Be personen logga in en gång först.` } };
    }
    tx.insert(proposalReviewers).values({ eventId, userId: account.id }).onConflictDoNothing().run();
    return { ok: true };
  });
}

export function revokeReviewer({ eventId, userId, database = defaultDb }: { eventId: number; userId: string; database?: DB }): void {
  database.delete(proposalReviewers).where(and(eq(proposalReviewers.eventId, eventId), eq(proposalReviewers.userId, userId))).run();
}

export function listReviewers({ eventId, database = defaultDb }: { eventId: number; database?: DB }) {
  return database
    .select({ userId: users.id, email: users.email, name: users.name })
    .from(proposalReviewers)
    .innerJoin(users, eq(users.id, proposalReviewers.userId))
    .where(eq(proposalReviewers.eventId, eventId))
    .orderBy(asc(users.email))
    .all();
}

/** The events whose proposals this account reviews (an organiser: every event with a call). */
export function listReviewEvents({ user, database = defaultDb }: { user: Pick<User, "id" | "role">; database?: DB }) {
  if (user.role === "organiser") {
    return database.select({ id: events.id, name: events.name, slug: events.slug }).from(events).where(sql`${events.id} in (select event_id from proposal_calls)`).orderBy(asc(events.startsOn)).all();
  }
  return database
    .select({ id: events.id, name: events.name, slug: events.slug })
    .from(proposalReviewers)
    .innerJoin(events, eq(events.id, proposalReviewers.eventId))
    .where(eq(proposalReviewers.userId, user.id))
    .orderBy(asc(events.startsOn))
    .all();
}

// Scores --------------------------------------------------------------------------------------------------------

export type ReviewStats = { average: number | null; spread: number | null; count: number };

/** A review's own score: the mean over the criteria. */
export const reviewMean = (r: Pick<ProposalReview, "scores">) => {
  const v = Object.values(r.scores);
  return v.length ? v.reduce((a, b) => a + b, 0) / v.length : 0;
};

/** Average of the reviews' means, the spread (highest minus lowest) and the number of reviews. */
export function reviewStats(reviews: Pick<ProposalReview, "scores">[]): ReviewStats {
  if (reviews.length === 0) return { average: null, spread: null, count: 0 };
  const means = reviews.map(reviewMean);
  return {
    average: means.reduce((a, b) => a + b, 0) / means.length,
    spread: Math.max(...means) - Math.min(...means),
    count: means.length,
  };
}

/** States a proposal can be reviewed in. */
const reviewable: ProposalState[] = ["submitted", "in_review"];

export type ReviewResult = { ok: true } | { ok: false; errors: { form?: string; comment?: string; scores?: string } };

/**
 * Saves the caller's review (one per reviewer and proposal; a new save replaces it). Refused unless the caller
 * reviews the proposal's event (lib/policy.ts reviewsEvent) and the proposal is sent in and undecided.
 */
export function saveReview({
  user,
  proposalId,
  scores,
  comment,
  now = new Date(),
  database = defaultDb,
}: {
  user: User;
  proposalId: number;
  scores: number[];
  comment: string;
  now?: Date;
  database?: DB;
}): ReviewResult {
  return database.transaction(
    (tx): ReviewResult => {
      const p = tx.select().from(proposals).where(eq(proposals.id, proposalId)).get();
      if (!p || !reviewsEvent(tx, user, p.eventId)) return { ok: false, errors: { form: "Du bedömer inte förslagen till det här evenemanget." } };
      if (!reviewable.includes(p.state)) return { ok: false, errors: { form: "Förslaget kan inte bedömas nu: det är inte inskickat, eller redan avgjort." } };
      const call = readCall(tx, p.eventId);
      if (!call || scores.length !== call.criteria.length || scores.some((s) => !Number.isInteger(s) || s < 1 || s > 5)) {
        return { ok: false, errors: { scores: "Ge ett betyg från 1 till 5 för varje bedömningsgrund." } };
      }
      const byCriterion = Object.fromEntries(call.criteria.map((c, i) => [c, scores[i]]));
      const author = authorOf(user);
      const prior = tx
        .select()
        .from(proposalReviews)
        .where(and(eq(proposalReviews.proposalId, proposalId), eq(proposalReviews.reviewerId, user.id)))
        .get();
      if (prior) {
        tx.update(proposalReviews).set({ scores: byCriterion, comment, reviewerLabel: author.label, updatedAt: now }).where(eq(proposalReviews.id, prior.id)).run();
      } else {
        tx.insert(proposalReviews).values({ proposalId, reviewerId: user.id, reviewerLabel: author.label, scores: byCriterion, comment, createdAt: now, updatedAt: now }).run();
      }
      if (p.state === "submitted") tx.update(proposals).set({ state: "in_review", updatedAt: now }).where(eq(proposals.id, proposalId)).run();
      recordProposalRevision(tx, {
        proposalId,
        author,
        what: "review",
        before: prior ? { scores: prior.scores, comment: prior.comment } : null,
        after: { scores: byCriterion, comment },
      });
      return { ok: true };
    },
    { behavior: "immediate" },
  );
}

/**
 * One proposal for a reviewer or organiser: the proposal, the call's criteria, the caller's own review, and
 * the others' reviews only once the caller has scored it (before that: only how many there are).
 * Null when the caller does not review this event.
 */
export function getProposalForReview({ user, proposalId, database = defaultDb }: { user: Pick<User, "id" | "role">; proposalId: number; database?: DB }) {
  const row = database.select({ proposal: proposals, event: events }).from(proposals).innerJoin(events, eq(events.id, proposals.eventId)).where(eq(proposals.id, proposalId)).get();
  if (!row || row.proposal.state === "draft" || !reviewsEvent(database, user, row.event.id)) return null;
  const call = readCall(database, row.event.id);
  const reviews = database.select().from(proposalReviews).where(eq(proposalReviews.proposalId, proposalId)).orderBy(asc(proposalReviews.id)).all();
  const mine = reviews.find((r) => r.reviewerId === user.id) ?? null;
  const others = reviews.filter((r) => r !== mine);
  // Organisers too: the others' scores show once you have scored, or once the proposal is decided.
  const open = Boolean(mine) || !reviewable.includes(row.proposal.state);
  return {
    ...row,
    criteria: call?.criteria ?? [],
    mine,
    others: open ? others : null,
    otherCount: others.length,
    stats: open ? reviewStats(reviews) : null,
    history: user.role === "organiser" ? listProposalRevisions(database, proposalId) : null,
  };
}

// The list ------------------------------------------------------------------------------------------------------

export type ProposalFilters = { state?: ProposalState; track?: string; organisation?: string };

export type ProposalRow = Pick<Proposal, "id" | "title" | "state" | "track" | "format" | "language" | "proposerName" | "proposerOrganisation" | "submittedAt"> & {
  /** Null for a reviewer who has not scored this proposal yet. */
  stats: ReviewStats | null;
  scoredByMe: boolean;
  larpassId: number | null;
};

/**
 * The event's proposals that have been sent in (drafts are the proposer's own), filtered, with counts per
 * state, track and organisation over all of them. A reviewer (organisers too) sees a proposal's scores only
 * after scoring it, or once it is decided.
 */
export function listEventProposals({
  eventId,
  viewer,
  filters = {},
  database = defaultDb,
}: {
  eventId: number;
  viewer: Pick<User, "id" | "role">;
  filters?: ProposalFilters;
  database?: DB;
}) {
  const all = database
    .select()
    .from(proposals)
    .where(and(eq(proposals.eventId, eventId), ne(proposals.state, "draft")))
    .orderBy(asc(proposals.submittedAt), asc(proposals.id))
    .all();
  // Sent back for changes: drafts again (the proposer's own), counted so the organisers know they will come back.
  const awaitingChanges = database
    .select({ id: proposals.id })
    .from(proposals)
    .where(and(eq(proposals.eventId, eventId), eq(proposals.state, "draft"), isNotNull(proposals.decidedAt)))
    .all().length;
  const ids = all.map((p) => p.id);
  const reviews = ids.length ? database.select().from(proposalReviews).where(inArray(proposalReviews.proposalId, ids)).all() : [];
  const lp = ids.length
    ? database.all<{ id: number; proposal_id: number }>(sql`select id, proposal_id from larpass where proposal_id in (${sql.join(ids.map((i) => sql`${i}`), sql`, `)})`)
    : [];
  const larpassOf = new Map(lp.map((r) => [r.proposal_id, r.id]));
  const countBy = (key: (p: Proposal) => string) => {
    const m = new Map<string, number>();
    for (const p of all) m.set(key(p), (m.get(key(p)) ?? 0) + 1);
    return m;
  };
  const counts = {
    total: all.length,
    awaitingChanges,
    state: Object.fromEntries(proposalStates.map((s) => [s, all.filter((p) => p.state === s).length])) as Record<ProposalState, number>,
    track: [...countBy((p) => p.track ?? "").entries()].filter(([k]) => k).sort(([a], [b]) => compareSv(a, b)),
    organisation: [...countBy((p) => p.proposerOrganisation).entries()].filter(([k]) => k).sort(([a], [b]) => compareSv(a, b)),
  };
  const rows: ProposalRow[] = all
    .filter(
      (p) =>
        (!filters.state || p.state === filters.state) &&
        (!filters.track || p.track === filters.track) &&
        (!filters.organisation || p.proposerOrganisation === filters.organisation),
    )
    .map((p) => {
      const own = reviews.filter((r) => r.proposalId === p.id);
      const scoredByMe = own.some((r) => r.reviewerId === viewer.id);
      return {
        id: p.id,
        title: p.title,
        state: p.state,
        track: p.track,
        format: p.format,
        language: p.language,
        proposerName: p.proposerName,
        proposerOrganisation: p.proposerOrganisation,
        submittedAt: p.submittedAt,
        stats: scoredByMe || !reviewable.includes(p.state) ? reviewStats(own) : null,
        scoredByMe,
        larpassId: larpassOf.get(p.id) ?? null,
      };
    });
  return { rows, counts };
}
