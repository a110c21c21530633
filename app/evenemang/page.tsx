import type { Metadata } from "next";
import Link from "next/link";
import { listEvents } from "@/lib/programme";
import { listOpenCalls } from "@/lib/proposals/call";
import { formatDateSpan, formatDateTime } from "@/lib/time";

export const dynamic = "force-dynamic";
export const metadata: Metadata = {
  title: "Alla evenemang",
  description: "Konferenser och seminarier med lärpass, de senaste först.",
};

export default async function EventsPage() {
  const events = await listEvents();
  const calls = new Map(listOpenCalls().map((c) => [c.slug, c]));
  return (
    <>
      <h1>Alla evenemang</h1>
      {events.length === 0 ? (
        <p>Inga evenemang är publicerade ännu.</p>
      ) : (
        <ul className="cards">
          {events.map((e) => (
            <li key={e.id}>
              <article className="card">
                <h2>
                  <Link href={`/evenemang/${e.slug}`}>{e.name}</Link>
                </h2>
                <p className="meta">
                  {formatDateSpan(e.startsOn, e.endsOn)}
                  {e.venue ? ` · ${e.venue}` : null}
                </p>
                {calls.has(e.slug) ? (
                  <p>
                    <Link href={`/evenemang/${e.slug}/foresla`}>Föreslå ett lärpass</Link>{" "}
                    (till {formatDateTime(calls.get(e.slug)!.closesAt)})
                  </p>
                ) : null}
              </article>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
