import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Markdown } from "@/components/markdown";
import { RegistrationControls, SignupArea } from "@/components/registration-controls";
import { getSignupContext, returnPath } from "@/lib/signup-context";
import { chooseAction, leaveAction } from "@/app/program/actions";
import { getEventBySlug, getLarpassBySlug, getProgramme, type LarpassView } from "@/lib/programme";
import { plainExcerpt } from "@/lib/text";
import { formatDay, formatTimeRange } from "@/lib/time";
import { languageLabels } from "@/lib/domain";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ event: string; slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

async function load(params: Props["params"]) {
  const { event: eventSlug, slug } = await params;
  const event = await getEventBySlug({ slug: eventSlug });
  if (!event) return null;
  const larpass = await getLarpassBySlug({ eventId: event.id, slug });
  return larpass ? { event, larpass } : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const data = await load(params);
  if (!data) return { title: "Sidan finns inte" };
  const { larpass: l } = data;
  const who = l.speakers.map((s) => s.name).join(", ");
  return {
    title: l.title,
    description: plainExcerpt(`${l.abstract}${who ? ` Med ${who}.` : ""}`),
  };
}

export default async function LarpassPage({ params, searchParams }: Props) {
  const data = await load(params);
  if (!data) notFound();
  const { event, larpass: l } = data;
  const query = await searchParams;
  const signup = await getSignupContext({
    actions: { choose: chooseAction, leave: leaveAction },
    event,
    larpass: await getSlotmates(event.id, l),
    returnTo: returnPath(`/evenemang/${event.slug}/larpass/${l.slug}`, query),
    params: query,
  });
  return (
    <article>
      <nav aria-label="Brödsmulor" className="breadcrumbs">
        <ol>
          <li>
            <Link href={`/evenemang/${event.slug}`}>{event.name}</Link>
          </li>
          <li aria-current="page">{l.title}</li>
        </ol>
      </nav>
      <h1>{l.title}</h1>
      {l.status === "cancelled" ? (
        <p className="notice">
          <strong>Inställt.</strong> Det här lärpasset blir inte av.
        </p>
      ) : null}
      <div className="two-col">
        <div>
          <h2 className="visually-hidden">Om lärpasset</h2>
          <Markdown>{l.abstract || "Sammanfattningen kommer snart."}</Markdown>
        </div>
        <aside aria-labelledby="fakta">
          <div className="panel">
            <h2 id="fakta">Tid och plats</h2>
            <dl className="facts">
              <dt>Tid</dt>
              <dd>
                {l.slot ? (
                  <time dateTime={l.slot.startsAt.toISOString()}>
                    {formatDay(l.slot.startsAt, event.timeZone)}, {formatTimeRange(l.slot.startsAt, l.slot.endsAt, event.timeZone)}
                  </time>
                ) : (
                  "Meddelas senare"
                )}
              </dd>
              <dt>Lokal</dt>
              <dd>{l.room?.name ?? "Meddelas senare"}</dd>
              <dt>Platser</dt>
              <dd>{l.capacity ?? "Meddelas senare"}</dd>
              {l.track ? (
                <>
                  <dt>Spår</dt>
                  <dd>{l.track}</dd>
                </>
              ) : null}
              <dt>Språk</dt>
              <dd>{languageLabels[l.language] ?? l.language}</dd>
            </dl>
            <div id={`lp-${l.id}`}>
              <SignupArea ctx={signup}>
                <RegistrationControls larpass={l} ctx={signup} />
              </SignupArea>
            </div>
            {l.slot ? (
              <p>
                <a href={`/evenemang/${event.slug}/larpass/${l.slug}/kalender.ics`} download>
                  Lägg till i kalendern
                </a>{" "}
                <span className="meta">(.ics-fil)</span>
              </p>
            ) : null}
          </div>
          <section className="panel" aria-labelledby="talare" style={{ marginTop: "1rem" }}>
            <h2 id="talare">Talare</h2>
            {l.speakers.length === 0 ? (
              <p>Talare meddelas senare.</p>
            ) : (
              <ul className="speakers">
                {l.speakers.map((s) => (
                  <li key={s.id} style={{ marginBottom: "0.5rem" }}>
                    <Link href={`/talare/${s.slug}`}>{s.name}</Link>
                    {s.role ? <span>, {s.role}</span> : null}
                    {s.organisation ? (
                      <>
                        <br />
                        <Link href={`/organisationer/${s.organisation.slug}`}>{s.organisation.name}</Link>
                      </>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
          </section>
          {l.status === "published" ? (
            <p style={{ marginTop: "1rem" }}>
              <Link href={`/evenemang/${event.slug}/dokumentation/svara/${l.slug}`}>Svara på frågor om lärpasset</Link>
            </p>
          ) : null}
        </aside>
      </div>
    </article>
  );
}

/** The lärpass at the same time, so the page can name the seat a switch would leave. */
async function getSlotmates(eventId: number, l: LarpassView): Promise<LarpassView[]> {
  if (!l.slot) return [l];
  const { all } = await getProgramme({ eventId, filters: { slot: l.slot.id } });
  return all;
}
