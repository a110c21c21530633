import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { trackSlug } from "@/lib/exports/calendar-feeds";
import { getEventBySlug, getProgramme } from "@/lib/programme";
import { siteUrl } from "@/lib/site-url";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ event: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const event = await getEventBySlug({ slug: (await params).event });
  if (!event) return { title: "Sidan finns inte" };
  return { title: `Utskrift och export: ${event.name}`, description: `Programmet för ${event.name} på papper, i kalendern och i andra appar.` };
}

/** Public: every way to take the programme along (paper, calendars, conference apps, feeds, the API). */
export default async function ExportsPage({ params }: Props) {
  const event = await getEventBySlug({ slug: (await params).event });
  if (!event) notFound();
  const { options } = await getProgramme({ eventId: event.id });
  const base = `/evenemang/${event.slug}`;
  const webcal = `${siteUrl().replace(/^https?:/, "webcal:")}${base}/kalender.ics`;
  return (
    <>
      <nav aria-label="Brödsmulor" className="breadcrumbs">
        <ol>
          <li>
            <Link href={base}>{event.name}</Link>
          </li>
          <li>
            <span aria-current="page">Utskrift och export</span>
          </li>
        </ol>
      </nav>
      <h1>Utskrift och export</h1>
      <p className="lead">Programmet för {event.name} på papper, i din kalender och i andra appar. Allt här är lika öppet som programmet.</p>

      <section aria-labelledby="papper">
        <h2 id="papper">På papper</h2>
        <ul>
          <li>
            <Link href={`${base}/utskrift`}>Programmet att skriva ut</Link>: en A4-sida per dag, tider som rader och lokaler som kolumner.
          </li>
          <li>
            <Link href={`${base}/utskrift/lista`}>Alla lärpass med sammanfattning</Link>, att skriva ut.
          </li>
          <li>
            <Link href={`${base}/utskrift/dorrskyltar`}>Dörrskyltar</Link>: en liggande A4 per lokal och dag, med en QR-kod till varje lärpass.
          </li>
        </ul>
      </section>

      <section aria-labelledby="kalender">
        <h2 id="kalender">I kalendern</h2>
        <p>
          Prenumerera på hela programmet, så kommer ändringar (ny tid, ny lokal, inställt) till din kalender av sig själva. Kalenderprogram
          hämtar om filen med jämna mellanrum, oftast några gånger per dag. Vill du bara ha det du valt finns din egen kalenderadress i{" "}
          <Link href="/mitt-program">Mitt program</Link>.
        </p>
        <ul>
          <li>
            <a href={webcal}>Prenumerera på hela programmet</a> (<a href={`${base}/kalender.ics`}>.ics-fil</a>)
          </li>
          {options.tracks.map((t) => (
            <li key={t}>
              Spåret {t}: <a href={`${base}/kalender.ics?spar=${trackSlug(t)}`}>.ics-fil att prenumerera på<span className="visually-hidden"> för spåret {t}</span></a>
            </li>
          ))}
        </ul>
        <p>Varje lärpass har också en egen knapp, &quot;Lägg till i kalendern&quot;, på sin sida.</p>
      </section>

      <section aria-labelledby="appar">
        <h2 id="appar">I konferensappar och på andra webbplatser</h2>
        <ul>
          <li>
            <a href={`${base}/schedule.xml`}>schedule.xml</a> (frab-formatet, för appar som Giggity och ConfClerk)
          </li>
          <li>
            <a href={`${base}/schedule.json`}>schedule.json</a> (C3VOC:s JSON-format)
          </li>
          <li>
            Ändringarna som flöde: <a href={`${base}/andringar/rss.xml`}>RSS</a> eller <a href={`${base}/andringar/atom.xml`}>Atom</a>
          </li>
          <li>
            <Link href="/api">Programmets API</Link> (JSON, för andra webbplatser)
          </li>
        </ul>
      </section>
    </>
  );
}
