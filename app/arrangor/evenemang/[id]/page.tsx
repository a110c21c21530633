import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { countEventRegistrations, getAdminEvent } from "@/lib/admin/events";
import { listEventLarpass } from "@/lib/admin/larpass-read";
import { requirePageRole } from "@/lib/auth/page-guards";
import { firstFreeDate, formatDateSpan, formatIsoDate, formatTimeRange, utcToZoned } from "@/lib/time";
import { idSchema } from "@/lib/validation/form";
import { Saved } from "@/components/form-fields";
import { addDayAction, addRoomAction, addSlotAction, renameDayAction, updateEventAction, updateRoomAction, updateSlotAction } from "./actions";
import { AddDayForm, AddRoomForm, AddSlotForm, EventForm, RoomForm } from "./event-forms";
import { DayNameForm, SlotEditForm } from "./frame-edit-forms";
import { EventHeader } from "@/components/event-header";
import { LarpassTable } from "./larpass-table";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Arrangör: evenemang" };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const savedText: Record<string, string> = {
  evenemang: "Evenemanget är sparat.",
  dag: "Dagen är tillagd.",
  dagnamn: "Dagens namn är sparat.",
  tid: "Tiden är tillagd.",
  tidandrad: "Tiden är ändrad.",
  lokal: "Lokalen är sparad.",
};
const removedText: Record<string, string> = {
  dag: "Dagen är borttagen.",
  tid: "Tiden är borttagen.",
  lokal: "Lokalen är borttagen.",
};

export default async function EventHubPage({ params, searchParams }: Props) {
  const { id: raw } = await params;
  await requirePageRole("organiser", `/arrangor/evenemang/${raw}`);
  const id = idSchema.safeParse(raw);
  if (!id.success) notFound();
  const data = getAdminEvent({ id: id.data });
  if (!data) notFound();
  const { event, days, slots, rooms } = data;
  const tz = event.timeZone;
  const query = await searchParams;
  const larpass = listEventLarpass({ eventId: event.id });
  const registrations = countEventRegistrations({ eventId: event.id });
  const local = (d: Date | null) => {
    if (!d) return "";
    const z = utcToZoned(d, tz);
    return `${z.date}T${z.time}`;
  };
  const dayLabel = (d: { date: string; name: string }) => `${formatIsoDate(d.date)}${d.name ? ` (${d.name})` : ""}`;
  const nextDay = firstFreeDate(event.startsOn, event.endsOn, days.map((d) => d.date));
  const chosenDay = typeof query.dag === "string" && days.some((d) => String(d.id) === query.dag) ? query.dag : String(days[0]?.id ?? "");
  const saved = typeof query.sparat === "string" ? savedText[query.sparat] : undefined;
  const removed = typeof query.borttaget === "string" ? removedText[query.borttaget] : undefined;
  const count = (s: string) => larpass.filter((l) => l.status === s).length;
  const editing = typeof query.tid === "string" ? slots.find((s) => String(s.id) === query.tid) : undefined;
  const slotCount = (n: number) => (n === 1 ? "1 tid" : `${n} tider`);

  return (
    <>
      <EventHeader event={event} />
      <p className="lead">
        {formatDateSpan(event.startsOn, event.endsOn)}
        {event.venue ? `, ${event.venue}` : ""}.{" "}
        {event.published ? (
          <>
            Publicerat: <Link href={`/evenemang/${event.slug}`}>visa programmet på webbplatsen</Link>.
          </>
        ) : (
          "Inte publicerat ännu."
        )}
      </p>
      {query.nytt === "1" ? <Saved>Evenemanget är skapat. Lägg till dagar, tider och lokaler nedan, och sedan lärpass.</Saved> : null}
      {saved ? <Saved>{saved}</Saved> : null}
      {removed ? <Saved>{removed}</Saved> : null}

      <section aria-labelledby="larpass" className="admin-section">
        <h2 id="larpass">Lärpass</h2>
        <p>
          {larpass.length} lärpass: {count("published")} publicerade, {count("draft")} utkast, {count("cancelled")} inställda.{" "}
          {registrations} val och köplatser från medlemmar.
        </p>
        <p className="actions">
          <Link className="button" href={`/arrangor/evenemang/${event.id}/larpass/ny`}>
            Nytt lärpass
          </Link>
          <Link className="button secondary" href={`/arrangor/evenemang/${event.id}/import`}>
            Importera lärpass
          </Link>
        </p>
        <LarpassTable rows={larpass} timeZone={tz} caption={`Lärpass i ${event.name}`} />
      </section>

      <section aria-labelledby="uppgifter" className="admin-section">
        <h2 id="uppgifter">Uppgifter om evenemanget</h2>
        <EventForm
          action={updateEventAction}
          eventId={event.id}
          defaults={{
            name: event.name,
            slug: event.slug,
            startsOn: event.startsOn,
            endsOn: event.endsOn,
            venue: event.venue,
            description: event.description,
            signupOpensAt: local(event.signupOpensAt),
            signupClosesAt: local(event.signupClosesAt),
            published: event.published,
            speakerEditDeadline: local(event.speakerEditDeadline),
            speakersSeeParticipants: event.speakersSeeParticipants,
          }}
        />
      </section>

      <section aria-labelledby="dagar" className="admin-section">
        <h2 id="dagar">Dagar</h2>
        {days.length === 0 ? (
          <p>Inga dagar ännu. Lägg till de dagar då det finns lärpass.</p>
        ) : (
          <ul className="stack plain-list">
            {days.map((d) => (
              <li key={d.id} className="panel">
                <h3>
                  {dayLabel(d)}, <span className="meta">{slotCount(slots.filter((s) => s.dayId === d.id).length)}</span>
                </h3>
                <DayNameForm action={renameDayAction} day={d} label={formatIsoDate(d.date)} />
                <p>
                  <Link className="button secondary small" href={`/arrangor/ta-bort/dag/${d.id}`}>
                    Ta bort<span className="visually-hidden"> dagen {dayLabel(d)}</span>
                  </Link>
                </p>
              </li>
            ))}
          </ul>
        )}
        <AddDayForm action={addDayAction} eventId={event.id} defaultDate={nextDay} />
      </section>

      <section aria-labelledby="tider" className="admin-section">
        <h2 id="tider">Tider</h2>
        <p>Ett lärpass är 45 minuter. Varje tid hör till en dag; flera lärpass kan gå samtidigt i olika lokaler.</p>
        {slots.length === 0 ? (
          <p>Inga tider ännu.</p>
        ) : (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Tider</caption>
              <thead>
                <tr>
                  <th scope="col">Dag</th>
                  <th scope="col">Tid</th>
                  <th scope="col">Namn</th>
                  <th scope="col">Lärpass</th>
                  <th scope="col">
                    <span className="visually-hidden">Ändra eller ta bort</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {slots.map((s) => {
                  const time = formatTimeRange(s.startsAt, s.endsAt, tz);
                  return (
                    <tr key={s.id}>
                      <td>{formatIsoDate(s.date)}</td>
                      <th scope="row">
                        <time dateTime={s.startsAt.toISOString()}>{time}</time>
                      </th>
                      <td>{s.label}</td>
                      <td>{s.larpassCount}</td>
                      <td className="row-buttons">
                        <Link className="button secondary small" href={`/arrangor/evenemang/${event.id}?tid=${s.id}#andra-tid`} aria-current={editing?.id === s.id ? "true" : undefined}>
                          Ändra<span className="visually-hidden"> tiden {formatIsoDate(s.date)} {time}</span>
                        </Link>
                        <Link className="button secondary small" href={`/arrangor/ta-bort/tid/${s.id}`}>
                          Ta bort<span className="visually-hidden"> tiden {formatIsoDate(s.date)} {time}</span>
                        </Link>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        {editing ? (
          <section aria-labelledby="andra-tid" className="stack">
            <h3 id="andra-tid" tabIndex={-1}>
              Ändra tiden {formatIsoDate(editing.date)} {formatTimeRange(editing.startsAt, editing.endsAt, tz)}
            </h3>
            {editing.larpassCount > 0 ? (
              <p>
                {editing.larpassCount === 1 ? "Ett lärpass ligger" : `${editing.larpassCount} lärpass ligger`} på den här tiden och flyttar
                med. Har medlemmar valt dem får du se hur många som berörs innan något ändras.
              </p>
            ) : null}
            <SlotEditForm
              key={editing.id}
              action={updateSlotAction}
              slot={{
                id: editing.id,
                dayId: String(editing.dayId),
                start: utcToZoned(editing.startsAt, tz).time,
                end: utcToZoned(editing.endsAt, tz).time,
                label: editing.label,
              }}
              days={days.map((d) => ({ id: d.id, label: dayLabel(d) }))}
              cancelHref={`/arrangor/evenemang/${event.id}#tider`}
            />
          </section>
        ) : null}
        {days.length ? (
          <AddSlotForm
            action={addSlotAction}
            eventId={event.id}
            days={days.map((d) => ({ id: d.id, label: dayLabel(d) }))}
            defaultDayId={chosenDay}
          />
        ) : (
          <p className="notice">Lägg till en dag först, så kan du lägga tider på den.</p>
        )}
      </section>

      <section aria-labelledby="lokaler" className="admin-section">
        <h2 id="lokaler">Lokaler</h2>
        {rooms.length === 0 ? (
          <p>Inga lokaler ännu.</p>
        ) : (
          <ul className="stack plain-list">
            {rooms.map((r) => (
              <li key={r.id} className="panel">
                <h3>
                  {r.name} <span className="meta">({r.capacity} platser, {r.larpassCount} lärpass)</span>
                </h3>
                <RoomForm action={updateRoomAction} room={r} />
                <p>
                  <Link className="button secondary small" href={`/arrangor/ta-bort/lokal/${r.id}`}>
                    Ta bort<span className="visually-hidden"> lokalen {r.name}</span>
                  </Link>
                </p>
              </li>
            ))}
          </ul>
        )}
        <AddRoomForm action={addRoomAction} eventId={event.id} />
      </section>

      <section aria-labelledby="ta-bort" className="admin-section">
        <h2 id="ta-bort">Ta bort evenemanget</h2>
        <p>Tar bort evenemanget med allt i det. Du får se vad som påverkas innan något tas bort.</p>
        <Link className="button danger" href={`/arrangor/ta-bort/evenemang/${event.id}`}>
          Ta bort evenemanget
        </Link>
      </section>
    </>
  );
}
