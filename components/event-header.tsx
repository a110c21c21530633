import Link from "next/link";
import type { Event } from "@/db/schema";
import { EventNav } from "./event-nav";

/**
 * Breadcrumbs, heading and section menu of every organiser page of one event: the event's own page (no
 * `title`), its sections (schema, demand, import, ...) and the lärpass pages under it (`via` the list).
 */
export function EventHeader({
  event,
  title,
  heading,
  via = [],
  lead,
}: {
  event: Pick<Event, "id" | "name">;
  /** The page's name in the breadcrumbs; left out on the event's own page. */
  title?: string;
  /** The h1; by default "title: event name", or the event's name on its own page. */
  heading?: string;
  /** Pages between the event and this one, e.g. the lärpass list above a lärpass. */
  via?: { href: string; label: string }[];
  lead?: string;
}) {
  return (
    <header className="planning-header">
      <nav aria-label="Brödsmulor" className="breadcrumbs">
        <ol>
          <li>
            <Link href="/arrangor">Arrangör</Link>
          </li>
          {title ? (
            <>
              <li>
                <Link href={`/arrangor/evenemang/${event.id}`}>{event.name}</Link>
              </li>
              {via.map((v) => (
                <li key={v.href}>
                  <Link href={v.href}>{v.label}</Link>
                </li>
              ))}
              <li>
                <span aria-current="page">{title}</span>
              </li>
            </>
          ) : (
            <li>
              <span aria-current="page">{event.name}</span>
            </li>
          )}
        </ol>
      </nav>
      <h1>{heading ?? (title ? `${title}: ${event.name}` : event.name)}</h1>
      <EventNav eventId={event.id} eventName={event.name} />
      {lead ? <p className="lead">{lead}</p> : null}
    </header>
  );
}
