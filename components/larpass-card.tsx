import { plural } from "@/lib/plural";
import Link from "next/link";
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
  // The programme lists every lärpass of an event (hundreds at a large one): each card shows the opening of
  // the abstract, the lärpass page the whole text. One string per line, so React adds no <!-- --> separators.
  const lead = leadExcerpt(l.abstract);
  const where = [l.room ? l.room.name : "Lokal meddelas senare", l.capacity != null ? plural(l.capacity, "plats", "platser") : null, l.track]
    .filter(Boolean)
    .join(" · ");
  return (
    <article className={cancelled ? "card cancelled" : "card"} id={`lp-${l.id}`}>
      <Heading>
        <Link href={href}>{l.title}</Link>
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
      {lead.text ? (
        <p className="excerpt">
          {lead.more ? `${lead.text} ` : lead.text}
          {/* "Läs mer" in the card's paragraph, under its heading: that context names the lärpass (WCAG 2.4.4). */}
          {lead.more ? <Link href={href}>Läs mer</Link> : null}
        </p>
      ) : null}
      {signup ? <RegistrationControls larpass={l} ctx={signup} loginLink={loginLink} /> : <SeatsLine larpass={l} />}
    </article>
  );
}
