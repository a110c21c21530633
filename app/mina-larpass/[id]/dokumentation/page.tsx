import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { AttachmentsPanel } from "@/components/documentation/attachments-panel";
import { LarpassDocForm } from "@/components/documentation/larpass-doc-form";
import { RatingBars } from "@/components/documentation/rating-bars";
import { db } from "@/db";
import { requirePageRole } from "@/lib/auth/page-guards";
import { ATTACHMENT_MAX_LABEL, listAttachments } from "@/lib/documentation/attachments";
import { readLarpassDoc } from "@/lib/documentation/larpass-doc";
import { ratingsForSpeaker } from "@/lib/documentation/read";
import { getMyLarpassForEdit, larpassExists } from "@/lib/speakers/mine";
import { formatDateTime } from "@/lib/time";
import { hiddenId } from "@/lib/validation/speaker";
import { SavedNotice, SpeakerCrumbs } from "../../page-parts";
import { deleteAttachmentAction, saveOwnLarpassDocAction, uploadAttachmentAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Dokumentation av lärpasset" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The speaker's section of the event's documentation, and their own lärpass's ratings once answering closed. */
export default async function OwnLarpassDocPage({ params, searchParams }: Props) {
  const { id: raw } = await params;
  const user = await requirePageRole("speaker", `/mina-larpass/${raw}/dokumentation`);
  const id = hiddenId.safeParse(raw);
  if (!id.success) notFound();
  const l = getMyLarpassForEdit({ userId: user.id, larpassId: id.data });
  if (!l) {
    if (!larpassExists({ id: id.data })) notFound();
    forbidden();
  }
  const ratings = ratingsForSpeaker({ larpassId: l.id })!;
  const query = await searchParams;
  const attachments = listAttachments({ larpassId: l.id });
  return (
    <>
      <SpeakerCrumbs here={l.title} />
      <h1>Dokumentation: {l.title}</h1>
      <p className="meta">{l.event.name}. Det du skriver här blir lärpassets avsnitt i evenemangets dokumentation när arrangörerna publicerar den.</p>
      <SavedNotice query={query} text="Dokumentationen är sparad." />
      <LarpassDocForm action={saveOwnLarpassDocAction} larpassId={l.id} doc={readLarpassDoc(db, l.id)} />
      <AttachmentsPanel
        larpassId={l.id}
        attachments={attachments}
        maxLabel={ATTACHMENT_MAX_LABEL}
        query={query}
        upload={uploadAttachmentAction}
        remove={deleteAttachmentAction}
      />
      <section aria-labelledby="betyg" className="panel stack" style={{ marginTop: "1.5rem" }}>
        <h2 id="betyg">Deltagarnas betyg</h2>
        {!ratings.closed ? (
          <p>Du ser betygen och kommentarerna när svaren har stängt ({formatDateTime(ratings.closesAt, l.event.timeZone)}).</p>
        ) : ratings.row ? (
          <RatingBars row={ratings.row} />
        ) : (
          <p>Inga betyg lämnades för lärpasset.</p>
        )}
      </section>
    </>
  );
}
