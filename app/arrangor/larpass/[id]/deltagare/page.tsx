import { seatsTaken } from "@/lib/phrases";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getParticipantList } from "@/lib/admin/exports";
import { requirePageRole } from "@/lib/auth/page-guards";
import { formatDay, formatTimeRange } from "@/lib/time";
import { idParamSchema } from "@/lib/validation/schedule";
import { PrintButton } from "./print-button";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const id = idParamSchema.safeParse((await params).id);
  const list = id.success ? getParticipantList({ larpassId: id.data }) : null;
  return { title: list ? `Deltagare: ${list.larpass.title}` : "Deltagare" };
}

/** The room host's list: who has a seat (with a column to tick attendance), then the queue. Print-friendly. */
export default async function ParticipantsPage({ params }: Props) {
  const { id } = await params;
  await requirePageRole("organiser", `/arrangor/larpass/${id}/deltagare`);
  const larpassId = idParamSchema.safeParse(id);
  if (!larpassId.success) notFound();
  const list = getParticipantList({ larpassId: larpassId.data });
  if (!list) notFound();
  const { event, larpass, slot, room, confirmed, waitlisted } = list;
  const tz = event.timeZone;

  return (
    <article className="participants">
      <nav aria-label="Brödsmulor" className="breadcrumbs no-print">
        <ol>
          <li>
            <Link href="/arrangor">Arrangör</Link>
          </li>
          <li>
            <Link href={`/arrangor/evenemang/${event.id}/export`}>Export: {event.name}</Link>
          </li>
          <li>
            <span aria-current="page">Deltagare</span>
          </li>
        </ol>
      </nav>
      <h1>{larpass.title}</h1>
      <p className="meta">{event.name}</p>
      <dl className="facts">
        <dt>Tid</dt>
        <dd>{slot ? `${formatDay(slot.startsAt, tz)} ${formatTimeRange(slot.startsAt, slot.endsAt, tz)}` : "Ingen tid ännu"}</dd>
        <dt>Lokal</dt>
        <dd>{room ? room.name : "Ingen lokal ännu"}</dd>
        <dt>Platser</dt>
        <dd>
          {seatsTaken(confirmed.length, larpass.capacity)}
          {waitlisted.length ? `, ${waitlisted.length} i kö` : ""}
        </dd>
        {larpass.status === "cancelled" ? (
          <>
            <dt>Status</dt>
            <dd>Inställt</dd>
          </>
        ) : null}
      </dl>
      <p className="actions no-print">
        <PrintButton />
        <a className="button secondary" href={`/arrangor/evenemang/${event.id}/export/larpass-${larpass.id}.csv`} download>
          Ladda ner som CSV
        </a>
      </p>

      <h2>Med plats</h2>
      {confirmed.length === 0 ? (
        <p>Ingen har valt lärpasset ännu.</p>
      ) : (
        <AttendanceTable
          caption={`Deltagare med plats på ${larpass.title}`}
          numberLabel="Nr"
          rows={confirmed.map((p, i) => ({ ...p, number: i + 1 }))}
        />
      )}

      {waitlisted.length ? (
        <>
          <h2>I kö</h2>
          <p>Kommer någon med plats inte, får de första i kön platsen.</p>
          <AttendanceTable
            caption={`Kön till ${larpass.title}`}
            numberLabel="Köplats"
            rows={waitlisted.map((p, i) => ({ ...p, number: p.position ?? i + 1 }))}
          />
        </>
      ) : null}
    </article>
  );
}

/** One table for seats and queue: a number, the name, the organisation, the address and a box to tick on paper. */
function AttendanceTable({
  caption,
  numberLabel,
  rows,
}: {
  caption: string;
  numberLabel: string;
  rows: { number: number; name: string | null; organisation: string; email: string }[];
}) {
  return (
    <table className="attendance">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col" className="num">
            {numberLabel}
          </th>
          <th scope="col">Namn</th>
          <th scope="col">Organisation</th>
          <th scope="col">E-post</th>
          <th scope="col" className="tick">
            Närvarande
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((p) => (
          <tr key={p.email}>
            <td className="num">{p.number}</td>
            <th scope="row">{p.name || "–"}</th>
            <td>{p.organisation || "–"}</td>
            <td>{p.email}</td>
            <td className="tick">
              <input type="checkbox" aria-label={`${p.name || p.email} är närvarande`} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
