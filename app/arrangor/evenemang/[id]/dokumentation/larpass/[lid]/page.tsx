import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AttachmentsPanel } from "@/components/documentation/attachments-panel";
import { LarpassDocForm } from "@/components/documentation/larpass-doc-form";
import { db } from "@/db";
import { getEventForOrganiser } from "@/lib/admin/grid";
import { requirePageRole } from "@/lib/auth/page-guards";
import { ATTACHMENT_MAX_LABEL, listAttachments } from "@/lib/documentation/attachments";
import { larpassOfEvent } from "@/lib/documentation/common";
import { readLarpassDoc } from "@/lib/documentation/larpass-doc";
import { idParamSchema } from "@/lib/validation/schedule";
import { EventHeader } from "@/components/event-header";
import { deleteAttachmentAsOrganiserAction, saveLarpassDocAsOrganiserAction, uploadAttachmentAsOrganiserAction } from "../../actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Lärpassets dokumentation" };

type Props = { params: Promise<{ id: string; lid: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function OrganiserLarpassDocPage({ params, searchParams }: Props) {
  const { id, lid } = await params;
  await requirePageRole("organiser", `/arrangor/evenemang/${id}/dokumentation/larpass/${lid}`);
  const eventId = idParamSchema.safeParse(id);
  const larpassId = idParamSchema.safeParse(lid);
  if (!eventId.success || !larpassId.success) notFound();
  const event = getEventForOrganiser({ eventId: eventId.data });
  const l = event ? larpassOfEvent(db, event.id, larpassId.data) : null;
  if (!event || !l) notFound();
  const q = await searchParams;
  return (
    <>
      <EventHeader event={event} title={`Dokumentation: ${l.title}`} lead="Lärpassets avsnitt i dokumentationen. Talarna skriver det under Mina lärpass; här kan du ändra det." />
      <p>
        <Link href={`/arrangor/evenemang/${event.id}/dokumentation`}>Tillbaka till Dokumentation</Link>
      </p>
      {q.sparat === "1" ? (
        <p role="status" className="notice">
          Dokumentationen är sparad.
        </p>
      ) : null}
      <LarpassDocForm action={saveLarpassDocAsOrganiserAction} larpassId={l.id} eventId={event.id} doc={readLarpassDoc(db, l.id)} />
      <AttachmentsPanel
        larpassId={l.id}
        eventId={event.id}
        attachments={listAttachments({ larpassId: l.id })}
        maxLabel={ATTACHMENT_MAX_LABEL}
        query={q}
        upload={uploadAttachmentAsOrganiserAction}
        remove={deleteAttachmentAsOrganiserAction}
      />
    </>
  );
}
