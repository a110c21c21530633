import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TableScroll } from "@/components/table-scroll";
import { getDemand } from "@/lib/admin/grid";
import { getOrganisationDemand } from "@/lib/admin/organisation-demand";
import { requirePageRole } from "@/lib/auth/page-guards";
import { formatDay, formatTimeRange } from "@/lib/time";
import { idParamSchema } from "@/lib/validation/schedule";
import { EventHeader } from "@/components/event-header";
import { SuggestionForm } from "./suggestion-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Efterfrågan" };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const percent = (part: number, whole: number | null) => (whole ? `${Math.round((100 * part) / whole)} %` : "–");

export default async function DemandPage({ params, searchParams }: Props) {
  const { id } = await params;
  await requirePageRole("organiser", `/arrangor/evenemang/${id}/efterfragan`);
  const eventId = idParamSchema.safeParse(id);
  if (!eventId.success) notFound();
  const data = getDemand({ eventId: eventId.data });
  if (!data) notFound();
  const { event, rooms, slots, slotDemand, suggestions } = data;
  const perOrganisation = getOrganisationDemand({ eventId: event.id });
  const tz = event.timeZone;
  const query = await searchParams;
  const hidden = new Set(
    String(query.dolj ?? "")
      .split(",")
      .map(Number)
      .filter((n) => Number.isInteger(n) && n > 0),
  );
  const applied = idParamSchema.safeParse(query.forslag);

  const multiDay = new Set(slots.map((s) => formatDay(s.startsAt, tz))).size > 1;
  const slotById = new Map(slots.map((s) => [s.id, s]));
  const slotText = (slotId: number | null) => {
    const s = slotId != null ? slotById.get(slotId) : undefined;
    if (!s) return "Utan tid";
    return `${multiDay ? `${formatDay(s.startsAt, tz)} ` : ""}${formatTimeRange(s.startsAt, s.endsAt, tz)}`;
  };
  const roomName = (roomId: number | null) => (roomId != null ? (rooms.find((r) => r.id === roomId)?.name ?? "–") : "Ingen lokal");

  const active = data.larpass
    .filter((l) => l.status !== "cancelled")
    .sort(
      (a, b) =>
        (a.timeSlotId != null ? slotById.get(a.timeSlotId)!.startsAt.getTime() : Infinity) -
          (b.timeSlotId != null ? slotById.get(b.timeSlotId)!.startsAt.getTime() : Infinity) || a.id - b.id,
    );
  const scale = Math.max(1, ...active.map((l) => Math.max(l.seats.confirmed + l.seats.waitlisted, l.capacity ?? 0)));
  const chartSummary = `Stapeldiagram över efterfrågan per lärpass: samma siffror som i tabellen ovan. ${
    active.filter((l) => l.capacity != null && l.seats.confirmed + l.seats.waitlisted > l.capacity).length
  } av ${active.length} lärpass har fler intresserade än platser.`;

  return (
    <>
      <EventHeader event={event} title="Efterfrågan" lead="Hur många som valt varje lärpass och står i kö, mot antalet platser, och förslag på lokaler efter efterfrågan." />

      <div role="status">
        {applied.success ? <p className="inline-notice">Förslaget för {slotText(applied.data)} är genomfört. Medlemmarna har fått mejl.</p> : null}
      </div>

      <section aria-labelledby="per-larpass">
        <h2 id="per-larpass">Per lärpass</h2>
        <TableScroll label="Efterfrågan per lärpass">
          <table className="demand-table">
            <caption className="visually-hidden">Efterfrågan per lärpass</caption>
            <thead>
              <tr>
                <th scope="col">Lärpass</th>
                <th scope="col">Tid</th>
                <th scope="col">Lokal</th>
                <th scope="col" className="num">Med plats</th>
                <th scope="col" className="num">I kö</th>
                <th scope="col" className="num">Platser</th>
                <th scope="col" className="num">Beläggning</th>
                <th scope="col" className="num">Efterfrågan mot platser</th>
              </tr>
            </thead>
            <tbody>
              {active.map((l) => {
                const demand = l.seats.confirmed + l.seats.waitlisted;
                return (
                  <tr key={l.id} id={`lp-${l.id}`}>
                    <th scope="row">{l.title}</th>
                    <td>{slotText(l.timeSlotId)}</td>
                    <td>{roomName(l.roomId)}</td>
                    <td className="num">{l.seats.confirmed}</td>
                    <td className="num">{l.seats.waitlisted}</td>
                    <td className="num">{l.capacity ?? "okänt"}</td>
                    <td className="num">{percent(l.seats.confirmed, l.capacity)}</td>
                    <td className={`num${l.capacity != null && demand > l.capacity ? " over" : ""}`}>{percent(demand, l.capacity)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>

        <figure className="demand-chart" role="img" aria-label={chartSummary}>
          <figcaption>Med plats (mörk), i kö (randig) och antal platser (streck)</figcaption>
          <ul>
            {active.map((l) => {
              const pct = (n: number) => `${(100 * n) / scale}%`;
              return (
                <li key={l.id}>
                  <span className="bar-label">{l.title}</span>
                  <span className="bar-track">
                    <span className="bar confirmed" style={{ width: pct(l.seats.confirmed) }} />
                    <span className="bar waitlisted" style={{ width: pct(l.seats.waitlisted) }} />
                    {l.capacity != null ? <span className="bar-capacity" style={{ left: pct(l.capacity) }} /> : null}
                  </span>
                  <span className="bar-value">
                    {l.seats.confirmed}
                    {l.seats.waitlisted ? ` + ${l.seats.waitlisted} i kö` : ""} / {l.capacity ?? "?"}
                  </span>
                </li>
              );
            })}
          </ul>
        </figure>
      </section>

      <section aria-labelledby="per-tid">
        <h2 id="per-tid">Per tid</h2>
        <TableScroll label="Platser och anmälda medlemmar per tid">
          <table>
            <caption className="visually-hidden">Platser och anmälda medlemmar per tid</caption>
            <thead>
              <tr>
                <th scope="col">Tid</th>
                <th scope="col" className="num">Lärpass</th>
                <th scope="col" className="num">Platser totalt</th>
                <th scope="col" className="num">Medlemmar med plats</th>
                <th scope="col" className="num">Medlemmar bara i kö</th>
                <th scope="col" className="num">Lediga platser</th>
              </tr>
            </thead>
            <tbody>
              {slotDemand.map((d) => (
                <tr key={d.slot.id}>
                  <th scope="row">{slotText(d.slot.id)}</th>
                  <td className="num">{d.larpass.length}</td>
                  <td className="num">{d.seats ?? "okänt"}</td>
                  <td className="num">{d.confirmedMembers}</td>
                  <td className="num">{d.waitingOnlyMembers}</td>
                  <td className="num">{d.seats == null ? "–" : Math.max(0, d.seats - d.larpass.reduce((n, l) => n + l.seats.confirmed, 0))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>

      <section aria-labelledby="per-organisation">
        <h2 id="per-organisation">Per organisation</h2>
        {perOrganisation.length === 0 ? (
          <p>Ingen har valt något lärpass ännu.</p>
        ) : (
          <TableScroll label="Deltagande organisationer">
            <table>
              <caption className="visually-hidden">Deltagande organisationer: antal medlemmar, platser och köplatser, och vilka lärpass de valt</caption>
              <thead>
                <tr>
                  <th scope="col">Organisation</th>
                  <th scope="col" className="num">Medlemmar</th>
                  <th scope="col" className="num">Platser</th>
                  <th scope="col" className="num">I kö</th>
                  <th scope="col">Lärpass (platser, kö)</th>
                </tr>
              </thead>
              <tbody>
                {perOrganisation.map((d) => (
                  <tr key={d.organisation?.id ?? "ingen"}>
                    <th scope="row">
                      {d.organisation ? d.organisation.name : <em>Ingen organisation angiven</em>}
                      {d.organisation && !d.organisation.confirmed ? <span className="meta"> (ny, ej bekräftad)</span> : null}
                    </th>
                    <td className="num">{d.members}</td>
                    <td className="num">{d.seats}</td>
                    <td className="num">{d.waitlisted}</td>
                    <td>
                      <ul className="plain-list">
                        {d.larpass.map((l) => (
                          <li key={l.id}>
                            {l.title} ({l.seats}
                            {l.waitlisted ? `, ${l.waitlisted} i kö` : ""})
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>

      <section aria-labelledby="lokalforslag">
        <h2 id="lokalforslag">Lokalförslag</h2>
        <p>Förslaget ger lärpasset med störst efterfrågan (med plats + i kö) den största lokalen, och så vidare. Tiderna ändras inte.</p>
        {rooms.length === 0 ? <p className="notice">Evenemanget har inga lokaler.</p> : null}
        {suggestions
          .filter((s) => s.rows.length > 0)
          .map((s) => {
            const label = slotText(s.slotId);
            const ignored = hidden.has(s.slotId);
            const ignoreHref = `/arrangor/evenemang/${event.id}/efterfragan?dolj=${[...hidden, s.slotId].join(",")}#forslag-${s.slotId}`;
            return (
              <section key={s.slotId} aria-labelledby={`forslag-${s.slotId}`} className="suggestion">
                <h3 id={`forslag-${s.slotId}`}>{label}</h3>
                {s.changes === 0 ? (
                  <p>Lokalerna stämmer redan med efterfrågan.</p>
                ) : ignored ? (
                  <p className="muted">
                    Förslaget är ignorerat.{" "}
                    <a href={`/arrangor/evenemang/${event.id}/efterfragan?dolj=${[...hidden].filter((h) => h !== s.slotId).join(",")}#forslag-${s.slotId}`}>
                      Visa förslaget<span className="visually-hidden"> för {label}</span> igen
                    </a>
                  </p>
                ) : (
                  <>
                    <TableScroll label={`Föreslagna lokaler ${label}`}>
                      <table>
                        <caption className="visually-hidden">Föreslagna lokaler {label}</caption>
                        <thead>
                          <tr>
                            <th scope="col">Lärpass</th>
                            <th scope="col" className="num">Efterfrågan</th>
                            <th scope="col">Nu</th>
                            <th scope="col">Förslag</th>
                          </tr>
                        </thead>
                        <tbody>
                          {s.rows.map((r) => (
                            <tr key={r.larpassId} className={r.changed ? "changed" : undefined}>
                              <th scope="row">{r.title}</th>
                              <td className="num">{r.demand}</td>
                              <td>{roomName(r.currentRoomId)}</td>
                              <td>
                                {r.suggestedRoomId == null ? "Ingen ledig lokal (behåller sin)" : roomName(r.suggestedRoomId)}
                                {r.changed ? <strong> (ändras)</strong> : null}
                              </td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </TableScroll>
                    <SuggestionForm
                      eventId={event.id}
                      slotId={s.slotId}
                      slotLabel={label}
                      ignoreHref={ignoreHref}
                      moves={s.rows.filter((r) => r.changed).map((r) => `${r.larpassId}:${r.version}:${r.suggestedRoomId}`)}
                    />
                  </>
                )}
              </section>
            );
          })}
      </section>
    </>
  );
}
