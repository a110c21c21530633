import type { Metadata } from "next";
import Link from "next/link";
import { requirePageRole } from "@/lib/auth/page-guards";
import { listPendingReviews } from "@/lib/speakers/review";
import { hiddenId } from "@/lib/validation/speaker";
import { Diff } from "../historik/revision-list";
import { approveSpeakerEditAction, returnSpeakerEditAction } from "./actions";
import { DecisionForms } from "./decision-forms";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Att granska" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * Speakers' edits of published lärpass waiting for an organiser (events that review speakers' edits):
 * the word diff against what the programme shows now, and approve or send back with a message.
 */
export default async function ReviewPage({ searchParams }: Props) {
  await requirePageRole("organiser", "/arrangor/granska");
  const query = await searchParams;
  const items = listPendingReviews();
  const decided = hiddenId.safeParse(typeof query.godkand === "string" ? query.godkand : query.tillbaka);
  return (
    <>
      <h1>Att granska</h1>
      <p className="lead">
        Talarnas ändringar av publicerade lärpass i evenemang där ändringarna granskas. Programmet visar den godkända versionen tills du
        godkänner ändringen. Talaren får ett mejl om ditt beslut.
      </p>
      <div role="status" className="flash">
        {decided.success && query.godkand ? (
          <p className="inline-notice saved">Ändringen är godkänd och syns i programmet. Talaren har fått ett mejl.</p>
        ) : decided.success && query.tillbaka ? (
          <p className="inline-notice saved">Ändringen är tillbakaskickad med ditt meddelande. Programmet är oförändrat.</p>
        ) : null}
      </div>
      {items.length === 0 ? <p>Inga ändringar väntar på granskning.</p> : null}
      <ol className="plain-list stack">
        {items.map((item) => {
          const headingId = `granska-${item.id}-rubrik`;
          return (
            <li key={item.id} id={`granska-${item.id}`}>
              <article className="panel stack" aria-labelledby={headingId}>
                <h2 id={headingId}>{item.larpassTitle}</h2>
                <p className="meta">
                  {item.eventName}. Ändrad av {item.authorLabel} (talare) {item.when}.{" "}
                  <Link href={`/arrangor/larpass/${item.larpassId}/historik`}>
                    Historik<span className="visually-hidden"> för {item.larpassTitle}</span>
                  </Link>
                </p>
                <p className="meta">Sammanfattningen jämfört med programmet nu (borttagna och tillagda ord markerade):</p>
                <Diff change={{ field: "abstract", label: "Sammanfattning", kind: "text", parts: item.diff }} />
                <DecisionForms
                  editId={item.id}
                  version={item.larpassVersion}
                  title={item.larpassTitle}
                  approve={approveSpeakerEditAction}
                  sendBack={returnSpeakerEditAction}
                />
              </article>
            </li>
          );
        })}
      </ol>
    </>
  );
}
