import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ChangesList } from "@/components/changes-list";
import { getEventForOrganiser } from "@/lib/admin/grid";
import { requirePageRole } from "@/lib/auth/page-guards";
import { listPublicChanges } from "@/lib/changes";
import { idParamSchema } from "@/lib/validation/schedule";
import { EventHeader } from "@/components/event-header";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Ändringar" };

type Props = { params: Promise<{ id: string }> };

/** The organisers' copy of the public "Ändringar" page (also before the event is published). */
export default async function OrganiserChangesPage({ params }: Props) {
  const { id } = await params;
  await requirePageRole("organiser", `/arrangor/evenemang/${id}/andringar`);
  const eventId = idParamSchema.safeParse(id);
  if (!eventId.success) notFound();
  const event = getEventForOrganiser({ eventId: eventId.data });
  if (!event) notFound();
  return (
    <>
      <EventHeader
        event={event}
        title="Ändringar"
        lead="Ändringar i det publicerade programmet, som besökarna ser dem. Ändringar i utkast och i opublicerade evenemang visas inte."
      />
      {event.published ? (
        <p>
          <a href={`/evenemang/${event.slug}/andringar`}>Den publika sidan Ändringar</a>
        </p>
      ) : (
        <p className="notice">Evenemanget är inte publicerat, så inga ändringar visas för besökarna.</p>
      )}
      <ChangesList changes={listPublicChanges({ eventId: event.id })} eventSlug={event.slug} timeZone={event.timeZone} />
    </>
  );
}
