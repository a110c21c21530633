import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getScheduleGrid } from "@/lib/admin/grid";
import { requirePageRole } from "@/lib/auth/page-guards";
import { formatDay, formatTimeRange } from "@/lib/time";
import { idParamSchema } from "@/lib/validation/schedule";
import { EventHeader } from "@/components/event-header";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Export" };

type Props = { params: Promise<{ id: string }> };

export default async function ExportPage({ params }: Props) {
  const { id } = await params;
  await requirePageRole("organiser", `/arrangor/evenemang/${id}/export`);
  const eventId = idParamSchema.safeParse(id);
  if (!eventId.success) notFound();
  const grid = getScheduleGrid({ eventId: eventId.data });
  if (!grid) notFound();
  const { event, slots, rooms } = grid;
  const tz = event.timeZone;
  const base = `/arrangor/evenemang/${event.id}/export`;
  const slotText = (s: { startsAt: Date; endsAt: Date }) => `${formatDay(s.startsAt, tz)} ${formatTimeRange(s.startsAt, s.endsAt, tz)}`;
  const slotOf = (slotId: number | null) => slots.find((s) => s.id === slotId);
  const larpass = [...grid.larpass].sort(
    (a, b) => (slotOf(a.timeSlotId)?.startsAt.getTime() ?? Infinity) - (slotOf(b.timeSlotId)?.startsAt.getTime() ?? Infinity) || a.id - b.id,
  );

  return (
    <>
      <EventHeader
        event={event}
        title="Export"
        lead="Deltagarlistor som CSV-filer (öppnas i Excel med å, ä och ö) och utskrivbara listor för lokalvärdarna."
      />

      <section aria-labelledby="hela">
        <h2 id="hela">Hela evenemanget</h2>
        <ul>
          <li>
            <a href={`${base}/anmalningar.csv`} download>
              Alla anmälningar (CSV)
            </a>
          </li>
          {event.published ? (
            <>
              <li>
                <a href={`/evenemang/${event.slug}/schedule.xml`}>Det publicerade programmet som schedule.xml</a> (frab-formatet för konferensappar, öppet för alla)
              </li>
              <li>
                <a href={`/evenemang/${event.slug}/schedule.json`}>Det publicerade programmet som schedule.json</a> (C3VOC:s JSON-format för konferensappar, öppet för alla)
              </li>
              <li>
                <a href={`/evenemang/${event.slug}/kalender.ics`}>Hela programmet som kalender</a> (.ics att prenumerera på, öppen för alla)
              </li>
              <li>
                <Link href={`/evenemang/${event.slug}/utskrift`}>Programmet att skriva ut</Link>,{" "}
                <Link href={`/evenemang/${event.slug}/utskrift/lista`}>alla lärpass med sammanfattning</Link> och{" "}
                <Link href={`/evenemang/${event.slug}/utskrift/dorrskyltar`}>dörrskyltar per lokal</Link> (A4, med QR-koder)
              </li>
              <li>
                <Link href={`/evenemang/${event.slug}/exportera`}>Allt som finns för deltagarna</Link> (kalendrar per spår, ändringarna som RSS och Atom, API:t)
              </li>
            </>
          ) : (
            <li>Programmets öppna format (schedule.xml, schedule.json, kalender, utskrifter) finns när evenemanget är publicerat.</li>
          )}
        </ul>
      </section>

      <section aria-labelledby="per-tid">
        <h2 id="per-tid">Per tid</h2>
        {slots.length === 0 ? (
          <p>Evenemanget har inga tider.</p>
        ) : (
          <ul>
            {slots.map((s) => (
              <li key={s.id}>
                <a href={`${base}/pass-${s.id}.csv`} download>
                  Deltagare {slotText(s)} (CSV)
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="per-larpass">
        <h2 id="per-larpass">Per lärpass</h2>
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Deltagarlistor per lärpass</caption>
            <thead>
              <tr>
                <th scope="col">Lärpass</th>
                <th scope="col">Tid och lokal</th>
                <th scope="col" className="num">Med plats</th>
                <th scope="col" className="num">I kö</th>
                <th scope="col">Listor</th>
              </tr>
            </thead>
            <tbody>
              {larpass.map((l) => {
                const slot = slotOf(l.timeSlotId);
                return (
                  <tr key={l.id}>
                    <th scope="row">{l.title}</th>
                    <td>
                      {slot ? slotText(slot) : "Utan tid"}
                      {l.roomId != null ? `, ${rooms.find((r) => r.id === l.roomId)?.name ?? ""}` : ""}
                    </td>
                    <td className="num">{l.seats.confirmed}</td>
                    <td className="num">{l.seats.waitlisted}</td>
                    <td>
                      <Link href={`/arrangor/larpass/${l.id}/deltagare`}>
                        Utskrivbar lista<span className="visually-hidden"> för {l.title}</span>
                      </Link>
                      {" · "}
                      <a href={`${base}/larpass-${l.id}.csv`} download>
                        CSV<span className="visually-hidden"> för {l.title}</span>
                      </a>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
