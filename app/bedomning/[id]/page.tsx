import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Saved } from "@/components/form-fields";
import { Markdown } from "@/components/markdown";
import { languageLabels, proposalDecisionLabels, proposalStateLabels, type ProposalDecision } from "@/lib/domain";
import { requirePageRole } from "@/lib/auth/page-guards";
import { revisionKinds, type RevisionKind } from "@/lib/proposals/history";
import { getProposalForReview, reviewMean } from "@/lib/proposals/review";
import { formatDateTime } from "@/lib/time";
import { idSchema } from "@/lib/validation/form";
import { decideProposalsAction } from "@/app/arrangor/evenemang/[id]/forslag/actions";
import { DecisionForm } from "@/app/arrangor/evenemang/[id]/forslag/decision-form";
import { saveReviewAction } from "../actions";
import { ReviewForm } from "../review-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Bedöm ett förslag" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const score = (n: number | null) => (n === null ? "–" : n.toLocaleString("sv-SE", { maximumFractionDigits: 1, minimumFractionDigits: 1 }));

/**
 * One proposal for its reviewers and the organisers: the proposal, your review, the others' reviews once you
 * have scored (as in pretalx), and for organisers the decision and the history. Anyone else gets a 404.
 */
export default async function ReviewProposalPage({ params, searchParams }: Props) {
  const { id: raw } = await params;
  const user = await requirePageRole("member", `/bedomning/${raw}`);
  const id = idSchema.safeParse(raw);
  if (!id.success) notFound();
  const data = getProposalForReview({ user, proposalId: id.data });
  if (!data) notFound();
  const { proposal: p, event, criteria, mine, others, otherCount, stats, history } = data;
  const query = await searchParams;
  const decided = typeof query.beslut === "string" ? proposalDecisionLabels[query.beslut as ProposalDecision] : undefined;
  const organiser = user.role === "organiser";
  return (
    <>
      <p>
        <Link href={organiser ? `/arrangor/evenemang/${event.id}/forslag` : "/bedomning"}>← Alla förslag till {event.name}</Link>
      </p>
      <h1>{p.title}</h1>
      {query.sparat ? <Saved>Din bedömning är sparad.</Saved> : null}
      {decided ? <Saved>Beslutet &quot;{decided}&quot; är sparat och mejlet är på väg.</Saved> : null}
      <dl className="facts">
        <dt>Läge</dt>
        <dd>{proposalStateLabels[p.state]}</dd>
        <dt>Föreslaget av</dt>
        <dd>
          {p.proposerName}
          {p.proposerOrganisation ? `, ${p.proposerOrganisation}` : ""}
        </dd>
        <dt>Format</dt>
        <dd>{p.format}</dd>
        <dt>Spår</dt>
        <dd>{p.track ?? "–"}</dd>
        <dt>Språk</dt>
        <dd>{languageLabels[p.language] ?? p.language}</dd>
        <dt>Medtalare</dt>
        <dd>{p.coSpeakers.length ? p.coSpeakers.map((c) => `${c.name}${c.organisation ? `, ${c.organisation}` : ""}`).join("; ") : "Inga"}</dd>
      </dl>
      <section className="panel" aria-labelledby="sammanfattning-rubrik">
        <h2 id="sammanfattning-rubrik">Sammanfattning</h2>
        {p.abstract ? <Markdown>{p.abstract}</Markdown> : <p className="muted">Ingen sammanfattning.</p>}
      </section>
      {p.message ? (
        <section aria-labelledby="meddelande-rubrik">
          <h2 id="meddelande-rubrik">Meddelande till arrangörerna</h2>
          <p>{p.message}</p>
        </section>
      ) : null}

      <section aria-labelledby="bedomning-rubrik" className="stack">
        <h2 id="bedomning-rubrik">Din bedömning</h2>
        {p.state === "submitted" || p.state === "in_review" ? (
          <ReviewForm
            action={saveReviewAction}
            proposalId={p.id}
            criteria={criteria}
            initial={{ seq: 0, values: { comment: mine?.comment ?? "", scores: criteria.map((c) => (mine?.scores[c] ? String(mine.scores[c]) : "")) } }}
          />
        ) : (
          <p>{mine ? `Du gav i medel ${score(reviewMean(mine))}.` : "Förslaget är avgjort eller återkallat och bedöms inte längre."}</p>
        )}
      </section>

      <section aria-labelledby="andras-rubrik" className="stack">
        <h2 id="andras-rubrik">Bedömningar</h2>
        {others === null ? (
          <p>
            {otherCount === 0 ? "Ingen annan har bedömt förslaget än." : `${otherCount} ${otherCount === 1 ? "annan har" : "andra har"} bedömt förslaget.`} Du ser
            betygen när du själv har bedömt det.
          </p>
        ) : (
          <>
            {stats ? (
              <p>
                Medel {score(stats.average)}, spridning {score(stats.spread)}, {stats.count} {stats.count === 1 ? "bedömning" : "bedömningar"}.
              </p>
            ) : null}
            <ul className="stack">
              {others.map((r) => (
                <li key={r.id}>
                  <strong>{r.reviewerLabel}</strong>: {criteria.map((c) => `${c} ${r.scores[c] ?? "–"}`).join(", ")}
                  {r.comment ? <p>{r.comment}</p> : null}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      {organiser ? (
        <section aria-labelledby="beslut-rubrik" className="stack">
          <h2 id="beslut-rubrik">Beslut</h2>
          {p.state === "submitted" || p.state === "in_review" ? (
            <DecisionForm action={decideProposalsAction} eventId={event.id} ids={[p.id]} back="forslag" />
          ) : (
            <p>Förslaget är {proposalStateLabels[p.state].toLowerCase()}.</p>
          )}
        </section>
      ) : null}

      {history ? (
        <section aria-labelledby="historik-rubrik" className="stack">
          <h2 id="historik-rubrik">Historik</h2>
          <ol>
            {history.map((h) => (
              <li key={h.id}>
                {formatDateTime(h.createdAt, event.timeZone)}: {revisionKinds[h.what as RevisionKind] ?? h.what} av {h.authorLabel}
                {h.what === "accept" || h.what === "reject" || h.what === "changes"
                  ? (h.after as { message?: string | null }).message
                    ? ` – "${(h.after as { message?: string }).message}"`
                    : ""
                  : ""}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </>
  );
}
