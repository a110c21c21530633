import type { Metadata } from "next";
import Link from "next/link";
import { proposalStateLabels } from "@/lib/domain";
import { requirePageRole } from "@/lib/auth/page-guards";
import { listOpenCalls } from "@/lib/proposals/call";
import { listOwnProposals } from "@/lib/proposals/proposals";
import { listReviewEvents } from "@/lib/proposals/review";
import { formatDateTime } from "@/lib/time";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Mina förslag", description: "Lärpass du har föreslagit och var de står." };

/** The member's proposals with their states, and the calls open now. */
export default async function MyProposalsPage() {
  const user = await requirePageRole("member", "/mina-forslag");
  const mine = listOwnProposals({ userId: user.id });
  const open = listOpenCalls();
  return (
    <>
      <h1>Mina förslag</h1>
      {listReviewEvents({ user }).length ? (
        <p>
          <Link href="/bedomning">Bedöm förslag</Link>: du bedömer förslagen till {listReviewEvents({ user }).map((e) => e.name).join(", ")}.
        </p>
      ) : null}
      {open.length ? (
        <section aria-labelledby="oppna-rubrik" className="panel stack">
          <h2 id="oppna-rubrik">Öppna för förslag</h2>
          <ul>
            {open.map((c) => (
              <li key={c.slug}>
                <Link href={`/evenemang/${c.slug}/foresla`}>Föreslå ett lärpass till {c.name}</Link> (till {formatDateTime(c.closesAt)})
              </li>
            ))}
          </ul>
        </section>
      ) : (
        <p>Just nu tar inget evenemang emot förslag.</p>
      )}
      <section aria-labelledby="mina-rubrik" className="stack">
        <h2 id="mina-rubrik">Dina förslag</h2>
        {mine.length === 0 ? (
          <p>Du har inte föreslagit något lärpass ännu.</p>
        ) : (
          <ul className="stack">
            {mine.map((p) => (
              <li key={p.id}>
                <Link href={`/mina-forslag/${p.id}`}>{p.title}</Link> · {p.eventName} · <strong>{proposalStateLabels[p.state]}</strong>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
