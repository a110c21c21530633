import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { Markdown } from "@/components/markdown";
import { requirePageRole } from "@/lib/auth/page-guards";
import { getMyLarpassForEdit, larpassExists } from "@/lib/speakers/mine";
import { hiddenId } from "@/lib/validation/speaker";
import { SavedNotice, SpeakerCrumbs } from "../page-parts";
import { WindowNote } from "../window-note";
import { AbstractForm } from "./abstract-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Ändra sammanfattningen" };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** The abstract of one of the speaker's own lärpass; any other lärpass is refused (403). */
export default async function EditAbstractPage({ params, searchParams }: Props) {
  const { id: raw } = await params;
  const user = await requirePageRole("speaker", `/mina-larpass/${raw}`);
  const id = hiddenId.safeParse(raw);
  if (!id.success) notFound();
  const l = getMyLarpassForEdit({ userId: user.id, larpassId: id.data });
  if (!l) {
    if (!larpassExists({ id: id.data })) notFound();
    forbidden();
  }
  const query = await searchParams;
  return (
    <>
      <SpeakerCrumbs here={l.title} />
      <h1>Sammanfattning: {l.title}</h1>
      <p className="meta">{l.event.name}. Du kan bara ändra sammanfattningen; titel, tid, lokal och talare sköter arrangörerna.</p>
      <SavedNotice query={query} text="Sammanfattningen är sparad." />
      <WindowNote window={l.window} timeZone={l.event.timeZone} />
      {l.window.open ? (
        <AbstractForm key={l.version} larpassId={l.id} initial={{ seq: 0, values: { abstract: l.abstract }, version: l.version }} />
      ) : (
        <section aria-labelledby="nuvarande" className="panel">
          <h2 id="nuvarande">Sammanfattningen som den är</h2>
          {l.abstract.trim() ? <Markdown>{l.abstract}</Markdown> : <p className="muted">Ingen sammanfattning.</p>}
        </section>
      )}
    </>
  );
}
