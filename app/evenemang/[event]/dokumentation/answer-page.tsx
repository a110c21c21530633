import Link from "next/link";
import { DocForm, type DocField } from "@/components/documentation/doc-form";
import type { Event } from "@/db/schema";
import { db } from "@/db";
import { getCurrentUser } from "@/lib/auth/current-user";
import { answeringFor, listOwnAnswers, questionsForPage } from "@/lib/documentation/answers";
import { ratingLabels } from "@/lib/domain";
import { formatDateTime } from "@/lib/time";
import { deleteOwnAnswerAction, submitAnswersAction } from "./actions";

/** The short answering page of an event or of one of its lärpass: phone-sized, works without JavaScript. */
export async function AnswerPage({
  event,
  larpass,
  query,
}: {
  event: Event;
  larpass: { id: number; slug: string; title: string } | null;
  query: Record<string, string | string[] | undefined>;
}) {
  const user = await getCurrentUser();
  const back = `/evenemang/${event.slug}/dokumentation/svara${larpass ? `/${larpass.slug}` : ""}`;
  const questions = questionsForPage(db, event.id, larpass?.id ?? null);
  const answering = answeringFor(db, event);
  const own = user ? listOwnAnswers({ userId: user.id, eventId: event.id, larpassId: larpass?.id ?? null }) : [];
  const byQuestion = new Map(own.map((a) => [a.questionId, a]));
  const thanks = typeof query.tack === "string" ? Number(query.tack) : 0;

  const fields: DocField[] = [
    { name: "eventId", type: "hidden", defaultValue: String(event.id) },
    { name: "larpassId", type: "hidden", defaultValue: larpass ? String(larpass.id) : "" },
    { name: "back", type: "hidden", defaultValue: back },
  ];
  for (const q of questions) {
    const mine = byQuestion.get(q.id);
    if (q.kind === "rating") {
      fields.push({
        name: `rating-${q.id}`,
        type: "rating",
        label: q.prompt,
        defaultValue: mine?.rating != null ? String(mine.rating) : "",
        options: [1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: ratingLabels[n] })),
      });
      fields.push({ name: `text-${q.id}`, type: "textarea", label: "Kommentar (frivillig)", rows: 3, defaultValue: mine?.text ?? "" });
    } else {
      fields.push({ name: `text-${q.id}`, type: "textarea", label: q.prompt, rows: 4, defaultValue: mine?.text ?? "" });
    }
  }

  return (
    <article className="stack answer-page">
      <nav aria-label="Brödsmulor" className="breadcrumbs">
        <ol>
          <li>
            <Link href={`/evenemang/${event.slug}`}>{event.name}</Link>
          </li>
          {larpass ? (
            <li>
              <Link href={`/evenemang/${event.slug}/larpass/${larpass.slug}`}>{larpass.title}</Link>
            </li>
          ) : null}
          <li aria-current="page">Frågor</li>
        </ol>
      </nav>
      <h1>{larpass ? `Frågor om ${larpass.title}` : `Frågor till deltagarna: ${event.name}`}</h1>
      {thanks > 0 ? (
        <p role="status" className="notice">
          Tack! {thanks === 1 ? "Ditt svar är sparat" : "Dina svar är sparade"}.
        </p>
      ) : null}
      {query.borttaget ? (
        <p role="status" className="notice">
          Svaret är borttaget.
        </p>
      ) : null}
      {questions.length === 0 ? (
        <p>Arrangörerna har inte lagt in några frågor här än.</p>
      ) : answering.state === "before" ? (
        <p>Frågorna öppnar {formatDateTime(answering.window.opensAt, event.timeZone)}.</p>
      ) : answering.state === "closed" ? (
        <p>Tiden för svar gick ut {formatDateTime(answering.window.closesAt, event.timeZone)}. Tack till alla som svarade!</p>
      ) : answering.requireSignIn && !user ? (
        <p>
          Du behöver logga in för att svara.{" "}
          <Link className="button" href={`/logga-in?next=${encodeURIComponent(back)}`}>
            Logga in
          </Link>
        </p>
      ) : (
        <>
          <p className="meta">
            {user
              ? "Dina svar visas i dokumentationen utan ditt namn. Du kan ändra eller ta bort dem här så länge frågorna är öppna."
              : "Du svarar utan att logga in. Inga namn sparas. Svar med länkar tas inte emot."}{" "}
            Öppet till {formatDateTime(answering.window.closesAt, event.timeZone)}.
          </p>
          <DocForm id="svar" action={submitAnswersAction} fields={fields} submit="Skicka svar" />
        </>
      )}
      {own.length ? (
        <section aria-labelledby="mina-svar" className="panel">
          <h2 id="mina-svar">Mina svar här</h2>
          <ul className="answer-list">
            {own.map((a) => (
              <li key={a.id}>
                <p>
                  <strong>{a.prompt}</strong>
                  <br />
                  {a.rating != null ? `Betyg ${a.rating}. ` : ""}
                  {a.text}
                </p>
                <form action={deleteOwnAnswerAction}>
                  <input type="hidden" name="answerId" value={a.id} />
                  <input type="hidden" name="back" value={back} />
                  <button type="submit" className="secondary small">
                    Ta bort svaret<span className="visually-hidden"> på {a.prompt}</span>
                  </button>
                </form>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}
