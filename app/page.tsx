import type { Metadata } from "next";
import Link from "next/link";
import { getCurrentEvent, getProgramme } from "@/lib/programme";
import { plainExcerpt } from "@/lib/text";
import { formatDateSpan, formatTimeRange } from "@/lib/time";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const event = await getCurrentEvent();
  return {
    title: event ? `${event.name}` : "Lärpass",
    description: event ? plainExcerpt(event.description) : "Programmet för årskonferensens lärpass.",
  };
}

export default async function HomePage() {
  const event = await getCurrentEvent();
  if (!event) {
    return (
      <>
        <h1>Lärpass</h1>
        <p>Inget evenemang är publicerat ännu. Titta in igen snart.</p>
      </>
    );
  }
  const programme = await getProgramme({ eventId: event.id });
  return (
    <>
      <h1>{event.name}</h1>
      <p className="meta">
        {formatDateSpan(event.startsOn, event.endsOn)}
        {event.venue ? ` · ${event.venue}` : null}
      </p>
      {event.description ? <p className="lead">{event.description}</p> : null}
      <p>
        <Link className="button" href="/program">
          Se alla {programme.total} lärpass
        </Link>
      </p>
      {programme.groups.length > 0 ? (
        <section aria-labelledby="pass-rubrik" className="panel">
          <h2 id="pass-rubrik">Passen under dagen</h2>
          <ul>
            {programme.groups.map((g) => (
              <li key={g.slot?.id ?? "utan-tid"}>
                {g.slot ? (
                  <Link href={`/program?slot=${g.slot.id}`}>
                    {formatTimeRange(g.slot.startsAt, g.slot.endsAt, event.timeZone)}
                  </Link>
                ) : (
                  "Tid meddelas senare"
                )}
                {": "}
                {g.larpass.length} lärpass
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
