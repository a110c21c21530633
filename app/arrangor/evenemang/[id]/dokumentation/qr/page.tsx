import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getEventForOrganiser } from "@/lib/admin/grid";
import { requirePageRole } from "@/lib/auth/page-guards";
import { qrSvg } from "@/lib/documentation/qr";
import { getProgramme } from "@/lib/programme";
import { siteUrl } from "@/lib/site-url";
import { formatDay, formatTimeRange } from "@/lib/time";
import { idParamSchema } from "@/lib/validation/schedule";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "QR-skyltar" };

/** One A4 sheet per lärpass for the room door (and one for the event's questions), for printing. */
export default async function QrSheetsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePageRole("organiser", `/arrangor/evenemang/${id}/dokumentation/qr`);
  const eventId = idParamSchema.safeParse(id);
  if (!eventId.success) notFound();
  const event = getEventForOrganiser({ eventId: eventId.data });
  if (!event) notFound();
  const origin = siteUrl();
  const programme = await getProgramme({ eventId: event.id });
  const sheets = [
    { key: "event", title: event.name, lines: ["Frågor till deltagarna"], url: `${origin}/evenemang/${event.slug}/dokumentation/svara` },
    ...programme.all
      .filter((l) => l.status === "published")
      .map((l) => ({
        key: String(l.id),
        title: l.title,
        lines: [l.slot ? `${formatDay(l.slot.startsAt, event.timeZone)} ${formatTimeRange(l.slot.startsAt, l.slot.endsAt, event.timeZone)}` : "Tid meddelas senare", l.room?.name ?? ""].filter(Boolean),
        url: `${origin}/evenemang/${event.slug}/dokumentation/svara/${l.slug}`,
      })),
  ];
  const svgs = await Promise.all(sheets.map((s) => qrSvg(s.url)));
  return (
    <>
      <h1 className="no-print">QR-skyltar: {event.name}</h1>
      <p className="no-print meta">Skriv ut sidan (A4): en skylt per lärpass att sätta på dörren, och en för evenemangets frågor.</p>
      {sheets.map((s, i) => (
        <section key={s.key} className="qr-sheet" aria-labelledby={`qr-${s.key}`}>
          <h2 id={`qr-${s.key}`}>{s.title}</h2>
          {s.lines.map((line) => (
            <p key={line}>{line}</p>
          ))}
          <p>Skanna koden och svara på frågorna:</p>
          <div role="img" aria-label={`QR-kod till ${s.url}`} dangerouslySetInnerHTML={{ __html: svgs[i] }} />
          <p>{s.url}</p>
        </section>
      ))}
    </>
  );
}
