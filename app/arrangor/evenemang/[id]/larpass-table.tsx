import Link from "next/link";
import type { AdminLarpassRow } from "@/lib/admin/larpass-read";
import { formatDay, formatTimeRange } from "@/lib/time";
import { larpassStatusLabels } from "@/lib/domain";

/** The event's lärpass, every status, each linking to its edit page. */
export function LarpassTable({ rows, timeZone, caption }: { rows: AdminLarpassRow[]; timeZone: string; caption: string }) {
  if (rows.length === 0) return <p>Inga lärpass ännu.</p>;
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Lärpass</th>
            <th scope="col">Status</th>
            <th scope="col">Tid</th>
            <th scope="col">Lokal</th>
            <th scope="col">Talare</th>
            <th scope="col">Valda / platser</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((l) => (
            <tr key={l.id}>
              <th scope="row">
                <Link href={`/arrangor/larpass/${l.id}`}>{l.title}</Link>
              </th>
              <td>
                <span className={`badge ${l.status === "published" ? "" : l.status === "cancelled" ? "cancelled" : "draft"}`}>
                  {larpassStatusLabels[l.status]}
                </span>
              </td>
              <td>
                {l.slot ? (
                  <time dateTime={l.slot.startsAt.toISOString()}>
                    {formatDay(l.slot.startsAt, timeZone)} {formatTimeRange(l.slot.startsAt, l.slot.endsAt, timeZone)}
                  </time>
                ) : (
                  <span className="muted">Ingen tid</span>
                )}
              </td>
              <td>{l.room ?? <span className="muted">Ingen lokal</span>}</td>
              <td>{l.speakers.length ? l.speakers.join(", ") : <span className="muted">Inga talare</span>}</td>
              <td>
                {l.seats.confirmed} / {l.capacity ?? "–"}
                {l.seats.waitlisted ? `, ${l.seats.waitlisted} i kö` : ""}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
