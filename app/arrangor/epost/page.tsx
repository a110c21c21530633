import type { Metadata } from "next";
import { MailQueueTable } from "@/components/mail-queue-table";
import { requirePageRole } from "@/lib/auth/page-guards";
import { listMailQueue } from "@/lib/mail-queue";
import { Saved } from "@/components/form-fields";
import { retryMailAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Arrangör: e-post" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The mail queue for organisers: what waits to be sent or failed, with "Försök igen", and the latest sent. */
export default async function MailPage({ searchParams }: Props) {
  await requirePageRole("organiser", "/arrangor/epost");
  const query = await searchParams;
  const { waiting, failed, sent } = listMailQueue();
  return (
    <>
      <h1>E-post</h1>
      <p className="lead">
        Alla mejl går via en kö. Ett mejl som inte kunde skickas prövas igen automatiskt med längre och längre paus, åtta gånger under
        ungefär en timme; det som fortfarande misslyckas visas här.
      </p>
      {query.igen === "1" ? <Saved>Mejlet är lagt i kön igen.</Saved> : null}
      {query.fel === "1" ? (
        <p role="alert" className="notice">
          Mejlet kunde inte läggas i kön igen. Det kan redan vara skickat.
        </p>
      ) : null}
      <section aria-labelledby="misslyckade" className="admin-section">
        <h2 id="misslyckade">Misslyckade ({failed.length})</h2>
        {failed.length === 0 ? (
          <p>Inga.</p>
        ) : (
          <MailQueueTable
            caption="Mejl som inte kunde skickas"
            rows={failed}
            action={(m) => (
              <form action={retryMailAction}>
                <input type="hidden" name="id" value={m.id} />
                <button type="submit" className="secondary" aria-label={`Försök igen: ${m.subject} till ${m.to}`}>
                  Försök igen
                </button>
              </form>
            )}
          />
        )}
      </section>
      <section aria-labelledby="vantar" className="admin-section">
        <h2 id="vantar">Väntar ({waiting.length})</h2>
        {waiting.length === 0 ? <p>Inga.</p> : <MailQueueTable caption="Mejl som väntar på att skickas" rows={waiting} />}
      </section>
      <section aria-labelledby="skickade" className="admin-section">
        <h2 id="skickade">Senast skickade</h2>
        {sent.length === 0 ? <p>Inga.</p> : <MailQueueTable caption="Senast skickade mejl" rows={sent} />}
      </section>
    </>
  );
}
