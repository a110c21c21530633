import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DocForm } from "@/components/documentation/doc-form";
import { getEventForOrganiser } from "@/lib/admin/grid";
import { requirePageRole } from "@/lib/auth/page-guards";
import { getWorkspace } from "@/lib/documentation/read";
import { questionKindLabels, questionScopeLabels, documentationSectionLabels } from "@/lib/domain";
import { formatDateTime, utcToZoned } from "@/lib/time";
import { idParamSchema } from "@/lib/validation/schedule";
import { EventHeader } from "@/components/event-header";
import { createQuestionAction, enableRatingsAction, publishAction, questionOpAction, saveSettingsAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Dokumentation" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const saved: Record<string, string> = {
  fraga: "Frågan är sparad.",
  fragor: "Frågorna är ändrade.",
  betyg: "Betygsfrågan ställs nu på varje lärpass.",
  installningar: "Inställningarna är sparade.",
  publicerad: "Dokumentationen är publicerad.",
  avpublicerad: "Dokumentationen är inte längre publicerad.",
};

const local = (d: Date | null, tz: string) => (d ? `${utcToZoned(d, tz).date}T${utcToZoned(d, tz).time}` : "");

export default async function DocumentationWorkspacePage({ params, searchParams }: Props) {
  const { id } = await params;
  await requirePageRole("organiser", `/arrangor/evenemang/${id}/dokumentation`);
  const eventId = idParamSchema.safeParse(id);
  if (!eventId.success) notFound();
  const event = getEventForOrganiser({ eventId: eventId.data });
  const ws = event ? getWorkspace({ eventId: event.id }) : null;
  if (!event || !ws) notFound();
  const q = await searchParams;
  const base = `/arrangor/evenemang/${event.id}/dokumentation`;
  const tz = event.timeZone;
  const hidden = (name: string, value: string) => ({ name, type: "hidden" as const, defaultValue: value });
  const sectionOptions = (["intro", "questions", "larpass", "ratings"] as const).map((s) => ({ value: s, label: documentationSectionLabels[s] }));
  return (
    <>
      <EventHeader
        event={event}
        title="Dokumentation"
        lead="Frågor till deltagarna, deras svar i teman, lärpassens avsnitt och den sammanställda dokumentationen."
      />
      {typeof q.sparat === "string" && saved[q.sparat] ? (
        <p role="status" className="notice">
          {saved[q.sparat]}
        </p>
      ) : null}
      <section aria-labelledby="status" className="panel stack">
        <h2 id="status">Status</h2>
        <p>
          Svar tas emot {formatDateTime(ws.window.opensAt, tz)} till {formatDateTime(ws.window.closesAt, tz)} (
          {ws.windowState === "open" ? "öppet nu" : ws.windowState === "before" ? "inte öppnat än" : "stängt"}),{" "}
          {ws.settings.requireSignIn ? "med inloggning" : "utan inloggning"}.
        </p>
        <p>
          {ws.settings.published ? (
            <>
              Publicerad: <a href={`/evenemang/${event.slug}/dokumentation`}>den publika dokumentationen</a>.
            </>
          ) : (
            "Inte publicerad: bara arrangörerna ser dokumentationen."
          )}
        </p>
        <div className="actions">
          <form action={publishAction}>
            <input type="hidden" name="eventId" value={event.id} />
            <input type="hidden" name="publish" value={ws.settings.published ? "0" : "1"} />
            <button type="submit">{ws.settings.published ? "Avpublicera dokumentationen" : "Publicera dokumentationen"}</button>
          </form>
          <Link className="button secondary" href={`${base}/forhandsvisning`}>
            Förhandsvisa
          </Link>
          <Link className="button secondary" href={`${base}/betyg`}>
            Betyg
          </Link>
          <Link className="button secondary" href={`${base}/qr`}>
            QR-skyltar
          </Link>
          <Link className="button secondary" href={`${base}/historik`}>
            Historik
          </Link>
          <a className="button secondary" href={`/evenemang/${event.slug}/dokumentation/svara`}>
            Svarssidan
          </a>
        </div>
      </section>

      <section aria-labelledby="fragor" className="stack" style={{ marginTop: "1.5rem" }}>
        <h2 id="fragor">Frågor</h2>
        {ws.questions.length === 0 ? (
          <p>Inga frågor än.</p>
        ) : (
          <table>
            <caption className="visually-hidden">Frågor med antal svar</caption>
            <thead>
              <tr>
                <th scope="col">Fråga</th>
                <th scope="col">Gäller</th>
                <th scope="col">Typ</th>
                <th scope="col">Svar</th>
                <th scope="col">Ändra</th>
              </tr>
            </thead>
            <tbody>
              {ws.questions.map((x, i) => (
                <tr key={x.id}>
                  <th scope="row">
                    <Link href={`${base}/fragor/${x.id}`}>{x.prompt}</Link>
                  </th>
                  <td>{x.scope === "larpass" ? x.larpassTitle : questionScopeLabels[x.scope]}</td>
                  <td>{questionKindLabels[x.kind]}</td>
                  <td>
                    {x.answers}
                    {x.hidden ? ` (${x.hidden} dolda)` : ""}
                  </td>
                  <td>
                    <form action={questionOpAction} className="actions">
                      <input type="hidden" name="eventId" value={event.id} />
                      <input type="hidden" name="questionId" value={x.id} />
                      {i > 0 ? (
                        <button className="secondary small" name="op" value="up">
                          Upp<span className="visually-hidden">: {x.prompt}</span>
                        </button>
                      ) : null}
                      {i < ws.questions.length - 1 ? (
                        <button className="secondary small" name="op" value="down">
                          Ner<span className="visually-hidden">: {x.prompt}</span>
                        </button>
                      ) : null}
                      <button className="secondary small" name="op" value="delete">
                        Ta bort<span className="visually-hidden">: {x.prompt}</span>
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <form action={enableRatingsAction}>
          <input type="hidden" name="eventId" value={event.id} />
          <button type="submit" className="secondary">
            Fråga efter betyg för varje lärpass
          </button>
        </form>
        <h3>Ny fråga</h3>
        <DocForm
          id="ny-fraga"
          action={createQuestionAction}
          submit="Lägg till frågan"
          fields={[
            hidden("eventId", String(event.id)),
            { name: "prompt", label: "Fråga", type: "text", hint: "Till exempel: Det här tar jag med mig från idag" },
            { name: "kind", label: "Typ", type: "select", defaultValue: "text", options: [{ value: "text", label: questionKindLabels.text }, { value: "rating", label: questionKindLabels.rating }] },
            {
              name: "about",
              label: "Gäller",
              type: "select",
              defaultValue: "event",
              options: [
                { value: "event", label: questionScopeLabels.event },
                { value: "every-larpass", label: questionScopeLabels["every-larpass"] },
                ...ws.larpass.map((l) => ({ value: `larpass-${l.id}`, label: `Lärpasset ${l.title}` })),
              ],
            },
          ]}
        />
      </section>

      <section aria-labelledby="larpassen" className="stack" style={{ marginTop: "1.5rem" }}>
        <h2 id="larpassen">Lärpassens avsnitt</h2>
        <p className="meta">Talarna skriver sina avsnitt under Mina lärpass. Du kan också ändra dem här.</p>
        <ul>
          {ws.larpass.map((l) => (
            <li key={l.id}>
              <Link href={`${base}/larpass/${l.id}`}>{l.title}</Link>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="installningar" className="stack" style={{ marginTop: "1.5rem" }}>
        <h2 id="installningar">Inledning och inställningar</h2>
        <DocForm
          id="installningar"
          action={saveSettingsAction}
          submit="Spara inställningarna"
          fields={[
            hidden("eventId", String(event.id)),
            { name: "intro", label: "Inledning (Markdown)", type: "textarea", rows: 10, defaultValue: ws.settings.intro, hint: "Till exempel ## Bakgrund, ## Syfte och ## Summering." },
            ...[1, 2, 3, 4].map((n) => ({ name: `order${n}`, label: `Del ${n}`, type: "select" as const, defaultValue: ws.settings.sectionOrder[n - 1], options: sectionOptions })),
            { name: "includeRatings", label: "Ta med betygen i dokumentationen", type: "checkbox", defaultValue: ws.settings.includeRatings ? "1" : "" },
            { name: "requireSignIn", label: "Svar kräver inloggning", type: "checkbox", defaultValue: ws.settings.requireSignIn ? "1" : "", hint: "Utan inloggning begränsas antalet svar per anslutning, och svar med länkar eller skräp tas inte emot." },
            { name: "answersOpenAt", label: "Svar öppnar", type: "datetime-local", defaultValue: local(ws.settings.answersOpenAt, tz), hint: `Tomt: när evenemanget börjar (${formatDateTime(ws.window.opensAt, tz)}).` },
            { name: "answersCloseAt", label: "Svar stänger", type: "datetime-local", defaultValue: local(ws.settings.answersCloseAt, tz), hint: `Tomt: 14 dagar efter evenemanget (${formatDateTime(ws.window.closesAt, tz)}).` },
          ]}
        />
      </section>
    </>
  );
}
