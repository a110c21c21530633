import Link from "next/link";
import type { Event } from "@/db/schema";
import type { LarpassView } from "@/lib/programme";
import { formatDateTime } from "@/lib/time";

/** On paper: the event's name and when the programme last changed. On screen also the way back. */
export function PrintHeader({ event, title, lastUpdated, children }: { event: Event; title: string; lastUpdated: Date | null; children?: React.ReactNode }) {
  return (
    <>
      <nav aria-label="Brödsmulor" className="breadcrumbs no-print">
        <ol>
          <li>
            <Link href={`/evenemang/${event.slug}`}>{event.name}</Link>
          </li>
          <li>
            <Link href={`/evenemang/${event.slug}/exportera`}>Utskrift och export</Link>
          </li>
          <li>
            <span aria-current="page">{title}</span>
          </li>
        </ol>
      </nav>
      <header className="print-head">
        <h1>{event.name}</h1>
        <p>
          {title}
          {lastUpdated ? (
            <>
              {" "}
              · Senast uppdaterad <time dateTime={lastUpdated.toISOString()}>{formatDateTime(lastUpdated, event.timeZone)}</time>
            </>
          ) : null}
        </p>
      </header>
      {children ? <div className="no-print">{children}</div> : null}
    </>
  );
}

export function speakerText(l: LarpassView): string {
  return l.speakers.map((s) => (s.organisation ? `${s.name} (${s.organisation.name})` : s.name)).join(", ");
}

export function PrintItem({ event, l }: { event: Event; l: LarpassView }) {
  const who = speakerText(l);
  return (
    <div className={`print-item${l.status === "cancelled" ? " cancelled" : ""}`}>
      {l.status === "cancelled" ? <strong>Inställt: </strong> : null}
      <Link className="title" href={`/evenemang/${event.slug}/larpass/${l.slug}`}>
        {l.title}
      </Link>
      {who ? <span className="who">{who}</span> : null}
    </div>
  );
}
