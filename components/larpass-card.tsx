import { plural } from "@/lib/plural";
import type { LarpassView } from "@/lib/programme";
import { leadExcerpt } from "@/lib/text";
import { formatDay, formatTimeRange } from "@/lib/time";
import type { SignupContext } from "@/lib/signup-context";
import { CardView, type CardData } from "./card-view";
import { RegistrationControls, SeatsLine } from "./registration-controls";
import { speakerLine } from "./speaker-line";

export function larpassHref(eventSlug: string, slug: string) {
  return `/evenemang/${eventSlug}/larpass/${slug}`;
}

/** The card's data (components/card-view.tsx): only what it shows, worded and formatted here on the server. */
export function cardData(l: LarpassView, eventSlug: string, showTime = false): CardData {
  const lead = leadExcerpt(l.abstract);
  // Only what is there: absent fields cost nothing in the page's RSC payload.
  return {
    id: l.id,
    href: larpassHref(eventSlug, l.slug),
    title: l.title,
    ...(l.status === "cancelled" ? { cancelled: true as const } : {}),
    ...(showTime && l.slot
      ? { time: { iso: l.slot.startsAt.toISOString(), text: `${formatDay(l.slot.startsAt)} ${formatTimeRange(l.slot.startsAt, l.slot.endsAt)}` } }
      : {}),
    where: [l.room ? l.room.name : "Lokal meddelas senare", l.capacity != null ? plural(l.capacity, "plats", "platser") : null, l.track]
      .filter(Boolean)
      .join(" · "),
    speakers: l.speakers.map(speakerLine),
    // The programme lists every lärpass of an event (a hundred a day at a large one): each card shows the
    // opening of the abstract, ending in "…" when there is more, and the title links to the whole text.
    ...(lead.text ? { lead: lead.more && !lead.text.endsWith("…") ? `${lead.text} …` : lead.text } : {}),
  };
}

/** A card in a list of cards (`<ul className="cards">`): it is the list item. */
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
  return (
    <CardView card={cardData(l, eventSlug, showTime)} {...(headingLevel === 3 ? {} : { headingLevel })}>
      {signup ? <RegistrationControls larpass={l} ctx={signup} loginLink={loginLink} inCard /> : <SeatsLine larpass={l} />}
    </CardView>
  );
}
