import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RatingBars } from "@/components/documentation/rating-bars";
import { getEventForOrganiser } from "@/lib/admin/grid";
import { requirePageRole } from "@/lib/auth/page-guards";
import { ratingsByLarpass } from "@/lib/documentation/read";
import { formatAverage } from "@/lib/documentation/rules";
import { compareSv } from "@/lib/text";
import { idParamSchema } from "@/lib/validation/schedule";
import { EventHeader } from "@/components/event-header";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Betyg" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const sorts = { titel: "Lärpass", antal: "Antal svar", medel: "Medelbetyg" } as const;

/** Ratings per lärpass: a sortable overview (plain links, no script), a chart per lärpass and a CSV. */
export default async function RatingsPage({ params, searchParams }: Props) {
  const { id } = await params;
  await requirePageRole("organiser", `/arrangor/evenemang/${id}/dokumentation/betyg`);
  const eventId = idParamSchema.safeParse(id);
  if (!eventId.success) notFound();
  const event = getEventForOrganiser({ eventId: eventId.data });
  if (!event) notFound();
  const sort = (await searchParams).sortera;
  const key = typeof sort === "string" && sort in sorts ? (sort as keyof typeof sorts) : "titel";
  const rows = ratingsByLarpass({ eventId: event.id }).sort((a, b) =>
    key === "antal" ? b.summary.count - a.summary.count : key === "medel" ? (b.summary.average ?? 0) - (a.summary.average ?? 0) : compareSv(a.title, b.title),
  );
  const base = `/arrangor/evenemang/${event.id}/dokumentation/betyg`;
  return (
    <>
      <EventHeader event={event} title="Betyg" lead="Deltagarnas betyg per lärpass, med fördelning och kommentarer." />
      <p className="actions">
        <Link href={`/arrangor/evenemang/${event.id}/dokumentation`}>Tillbaka till Dokumentation</Link>
        <a className="button secondary" href={`${base}.csv`} download>
          Ladda ner som CSV
        </a>
      </p>
      {rows.length === 0 ? (
        <p>Inga betyg än.</p>
      ) : (
        <>
          <table>
            <caption className="visually-hidden">Översikt, sorterad efter {sorts[key].toLowerCase()}</caption>
            <thead>
              <tr>
                {(Object.keys(sorts) as (keyof typeof sorts)[]).map((k) => (
                  <th key={k} scope="col" aria-sort={k === key ? (k === "titel" ? "ascending" : "descending") : undefined}>
                    <Link href={`${base}?sortera=${k}`}>{sorts[k]}</Link>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.larpassId}>
                  <th scope="row">
                    <a href={`#betyg-${r.larpassId}`}>{r.title}</a>
                  </th>
                  <td>{r.summary.count}</td>
                  <td>{formatAverage(r.summary.average)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {rows.map((r) => (
            <section key={r.larpassId} id={`betyg-${r.larpassId}`} aria-labelledby={`betyg-${r.larpassId}-rubrik`} className="panel" style={{ marginTop: "1rem" }}>
              <h2 id={`betyg-${r.larpassId}-rubrik`}>{r.title}</h2>
              <RatingBars row={r} />
            </section>
          ))}
        </>
      )}
    </>
  );
}
