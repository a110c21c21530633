import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DocForm } from "@/components/documentation/doc-form";
import { getEventForOrganiser } from "@/lib/admin/grid";
import { requirePageRole } from "@/lib/auth/page-guards";
import { getQuestionWorkspace, getWorkspace } from "@/lib/documentation/read";
import { idParamSchema } from "@/lib/validation/schedule";
import { EventHeader } from "@/components/event-header";
import {
  correctAnswerAction,
  createThemeAction,
  moderateAction,
  pasteAnswersAction,
  themeOpAction,
} from "../../actions";
import { AnswerDragHandle, ThemeDnd, ThemeDropZone } from "./theme-dnd";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Svar på en fråga" };

type Props = {
  params: Promise<{ id: string; qid: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** All answers to one question, with counts, moderation, themes ("flytta till tema") and pasting. */
export default async function QuestionAnswersPage({ params, searchParams }: Props) {
  const { id, qid } = await params;
  await requirePageRole("organiser", `/arrangor/evenemang/${id}/dokumentation/fragor/${qid}`);
  const eventId = idParamSchema.safeParse(id);
  const questionId = idParamSchema.safeParse(qid);
  if (!eventId.success || !questionId.success) notFound();
  const event = getEventForOrganiser({ eventId: eventId.data });
  const data = event ? getQuestionWorkspace({ eventId: event.id, questionId: questionId.data }) : null;
  if (!event || !data) notFound();
  const ws = getWorkspace({ eventId: event.id })!;
  const q = await searchParams;
  const { question, themes, groups, answers } = data;
  const ids = { eventId: String(event.id), questionId: String(question.id) };
  const Hidden = () => (
    <>
      <input type="hidden" name="eventId" value={event.id} />
      <input type="hidden" name="questionId" value={question.id} />
    </>
  );
  return (
    <>
      <EventHeader
        event={event}
        title={question.prompt}
        lead={`${answers.length} svar, ${answers.filter((a) => a.hidden).length} dolda.`}
      />
      <p className="actions">
        <Link href={`/arrangor/evenemang/${event.id}/dokumentation`}>Tillbaka till Dokumentation</Link>
        <Link href={`/arrangor/evenemang/${event.id}/dokumentation/historik`}>Historik (rättade svar i original)</Link>
      </p>
      {q.sparat ? (
        <p role="status" className="notice">
          {q.sparat === "inklistrat" ? `${q.antal} svar är inklistrade.` : "Sparat."}
        </p>
      ) : null}
      {q.fel ? (
        <p role="alert" className="inline-notice error">
          Ändringen gick inte att göra. Ladda om sidan och försök igen.
        </p>
      ) : null}

      <section aria-labelledby="teman" className="stack">
        <h2 id="teman">Teman</h2>
        {themes.length ? (
          <ol>
            {themes.map((t, i) => (
              <li key={t.id}>
                <form action={themeOpAction} className="actions">
                  <Hidden />
                  <input type="hidden" name="themeId" value={t.id} />
                  <label>
                    <span className="visually-hidden">Namn på temat {t.name}</span>
                    <input type="text" name="name" defaultValue={t.name} />
                  </label>
                  <button className="secondary small" name="op" value="rename">
                    Byt namn<span className="visually-hidden">: {t.name}</span>
                  </button>
                  {i > 0 ? (
                    <button className="secondary small" name="op" value="up">
                      Upp<span className="visually-hidden">: {t.name}</span>
                    </button>
                  ) : null}
                  {i < themes.length - 1 ? (
                    <button className="secondary small" name="op" value="down">
                      Ner<span className="visually-hidden">: {t.name}</span>
                    </button>
                  ) : null}
                  <button className="secondary small" name="op" value="delete">
                    Ta bort<span className="visually-hidden"> temat {t.name}</span>
                  </button>
                </form>
              </li>
            ))}
          </ol>
        ) : (
          <p>Inga teman än. Lägg till teman och flytta svaren dit.</p>
        )}
        <DocForm
          id="nytt-tema"
          action={createThemeAction}
          submit="Lägg till temat"
          fields={[
            { name: "eventId", type: "hidden", defaultValue: ids.eventId },
            { name: "questionId", type: "hidden", defaultValue: ids.questionId },
            { name: "name", label: "Nytt tema", type: "text" },
          ]}
        />
      </section>

      <section aria-labelledby="svaren" className="stack" style={{ marginTop: "1.5rem" }}>
        <h2 id="svaren">Svaren</h2>
        {themes.length ? (
          <p className="meta">
            Dra ett svar till ett tema (med musen, eller med mellanslag och piltangenterna på handtaget), eller välj
            tema och Flytta till tema.
          </p>
        ) : null}
        <ThemeDnd action={moderateAction} eventId={event.id} questionId={question.id}>
          {groups.map((g) => (
            <section key={g.theme?.id ?? "utan"} aria-labelledby={`grupp-${g.theme?.id ?? "utan"}`}>
              <h3 id={`grupp-${g.theme?.id ?? "utan"}`}>
                {g.theme?.name ?? "Utan tema"} ({g.answers.length})
              </h3>
              <ThemeDropZone themeId={g.theme?.id ?? null} label={g.theme ? `temat ${g.theme.name}` : "Utan tema"}>
                <ul className="answer-list">
                  {g.answers.map((a) => (
                    <li key={a.id} id={`svar-${a.id}`} className={a.hidden ? "hidden-answer" : undefined}>
                      <p>
                        {themes.length ? <AnswerDragHandle answerId={a.id} themeId={a.themeId} text={a.text} /> : null}
                        {a.rating != null ? <strong>Betyg {a.rating}. </strong> : null}
                        {a.quote ? <strong>Citat: </strong> : null}
                        {a.text || <em>Ingen kommentar</em>}
                        {a.hidden ? <strong> (dolt)</strong> : null}
                        {a.larpassTitle ? <span className="meta"> – {a.larpassTitle}</span> : null}
                      </p>
                      <div className="answer-tools">
                        <form action={moderateAction}>
                          <Hidden />
                          <input type="hidden" name="answerId" value={a.id} />
                          <button className="secondary small" name="op" value={a.hidden ? "show" : "hide"}>
                            {a.hidden ? "Visa" : "Dölj"}
                            <span className="visually-hidden"> svar {a.id}</span>
                          </button>
                          <button className="secondary small" name="op" value={a.quote ? "unquote" : "quote"}>
                            {a.quote ? "Inte citat" : "Markera som citat"}
                            <span className="visually-hidden"> svar {a.id}</span>
                          </button>
                        </form>
                        {themes.length ? (
                          <form action={moderateAction}>
                            <Hidden />
                            <input type="hidden" name="answerId" value={a.id} />
                            <input type="hidden" name="op" value="theme" />
                            <label>
                              <span className="visually-hidden">Tema för svar {a.id}</span>
                              <select name="themeId" defaultValue={a.themeId ?? ""}>
                                <option value="">Utan tema</option>
                                {themes.map((t) => (
                                  <option key={t.id} value={t.id}>
                                    {t.name}
                                  </option>
                                ))}
                              </select>
                            </label>
                            <button className="secondary small">
                              Flytta till tema<span className="visually-hidden"> (svar {a.id})</span>
                            </button>
                          </form>
                        ) : null}
                      </div>
                      {question.kind === "text" ? (
                        <details>
                          <summary>Rätta stavningen</summary>
                          <DocForm
                            id={`ratta-${a.id}`}
                            action={correctAnswerAction}
                            submit="Spara rättelsen"
                            fields={[
                              { name: "eventId", type: "hidden", defaultValue: ids.eventId },
                              { name: "questionId", type: "hidden", defaultValue: ids.questionId },
                              { name: "answerId", type: "hidden", defaultValue: String(a.id) },
                              {
                                name: "text",
                                label: "Rättat svar (originalet sparas i historiken)",
                                type: "textarea",
                                rows: 3,
                                defaultValue: a.text,
                              },
                            ]}
                          />
                        </details>
                      ) : null}
                    </li>
                  ))}
                </ul>
              </ThemeDropZone>
            </section>
          ))}
        </ThemeDnd>
      </section>

      {question.kind === "text" ? (
        <section aria-labelledby="klistra" className="stack" style={{ marginTop: "1.5rem" }}>
          <h2 id="klistra">Klistra in svar</h2>
          <p className="meta">
            Ett svar per rad (från papperslappar eller ett annat verktyg). En rad som börjar med # blir ett tema för
            raderna under den. Du ser en förhandsgranskning innan något sparas.
          </p>
          <DocForm
            id="klistra-in"
            action={pasteAnswersAction}
            submit="Spara inklistrade svar"
            fields={[
              { name: "eventId", type: "hidden", defaultValue: ids.eventId },
              { name: "questionId", type: "hidden", defaultValue: ids.questionId },
              { name: "confirm", type: "hidden", defaultValue: "" },
              ...(question.scope === "every-larpass"
                ? [
                    {
                      name: "larpassId",
                      label: "Lärpass",
                      type: "select" as const,
                      options: ws.larpass.map((l) => ({ value: String(l.id), label: l.title })),
                    },
                  ]
                : []),
              { name: "text", label: "Svar, ett per rad", type: "textarea", rows: 10 },
            ]}
          />
        </section>
      ) : null}
    </>
  );
}
