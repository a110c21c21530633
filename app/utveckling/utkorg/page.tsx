import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { MailQueueTable } from "@/components/mail-queue-table";
import { outboxReadableBy, readOutbox } from "@/lib/mail";
import { listMailQueue } from "@/lib/mail-queue";
import { formatDateTime } from "@/lib/time";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Utkorg (utveckling)", robots: { index: false } };

/**
 * Development and demo only: the mails the app would have sent. Gone (404) when SMTP is configured, and
 * for every client that is not this machine: the mails hold sign-in links.
 */
export default async function OutboxPage({ searchParams }: { searchParams: Promise<{ till?: string }> }) {
  if (!outboxReadableBy(await headers())) notFound();
  const { till } = await searchParams;
  const mails = readOutbox({ to: typeof till === "string" ? till : undefined }).slice(0, 100);
  const queue = listMailQueue({ sentLimit: 0 });
  const unsent = [...queue.failed, ...queue.waiting];
  return (
    <>
      <h1>Utkorg</h1>
      <p className="notice">
        Ingen e-postserver är inställd, så mejlen sparas här i stället för att skickas. Sidan finns bara i utvecklings- och
        demoläge och bara för den här datorn.
      </p>
      {unsent.length ? (
        <section aria-labelledby="i-kon">
          <h2 id="i-kon">I kön ({unsent.length})</h2>
          <MailQueueTable caption="Mejl som väntar eller misslyckades" rows={unsent} />
        </section>
      ) : null}
      <form method="get" className="filters" role="search" aria-label="Filtrera utkorgen">
        <div className="field">
          <label htmlFor="till">Mottagare</label>
          <input id="till" name="till" type="email" defaultValue={till ?? ""} />
        </div>
        <div className="actions">
          <button type="submit">Visa</button>
        </div>
      </form>
      {mails.length === 0 ? (
        <p>Inga mejl.</p>
      ) : (
        <ol className="outbox">
          {mails.map((m) => (
            <li key={m.id} className="panel" style={{ marginBottom: "1rem" }}>
              <article aria-label={`${m.subject} till ${m.to}`}>
                <h2>{m.subject}</h2>
                <p className="meta">
                  Till {m.to} · <time dateTime={m.sentAt}>{formatDateTime(new Date(m.sentAt))}</time>
                </p>
                <MailBody text={m.text} />
              </article>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

function MailBody({ text }: { text: string }) {
  return (
    <div style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
      {text.split(/(https?:\/\/\S+)/g).map((part, i) =>
        /^https?:\/\//.test(part) ? (
          <a key={i} href={part}>
            {part.includes("/api/auth/callback/") ? "Logga in (länk från mejlet)" : part}
          </a>
        ) : (
          part
        ),
      )}
    </div>
  );
}
