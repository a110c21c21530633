import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { qrSvg } from "@/lib/documentation/qr";
import { doorSigns, getPrintableProgramme } from "@/lib/exports/print";
import { siteUrl } from "@/lib/site-url";
import { formatIsoDate, formatTimeRange } from "@/lib/time";
import { PrintHeader, speakerText } from "../parts";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ event: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const p = await getPrintableProgramme({ eventSlug: (await params).event });
  return { title: p ? `Dörrskyltar: ${p.event.name}` : "Sidan finns inte" };
}

/**
 * Public: one A4 sheet (landscape) per room and day for the door: the room's name and the lärpass held there,
 * by time, each with a QR code to its page (drawn by the `qrcode` library, lib/documentation/qr.ts).
 */
export default async function DoorSignsPage({ params }: Props) {
  const p = await getPrintableProgramme({ eventSlug: (await params).event });
  if (!p) notFound();
  const { event } = p;
  const origin = siteUrl();
  const signs = doorSigns(p);
  const urlOf = (slug: string) => `${origin}/evenemang/${event.slug}/larpass/${slug}`;
  const codes = new Map(await Promise.all(p.all.map(async (l) => [l.id, await qrSvg(urlOf(l.slug))] as const)));
  return (
    <div className="door-signs">
      <PrintHeader event={event} title="Dörrskyltar" lastUpdated={p.lastUpdated}>
        <p>En skylt per lokal och dag, i liggande A4. Skriv ut sidan; varje skylt hamnar på ett eget papper.</p>
      </PrintHeader>
      {signs.length === 0 ? <p>Inga lärpass har fått både tid och lokal ännu.</p> : null}
      {signs.map((s) => (
        <section key={`${s.date}-${s.room}`} className="door-sign" aria-labelledby={`skylt-${s.date}-${s.room}`}>
          <h2 id={`skylt-${s.date}-${s.room}`}>{s.room}</h2>
          <p className="date">
            {formatIsoDate(s.date)} · {event.name}
          </p>
          <ol>
            {s.larpass.map((l) => {
              const who = speakerText(l);
              return (
                <li key={l.id}>
                  <span className="when">{formatTimeRange(l.slot!.startsAt, l.slot!.endsAt, event.timeZone)}</span>
                  <span className="what">
                    <strong>
                      {l.status === "cancelled" ? "Inställt: " : ""}
                      {l.title}
                    </strong>
                    {who ? <span className="who"><br />{who}</span> : null}
                  </span>
                  <span
                    className="qr"
                    role="img"
                    aria-label={`QR-kod till lärpassets sida: ${urlOf(l.slug)}`}
                    data-url={urlOf(l.slug)}
                    dangerouslySetInnerHTML={{ __html: codes.get(l.id)! }}
                  />
                </li>
              );
            })}
          </ol>
        </section>
      ))}
    </div>
  );
}
