import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getAdminEvent } from "@/lib/admin/events";
import { emptyLarpassValues, getLarpassFormOptions } from "@/lib/admin/larpass-read";
import { requirePageRole } from "@/lib/auth/page-guards";
import { idSchema } from "@/lib/validation/form";
import { createLarpassAction, type LarpassFormState } from "../../../../larpass/actions";
import { LarpassForm } from "../../../../larpass/larpass-form";
import { EventHeader } from "@/components/event-header";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Arrangör: nytt lärpass" };

type Props = { params: Promise<{ id: string }> };

export default async function NewLarpassPage({ params }: Props) {
  const { id: raw } = await params;
  await requirePageRole("organiser", `/arrangor/evenemang/${raw}/larpass/ny`);
  const id = idSchema.safeParse(raw);
  if (!id.success) notFound();
  const data = getAdminEvent({ id: id.data });
  if (!data) notFound();
  const { event } = data;
  const initial: LarpassFormState = {
    seq: 0,
    version: 0,
    values: emptyLarpassValues,
  };
  return (
    <>
      <EventHeader event={event} title="Nytt lärpass" heading="Nytt lärpass" via={[{ href: `/arrangor/evenemang/${event.id}/larpass`, label: "Lärpass" }]} />
      <LarpassForm
        mode="create"
        action={createLarpassAction}
        target={{ name: "eventId", value: event.id }}
        initial={initial}
        options={getLarpassFormOptions({ eventId: event.id })}
        cancelHref={`/arrangor/evenemang/${event.id}/larpass`}
      />
    </>
  );
}
