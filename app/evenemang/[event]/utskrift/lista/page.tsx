import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Markdown } from "@/components/markdown";
import { getPrintableProgramme } from "@/lib/exports/print";
import { formatDay, formatTimeRange } from "@/lib/time";
import { PrintHeader, speakerText } from "../parts";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ event: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const p = await getPrintableProgramme({ eventSlug: (await params).event });
  return { title: p ? `Alla lärpass att skriva ut: ${p.event.name}` : "Sidan finns inte" };
}

/** Public: every lärpass with its time, room, speakers and abstract, in programme order, for paper. */
export default async function PrintableListPage({ params }: Props) {
  const p = await getPrintableProgramme({ eventSlug: (await params).event });
  if (!p) notFound();
  const { event } = p;
  const ordered = [...p.all.filter((l) => l.slot), ...p.unscheduled];
  return (
    <>
      <PrintHeader event={event} title="Alla lärpass med sammanfattning" lastUpdated={p.lastUpdated}>
        <p>
          Skriv ut sidan eller spara den som PDF. Schemat på en sida per dag finns i{" "}
          <Link href={`/evenemang/${event.slug}/utskrift`}>programmet att skriva ut</Link>.
        </p>
      </PrintHeader>
      <div className="print-list">
        <h2 className="visually-hidden">Lärpassen</h2>
        {ordered.map((l) => {
          const who = speakerText(l);
          return (
            <article key={l.id} aria-labelledby={`lp-${l.id}`}>
              <h3 id={`lp-${l.id}`}>
                {l.status === "cancelled" ? "Inställt: " : ""}
                {l.title}
              </h3>
              <p className="meta">
                {l.slot ? `${formatDay(l.slot.startsAt, event.timeZone)}, ${formatTimeRange(l.slot.startsAt, l.slot.endsAt, event.timeZone)}` : "Tid meddelas senare"}
                {" · "}
                {l.room?.name ?? "Lokal meddelas senare"}
              </p>
              {who ? <p>{who}</p> : null}
              <Markdown>{l.abstract || "Sammanfattningen kommer snart."}</Markdown>
            </article>
          );
        })}
      </div>
    </>
  );
}
