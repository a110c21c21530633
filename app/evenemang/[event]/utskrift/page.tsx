import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getPrintableProgramme } from "@/lib/exports/print";
import { formatIsoDate, formatTimeRange } from "@/lib/time";
import { PrintHeader, PrintItem } from "./parts";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ event: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const p = await getPrintableProgramme({ eventSlug: (await params).event });
  return { title: p ? `Programmet att skriva ut: ${p.event.name}` : "Sidan finns inte" };
}

/** Public: the programme on A4, one page per day, time slots as rows and rooms as columns. */
export default async function PrintableGridPage({ params }: Props) {
  const p = await getPrintableProgramme({ eventSlug: (await params).event });
  if (!p) notFound();
  const { event } = p;
  return (
    <>
      <PrintHeader event={event} title="Programmet" lastUpdated={p.lastUpdated}>
        <p>
          Skriv ut sidan eller välj &quot;Spara som PDF&quot; i utskriftsdialogen: en A4-sida per dag. Vill du ha sammanfattningarna med?
          Använd <Link href={`/evenemang/${event.slug}/utskrift/lista`}>listan med alla lärpass</Link>.
        </p>
      </PrintHeader>
      {p.days.length === 0 ? <p>Inga lärpass har fått en tid ännu.</p> : null}
      {p.days.map((day) => (
        <section key={day.date} className={`print-day${day.landscape ? " landscape" : ""}`} aria-labelledby={`dag-${day.date}`}>
          <h2 id={`dag-${day.date}`}>{formatIsoDate(day.date)}</h2>
          <table className="print-grid">
            <caption className="visually-hidden">
              Lärpass {formatIsoDate(day.date)}: tider som rader och lokaler som kolumner
            </caption>
            <thead>
              <tr>
                <th scope="col" className="time">
                  Tid
                </th>
                {day.rooms.map((room) => (
                  <th key={room} scope="col">
                    {room}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {day.rows.map((row) => (
                <tr key={row.slot.id}>
                  <th scope="row" className="time">
                    {formatTimeRange(row.slot.startsAt, row.slot.endsAt, event.timeZone)}
                    {row.slot.label ? <div>{row.slot.label}</div> : null}
                  </th>
                  {day.rooms.map((room) => (
                    <td key={room}>
                      {(row.cells[room] ?? []).map((l) => (
                        <PrintItem key={l.id} event={event} l={l} />
                      ))}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
      {p.unscheduled.length > 0 ? (
        <section className="print-day" aria-labelledby="utan-tid">
          <h2 id="utan-tid">Tid meddelas senare</h2>
          {p.unscheduled.map((l) => (
            <PrintItem key={l.id} event={event} l={l} />
          ))}
        </section>
      ) : null}
    </>
  );
}
