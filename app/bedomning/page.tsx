import type { Metadata } from "next";
import Link from "next/link";
import { proposalStateLabels } from "@/lib/domain";
import { requirePageRole } from "@/lib/auth/page-guards";
import { listEventProposals, listReviewEvents } from "@/lib/proposals/review";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Bedöm förslag" };

const score = (n: number | null) => (n === null ? "–" : n.toLocaleString("sv-SE", { maximumFractionDigits: 1, minimumFractionDigits: 1 }));

/** The proposals the signed-in member reviews (organisers: every event with a call), per event. */
export default async function ReviewListPage() {
  const user = await requirePageRole("member", "/bedomning");
  const eventsToReview = listReviewEvents({ user });
  return (
    <>
      <h1>Bedöm förslag</h1>
      {eventsToReview.length === 0 ? (
        <p>Du bedömer inga förslag. Arrangörerna kan ge dig rätt att bedöma förslagen till ett evenemang.</p>
      ) : null}
      {eventsToReview.map((e) => {
        const { rows } = listEventProposals({ eventId: e.id, viewer: user });
        return (
          <section key={e.id} aria-labelledby={`ev-${e.id}`} className="stack">
            <h2 id={`ev-${e.id}`}>{e.name}</h2>
            {rows.length === 0 ? (
              <p>Inga inskickade förslag ännu.</p>
            ) : (
              <ul className="stack">
                {rows.map((r) => (
                  <li key={r.id}>
                    <Link href={`/bedomning/${r.id}`}>{r.title}</Link> · {proposalStateLabels[r.state]} ·{" "}
                    {r.scoredByMe ? `bedömt av dig, medel ${score(r.stats?.average ?? null)} av ${r.stats?.count ?? 0}` : "inte bedömt av dig"}
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </>
  );
}
