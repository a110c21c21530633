import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getAdminEvent } from "@/lib/admin/events";
import { listEventLarpass } from "@/lib/admin/larpass-read";
import { requirePageRole } from "@/lib/auth/page-guards";
import { idSchema } from "@/lib/validation/form";
import { Saved } from "@/components/form-fields";
import { EventHeader } from "@/components/event-header";
import { LarpassTable } from "../larpass-table";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Arrangör: lärpass" };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const n = (v: unknown) => (typeof v === "string" && /^\d{1,5}$/.test(v) ? Number(v) : null);

export default async function EventLarpassPage({ params, searchParams }: Props) {
  const { id: raw } = await params;
  await requirePageRole("organiser", `/arrangor/evenemang/${raw}/larpass`);
  const id = idSchema.safeParse(raw);
  if (!id.success) notFound();
  const data = getAdminEvent({ id: id.data });
  if (!data) notFound();
  const { event } = data;
  const query = await searchParams;
  const rows = listEventLarpass({ eventId: event.id });
  const created = n(query.importerat);
  const updated = n(query.uppdaterat);
  return (
    <>
      <EventHeader event={event} title="Lärpass" />
      {created !== null ? (
        <Saved>
          Importen är klar: {created} nya lärpass{updated ? `, ${updated} uppdaterade` : ""}.
        </Saved>
      ) : null}
      {query.borttaget === "larpass" ? <Saved>Lärpasset är borttaget.</Saved> : null}
      <p className="actions">
        <Link className="button" href={`/arrangor/evenemang/${event.id}/larpass/ny`}>
          Nytt lärpass
        </Link>
        <Link className="button secondary" href={`/arrangor/evenemang/${event.id}/import`}>
          Importera eller exportera
        </Link>
      </p>
      <LarpassTable rows={rows} timeZone={event.timeZone} caption={`Lärpass i ${event.name}`} />
    </>
  );
}
