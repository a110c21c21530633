import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { larpassHref } from "@/components/larpass-card";
import { RegistrationControls, SignupArea } from "@/components/registration-controls";
import { getCalendarToken } from "@/lib/account";
import { getCurrentUser } from "@/lib/auth/current-user";
import { getMyProgramme, listMyEvents } from "@/lib/my-programme";
import { getCurrentEvent, getEventBySlug, getProgramme } from "@/lib/programme";
import { getSignupContext, returnPath } from "@/lib/signup-context";
import { chooseAction, leaveAction } from "@/app/program/actions";
import { siteUrl } from "@/lib/site-url";
import { formatDateSpan, formatDay, formatTimeRange } from "@/lib/time";
import { createCalendarLinkAction, revokeCalendarLinkAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Mitt program", description: "Dina valda lärpass, köplatser och kalender." };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function MyProgrammePage({ searchParams }: Props) {
  const user = await getCurrentUser();
  if (!user) redirect("/logga-in?next=/mitt-program");
  const query = await searchParams;
  const myEvents = await listMyEvents({ userId: user.id });
  // The event asked for, else the member's own nearest event (their seats may be in another year than the
  // programme's current event), else the current event.
  const event =
    typeof query.evenemang === "string"
      ? await getEventBySlug({ slug: query.evenemang })
      : myEvents[0]
        ? await getEventBySlug({ slug: myEvents[0].slug })
        : await getCurrentEvent();
  if (!event) notFound();
  const [rows, { all }] = await Promise.all([getMyProgramme({ userId: user.id, event }), getProgramme({ eventId: event.id })]);
  const signup = await getSignupContext({ actions: { choose: chooseAction, leave: leaveAction }, event, larpass: all, returnTo: returnPath("/mitt-program", query), params: query });
  const token = getCalendarToken({ userId: user.id });
  // The configured public address, never the request's Host header (which the client controls).
  const feedUrl = token ? `${siteUrl()}/kalender/${token}.ics` : null;
  const chosen = rows.filter((r) => r.seat).length;

  return (
    <>
      <h1>Mitt program</h1>
      <p className="lead">
        {event.name}: du har valt {chosen} av {rows.length} pass.
      </p>
      {myEvents.length > 1 ? (
        <nav aria-label="Välj evenemang">
          <ul className="actions" style={{ listStyle: "none", padding: 0 }}>
            {myEvents.map((e) => (
              <li key={e.id}>
                <Link href={`/mitt-program?evenemang=${e.slug}`} aria-current={e.id === event.id ? "page" : undefined}>
                  {e.name}
                </Link>{" "}
                <span className="meta">({formatDateSpan(e.startsOn, e.endsOn)})</span>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <div className="table-wrap">
        <SignupArea ctx={signup} live={false}>
        <table>
          <caption className="visually-hidden">Dina lärpass per pass</caption>
          <thead>
            <tr>
              <th scope="col">Tid</th>
              <th scope="col">Lärpass</th>
              <th scope="col">Ändra</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.slot.id}>
                <th scope="row">
                  <time dateTime={r.slot.startsAt.toISOString()}>
                    {formatDay(r.slot.startsAt, event.timeZone)}
                    <br />
                    {formatTimeRange(r.slot.startsAt, r.slot.endsAt, event.timeZone)}
                  </time>
                </th>
                <td>
                  {r.seat ? (
                    <p>
                      <Link href={larpassHref(event.slug, r.seat.slug)}>{r.seat.title}</Link>
                      <br />
                      <span className="meta">{r.seat.room?.name ?? "Lokal meddelas senare"}</span>
                      <br />
                      <Link href={`/evenemang/${event.slug}/dokumentation/svara/${r.seat.slug}`}>
                        Svara på frågor<span className="visually-hidden"> om {r.seat.title}</span>
                      </Link>
                    </p>
                  ) : (
                    <p className="muted">Inget valt.</p>
                  )}
                  {r.queues.map((q) => (
                    <div key={q.id}>
                      <p>
                        I kö till <Link href={larpassHref(event.slug, q.slug)}>{q.title}</Link>: plats {q.position}
                      </p>
                    </div>
                  ))}
                </td>
                <td>
                  {r.seat ? <RegistrationControls larpass={r.seat} ctx={signup} /> : null}
                  {r.queues.map((q) => (
                    <RegistrationControls key={q.id} larpass={q} ctx={signup} />
                  ))}
                  <p>
                    <Link href={`/evenemang/${event.slug}?slot=${r.slot.id}`}>
                      {r.seat ? "Se andra lärpass vid den här tiden" : `Välj bland ${r.choices} lärpass`}
                      <span className="visually-hidden">
                        {" "}
                        {formatTimeRange(r.slot.startsAt, r.slot.endsAt, event.timeZone)}
                      </span>
                    </Link>
                  </p>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        </SignupArea>
      </div>

      <p style={{ marginTop: "1rem" }}>
        <Link href={`/evenemang/${event.slug}/dokumentation/svara`}>Frågor till deltagarna om {event.name}</Link>
      </p>

      <section aria-labelledby="kalender" className="panel" style={{ marginTop: "2rem" }}>
        <h2 id="kalender">I din kalender</h2>
        <p>
          <a className="button secondary" href="/mitt-program/kalender.ics" download>
            Ladda ner kalenderfil (.ics)
          </a>
        </p>
        <p>
          Prenumerera i stället, så uppdateras kalendern när du byter lärpass eller när tider ändras (Outlook, Google
          Kalender, Apple Kalender).
        </p>
        {feedUrl ? (
          <>
            <div className="field">
              <label htmlFor="feed-url">Din personliga kalenderadress (hemlig)</label>
              <input id="feed-url" type="text" readOnly value={feedUrl} />
            </div>
            <div className="actions" style={{ marginTop: "0.5rem" }}>
              <a href={feedUrl.replace(/^https?:/, "webcal:")}>Öppna i kalenderprogrammet</a>
              <form action={createCalendarLinkAction}>
                <button type="submit" className="secondary">
                  Byt till en ny adress
                </button>
              </form>
              <form action={revokeCalendarLinkAction}>
                <button type="submit" className="secondary">
                  Stäng av adressen
                </button>
              </form>
            </div>
            <p className="meta">Byter eller stänger du av adressen slutar den gamla att fungera direkt.</p>
          </>
        ) : (
          <form action={createCalendarLinkAction}>
            <button type="submit">Skapa kalenderadress</button>
          </form>
        )}
        {query.kalender === "ny" ? <p role="status">En ny kalenderadress är skapad.</p> : null}
        {query.kalender === "borttagen" ? <p role="status">Kalenderadressen är avstängd.</p> : null}
      </section>
    </>
  );
}
