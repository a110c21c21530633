import Link from "next/link";
import type { LarpassView } from "@/lib/programme";
import { plainExcerpt } from "@/lib/text";
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
}: {
  signup?: SignupContext;
  larpass: LarpassView;
  eventSlug: string;
  showTime?: boolean;
  headingLevel?: 2 | 3;
}) {
  const Heading = `h${headingLevel}` as const;
  const cancelled = l.status === "cancelled";
  return (
    <article className={cancelled ? "card cancelled" : "card"} id={`lp-${l.id}`}>
      <Heading>
        <Link href={larpassHref(eventSlug, l.slug)}>{l.title}</Link>
      </Heading>
      {cancelled ? <p><span className="badge cancelled">Inställt</span></p> : null}
      <p className="meta">
        {showTime && l.slot ? (
          <>
            <time dateTime={l.slot.startsAt.toISOString()}>
              {formatDay(l.slot.startsAt)} {formatTimeRange(l.slot.startsAt, l.slot.endsAt)}
            </time>
            {" · "}
          </>
        ) : null}
        {l.room ? l.room.name : "Lokal meddelas senare"}
        {l.capacity != null ? ` · ${l.capacity} platser` : null}
        {l.track ? ` · ${l.track}` : null}
      </p>
      <SpeakerList speakers={l.speakers} />
      <p className="excerpt">{plainExcerpt(l.abstract, 220)}</p>
      {signup ? <RegistrationControls larpass={l} ctx={signup} /> : <SeatsLine larpass={l} />}
    </article>
  );
}
