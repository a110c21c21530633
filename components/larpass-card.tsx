import { plural } from "@/lib/plural";
import type { LarpassView } from "@/lib/programme";
import { leadExcerpt } from "@/lib/text";
import { formatDay, formatTimeRange } from "@/lib/time";
import type { SignupContext } from "@/lib/signup-context";
import { RegistrationControls, SeatsLine } from "./registration-controls";
import { SpeakerList } from "./speaker-line";

export function larpassHref(eventSlug: string, slug: string) {
  return `/evenemang/${eventSlug}/larpass/${slug}`;
}

export function LarpassCard({
  larpass: l,
  eventSlug,
  showTime = false,
  headingLevel = 3,
  signup,
  loginLink = true,
}: {
  signup?: SignupContext;
  /** A "Logga in för att välja" link in the card; a list has one at its top instead. */
  loginLink?: boolean;
  larpass: LarpassView;
  eventSlug: string;
  showTime?: boolean;
  headingLevel?: 2 | 3;
}) {
  const Heading = `h${headingLevel}` as const;
  const cancelled = l.status === "cancelled";
  const href = larpassHref(eventSlug, l.slug);
  // The programme lists every lärpass of an event (a hundred a day at a large one): each card shows the
  // opening of the abstract, ending in "…" when there is more, and the title links to the whole text. The
  // links are plain <a>: a next/link per link is a client component to render, hydrate and prefetch, which
  // costs a large programme more than a page load costs the reader. One string per line, so React adds no
  // <!-- --> separators.
  const lead = leadExcerpt(l.abstract);
  const where = [l.room ? l.room.name : "Lokal meddelas senare", l.capacity != null ? plural(l.capacity, "plats", "platser") : null, l.track]
    .filter(Boolean)
    .join(" · ");
  return (
    <article className={cancelled ? "card cancelled" : "card"} id={`lp-${l.id}`}>
      <Heading>
        <a href={href}>{l.title}</a>
      </Heading>
      {cancelled ? <p><span className="badge cancelled">Inställt</span></p> : null}
      <p className="meta">
        {showTime && l.slot ? (
          <>
            <time dateTime={l.slot.startsAt.toISOString()}>
              {`${formatDay(l.slot.startsAt)} ${formatTimeRange(l.slot.startsAt, l.slot.endsAt)}`}
            </time>
            {" · "}
          </>
        ) : null}
        {where}
      </p>
      <SpeakerList speakers={l.speakers} />
      {lead.text ? <p className="excerpt">{lead.more && !lead.text.endsWith("…") ? `${lead.text} …` : lead.text}</p> : null}
      {signup ? <RegistrationControls larpass={l} ctx={signup} loginLink={loginLink} /> : <SeatsLine larpass={l} />}
    </article>
  );
}
