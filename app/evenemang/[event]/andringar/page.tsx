import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ChangesList } from "@/components/changes-list";
import { listPublicChanges } from "@/lib/changes";
import { changesAlternates } from "@/lib/exports/alternates";
import { getEventBySlug } from "@/lib/programme";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ event: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const event = await getEventBySlug({ slug: (await params).event });
  if (!event) return { title: "Sidan finns inte" };
  return {
    title: `Ändringar: ${event.name}`,
    description: `Vad som ändrats i programmet för ${event.name}, och när.`,
    alternates: { types: changesAlternates(event) },
  };
}

/** Public: what changed in the published programme and when (new times, rooms, titles, cancellations). */
export default async function ChangesPage({ params }: Props) {
  const event = await getEventBySlug({ slug: (await params).event });
  if (!event) notFound();
  const changes = listPublicChanges({ eventId: event.id });
  return (
    <>
      <nav aria-label="Brödsmulor" className="breadcrumbs">
        <ol>
          <li>
            <Link href={`/evenemang/${event.slug}`}>{event.name}</Link>
          </li>
          <li>
            <span aria-current="page">Ändringar</span>
          </li>
        </ol>
      </nav>
      <h1>Ändringar i programmet</h1>
      <p className="lead">
        Det här har ändrats i programmet för {event.name} sedan det publicerades, de senaste först. Tiderna är svensk tid. Har du plats eller
        köplats på ett lärpass som fått ny titel, sammanfattning, talare, tid eller lokal, eller som ställts in, har du fått
        ett mejl om det: ett mejl per ändring, med allt som ändrats. Små rättelser som stavfel kan arrangörerna göra utan
        att mejla.
      </p>
      <p>
        Följ ändringarna i en flödesläsare: <a href={`/evenemang/${event.slug}/andringar/rss.xml`}>RSS</a> eller{" "}
        <a href={`/evenemang/${event.slug}/andringar/atom.xml`}>Atom</a>.
      </p>
      <ChangesList changes={changes} eventSlug={event.slug} timeZone={event.timeZone} />
      <p>
        <Link href={`/evenemang/${event.slug}`}>Till programmet</Link>
      </p>
    </>
  );
}
