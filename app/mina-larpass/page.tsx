import { seatsTaken } from "@/lib/phrases";
import type { Metadata } from "next";
import Link from "next/link";
import { larpassHref } from "@/components/larpass-card";
import { requirePageRole } from "@/lib/auth/page-guards";
import { getMySpeaker, listMyLarpass } from "@/lib/speakers/mine";
import { myReviewStates } from "@/lib/speakers/review";
import { formatDay, formatTimeRange } from "@/lib/time";
import { larpassStatusLabels } from "@/lib/domain";
import { WindowNote } from "./window-note";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Mina lärpass", description: "Lärpassen du talar i: tid, lokal, anmälda och din sammanfattning." };

/** Every lärpass the signed-in speaker speaks in, across events. A member is told this is for speakers. */
export default async function MyLarpassPage() {
  const user = await requirePageRole("member", "/mina-larpass");
  const speaker = getMySpeaker({ userId: user.id });
  if (!speaker) {
    return (
      <>
        <h1>Mina lärpass</h1>
        <div className="panel stack">
          <p>
            <strong>Du är inte talare.</strong> Ditt konto ({user.email}) är inte kopplat till någon talare, så här finns inga lärpass att visa.
          </p>
          <p>
            Mina lärpass är till för talare som arrangörerna har bjudit in. Har du fått en inbjudan med e-post? Logga då in med den adress
            inbjudan kom till. Annars kan du be arrangörerna bjuda in dig.
          </p>
          <p>
            <Link href="/mitt-program">Till Mitt program</Link>
          </p>
        </div>
      </>
    );
  }
  const list = listMyLarpass({ userId: user.id });
  const reviews = myReviewStates({ larpassIds: list.map((l) => l.id) });
  return (
    <>
      <h1>Mina lärpass</h1>
      <p className="lead">
        Du är talare som {speaker.name}
        {speaker.organisation ? `, ${speaker.organisation}` : ""}. <Link href="/mina-larpass/profil">Ändra din presentation</Link>
      </p>
      {list.length === 0 ? <p>Du är inte med i något lärpass ännu.</p> : null}
      <div className="stack">
        {list.map((l) => {
          const tz = l.event.timeZone;
          const isPublic = l.event.published && l.status !== "draft";
          return (
            <article key={l.id} className="panel stack" aria-labelledby={`lp-${l.id}`}>
              <h2 id={`lp-${l.id}`}>{l.title}</h2>
              <dl className="facts">
                <dt>Evenemang</dt>
                <dd>{l.event.name}</dd>
                <dt>Tid</dt>
                <dd>{l.slot ? `${formatDay(l.slot.startsAt, tz)} ${formatTimeRange(l.slot.startsAt, l.slot.endsAt, tz)}` : "Inte bestämd ännu"}</dd>
                <dt>Lokal</dt>
                <dd>{l.room ?? "Inte bestämd ännu"}</dd>
                <dt>Status</dt>
                <dd>{larpassStatusLabels[l.status]}</dd>
                <dt>Anmälda</dt>
                <dd>
                  {seatsTaken(l.confirmed, l.capacity)}
                </dd>
                <dt>I kö</dt>
                <dd>{l.waitlisted}</dd>
              </dl>
              {l.participants ? (
                <details>
                  <summary>Vilka som har anmält sig</summary>
                  {l.participants.confirmed.length ? (
                    <>
                      <h3>Har plats</h3>
                      <ul>
                        {l.participants.confirmed.map((p, i) => (
                          <li key={`${p}-${i}`}>{p}</li>
                        ))}
                      </ul>
                    </>
                  ) : (
                    <p>Ingen har anmält sig ännu.</p>
                  )}
                  {l.participants.waitlisted.length ? (
                    <>
                      <h3>I kö, i turordning</h3>
                      <ol>
                        {l.participants.waitlisted.map((p, i) => (
                          <li key={`${p}-${i}`}>{p}</li>
                        ))}
                      </ol>
                    </>
                  ) : null}
                </details>
              ) : null}
              <WindowNote window={l.window} timeZone={tz} />
              {reviews.get(l.id)?.state === "pending" ? (
                <p className="status-line waiting">Din ändring av sammanfattningen väntar på granskning.</p>
              ) : reviews.get(l.id)?.state === "returned" ? (
                <p className="status-line waiting">Arrangörerna skickade tillbaka din ändring av sammanfattningen, med ett meddelande.</p>
              ) : null}
              <p className="actions">
                <Link className="button" href={`/mina-larpass/${l.id}`}>
                  {l.window.open ? "Ändra sammanfattningen" : "Visa sammanfattningen"}
                  <span className="visually-hidden"> för {l.title}</span>
                </Link>
                <Link className="button secondary" href={`/mina-larpass/${l.id}/dokumentation`}>
                  Dokumentation och betyg<span className="visually-hidden"> för {l.title}</span>
                </Link>
                {isPublic ? <Link href={larpassHref(l.event.slug, l.slug)}>Se lärpasset i programmet<span className="visually-hidden">: {l.title}</span></Link> : null}
              </p>
            </article>
          );
        })}
      </div>
    </>
  );
}
