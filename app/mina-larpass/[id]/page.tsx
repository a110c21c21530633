import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { Markdown } from "@/components/markdown";
import { requirePageRole } from "@/lib/auth/page-guards";
import { getMyLarpassForEdit, larpassExists } from "@/lib/speakers/mine";
import { myReviewStates } from "@/lib/speakers/review";
import { formatDateTime } from "@/lib/time";
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
  const review = myReviewStates({ larpassIds: [l.id] }).get(l.id) ?? null;
  // The form starts from the speaker's own latest text: the proposal waiting, or the one sent back.
  const startFrom = review ? review.abstract : l.abstract;
  return (
    <>
      <SpeakerCrumbs here={l.title} />
      <h1>Sammanfattning: {l.title}</h1>
      <p className="meta">{l.event.name}. Du kan bara ändra sammanfattningen; titel, tid, lokal och talare sköter arrangörerna.</p>
      <SavedNotice query={query} text="Sammanfattningen är sparad." />
      {query.sparat === "granskas" ? (
        <p role="status" className="inline-notice saved">
          Ändringen är sparad och väntar på granskning. Programmet visar den tidigare sammanfattningen tills en arrangör har godkänt den.
        </p>
      ) : null}
      <ReviewNote review={review} timeZone={l.event.timeZone} published={l.abstract} />
      <WindowNote window={l.window} timeZone={l.event.timeZone} />
      {l.window.open ? (
        <AbstractForm
          key={`${l.version}-${review?.state ?? ""}-${startFrom.length}`}
          larpassId={l.id}
          initial={{ seq: 0, values: { abstract: startFrom }, version: l.version }}
        />
      ) : (
        <section aria-labelledby="nuvarande" className="panel">
          <h2 id="nuvarande">Sammanfattningen som den är</h2>
          {l.abstract.trim() ? <Markdown>{l.abstract}</Markdown> : <p className="muted">Ingen sammanfattning.</p>}
        </section>
      )}
    </>
  );
}

/** Where the speaker's edit stands when the event reviews speakers' edits. */
function ReviewNote({
  review,
  timeZone,
  published,
}: {
  review: ReturnType<typeof myReviewStates> extends Map<number, infer R> ? R : never;
  timeZone: string;
  published: string;
}) {
  if (!review) return null;
  if (review.state === "pending") {
    return (
      <section aria-labelledby="granskning" className="notice stack">
        <h2 id="granskning">Väntar på granskning</h2>
        <p>
          Din ändring från {formatDateTime(review.since, timeZone)} väntar på att en arrangör godkänner den. Programmet visar den
          tidigare sammanfattningen så länge. Du får ett mejl när den är granskad, och du kan ändra den under tiden.
        </p>
        <details>
          <summary>Sammanfattningen som programmet visar nu</summary>
          {published.trim() ? <Markdown>{published}</Markdown> : <p className="muted">Ingen sammanfattning.</p>}
        </details>
      </section>
    );
  }
  return (
    <section aria-labelledby="granskning" className="notice stack">
      <h2 id="granskning">Arrangörerna skickade tillbaka din ändring</h2>
      <p>{formatDateTime(review.at, timeZone)}. Programmet visar den tidigare sammanfattningen. Arrangörernas meddelande:</p>
      <blockquote className="review-message">{review.message}</blockquote>
      <p>Ändra texten nedan och spara igen, så granskas den på nytt.</p>
    </section>
  );
}
