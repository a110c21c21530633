import Link from "next/link";
import type { Event } from "@/db/schema";
import { EventNav } from "./event-nav";

/** Heading and breadcrumbs of the organisers' planning pages for one event (schema, demand, export, changes). */
export function PlanningHeader({ event, title, lead }: { event: Pick<Event, "id" | "name">; title: string; lead?: string }) {
  return (
    <header className="planning-header">
      <nav aria-label="Brödsmulor" className="breadcrumbs">
        <ol>
          <li>
            <Link href="/arrangor">Arrangör</Link>
          </li>
          <li>
            <Link href={`/arrangor/evenemang/${event.id}`}>{event.name}</Link>
          </li>
          <li>
            <span aria-current="page">{title}</span>
          </li>
        </ol>
      </nav>
      <h1>
        {title}: {event.name}
      </h1>
      <EventNav eventId={event.id} eventName={event.name} />
      {lead ? <p className="lead">{lead}</p> : null}
    </header>
  );
}
