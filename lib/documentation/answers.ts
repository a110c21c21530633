// Members answering an event's or a lärpass's questions, and seeing or deleting their own answers.
// Checked here, in the transaction that writes: the event and lärpass are public, the question belongs to
// the page answered, the answer window is open, and sign-in when the event requires it. Anonymous answers
// are rate-limited per client and held to stricter text rules (rules.ts).
import { and, asc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { db as defaultDb, type DB } from "@/db";
import { docAnswers, docQuestions, docRevisions, events, larpass, type DocQuestion } from "@/db/schema";
import { hitRateLimit } from "@/lib/rate-limit";
import { fail, readDocumentation, type Result } from "./common";
import { answerTextProblem, answerWindow, windowState } from "./rules";

export const ANSWER_LIMIT = { limit: 20, windowMs: 10 * 60_000 };

export type AnswerEntry = { questionId: number; text: string; rating: number | null };
export type AnswerErrors = Record<string, string>;
export type SubmitResult = { ok: true; saved: number } | { ok: false; message: string; errors?: AnswerErrors };

/** The questions asked on the event's page (larpassId null) or on one lärpass's page, in order. */
export function questionsForPage(tx: Pick<DB, "select">, eventId: number, larpassId: number | null): DocQuestion[] {
  const where =
    larpassId == null
      ? and(eq(docQuestions.eventId, eventId), eq(docQuestions.scope, "event"))
      : and(
          eq(docQuestions.eventId, eventId),
          or(eq(docQuestions.scope, "every-larpass"), and(eq(docQuestions.scope, "larpass"), eq(docQuestions.larpassId, larpassId))),
        );
  return tx.select().from(docQuestions).where(where).orderBy(asc(docQuestions.position), asc(docQuestions.id)).all();
}

/** Whether answering is open for the event now, and whether it needs sign-in. */
export function answeringFor(tx: Pick<DB, "select">, event: { id: number; startsOn: string; endsOn: string; timeZone: string }, now = new Date()) {
  const doc = readDocumentation(tx, event.id);
  const window = answerWindow(event, doc);
  return { window, state: windowState(window, now), requireSignIn: doc?.requireSignIn ?? true };
}

export function submitAnswers({
  eventId,
  larpassId,
  userId,
  clientKey,
  entries,
  now = new Date(),
  database = defaultDb,
}: {
  eventId: number;
  larpassId: number | null;
  userId: string | null;
  clientKey: string;
  entries: AnswerEntry[];
  now?: Date;
  database?: DB;
}): SubmitResult {
  const event = database.select().from(events).where(and(eq(events.id, eventId), eq(events.published, true))).get();
  if (!event) return fail("Evenemanget finns inte.");
  if (larpassId != null) {
    const l = database.select().from(larpass).where(and(eq(larpass.id, larpassId), eq(larpass.eventId, eventId))).get();
    if (!l || l.status !== "published") return fail("Lärpasset finns inte.");
  }
  const answering = answeringFor(database, event, now);
  if (answering.requireSignIn && !userId) return fail("Logga in för att svara. Arrangörerna har valt att svaren kräver inloggning.");
  if (answering.state === "before") return fail("Det går inte att svara än: frågorna öppnar när evenemanget börjar.");
  if (answering.state === "closed") return fail("Det går inte längre att svara: tiden för svar har gått ut.");

  const asked = new Map(questionsForPage(database, eventId, larpassId).map((q) => [q.id, q]));
  const errors: AnswerErrors = {};
  const rows: { q: DocQuestion; text: string; rating: number | null }[] = [];
  for (const e of entries) {
    const q = asked.get(e.questionId);
    if (!q) return fail("Frågorna har ändrats sedan du öppnade sidan. Ladda om och svara igen.");
    const text = e.text.trim();
    if (q.kind === "rating" && e.rating != null && (e.rating < 1 || e.rating > 5 || !Number.isInteger(e.rating))) {
      errors[q.id] = "Välj ett betyg från 1 till 5.";
      continue;
    }
    if (q.kind === "rating" && e.rating == null && text) {
      errors[q.id] = "Välj ett betyg för att skicka med en kommentar.";
      continue;
    }
    const problem = answerTextProblem(text, { anonymous: !userId, required: false });
    if (problem) {
      errors[q.id] = problem;
      continue;
    }
    if (text || e.rating != null) rows.push({ q, text, rating: q.kind === "rating" ? e.rating : null });
  }
  if (Object.keys(errors).length) return { ok: false, message: "Några svar behöver rättas.", errors };
  if (rows.length === 0) return fail("Skriv ett svar eller välj ett betyg innan du skickar.");

  if (!userId) {
    const limited = hitRateLimit({ key: `answer:client:${clientKey}`, ...ANSWER_LIMIT, now: now.getTime(), database });
    if (!limited.ok) {
      return fail(`Många svar har skickats från din anslutning på kort tid. Vänta ${Math.ceil(limited.retryAfterSeconds / 60)} minuter och försök igen.`);
    }
  }

  database.transaction(
    (tx) => {
      for (const r of rows) {
        const about = r.q.scope === "event" ? null : larpassId;
        if (userId) {
          // One answer per member and question (and lärpass): answering again replaces it.
          const existing = tx
            .select({ id: docAnswers.id })
            .from(docAnswers)
            .where(
              and(
                eq(docAnswers.questionId, r.q.id),
                eq(docAnswers.userId, userId),
                about == null ? isNull(docAnswers.larpassId) : eq(docAnswers.larpassId, about),
              ),
            )
            .get();
          if (existing) {
            tx.update(docAnswers).set({ text: r.text, rating: r.rating }).where(eq(docAnswers.id, existing.id)).run();
            continue;
          }
        }
        tx.insert(docAnswers).values({ questionId: r.q.id, larpassId: about, userId, text: r.text, rating: r.rating, source: "form" }).run();
      }
    },
    { behavior: "immediate" },
  );
  return { ok: true, saved: rows.length };
}

export type OwnAnswer = { id: number; questionId: number; prompt: string; kind: DocQuestion["kind"]; text: string; rating: number | null; larpassTitle: string | null };

/** A member's own answers on one page (event or lärpass), to show and delete. */
export function listOwnAnswers({ userId, eventId, larpassId, database = defaultDb }: { userId: string; eventId: number; larpassId?: number | null; database?: DB }): OwnAnswer[] {
  const qs = larpassId === undefined ? null : questionsForPage(database, eventId, larpassId).map((q) => q.id);
  if (qs && qs.length === 0) return [];
  return database
    .select({
      id: docAnswers.id,
      questionId: docAnswers.questionId,
      prompt: docQuestions.prompt,
      kind: docQuestions.kind,
      text: docAnswers.text,
      rating: docAnswers.rating,
      larpassTitle: larpass.title,
    })
    .from(docAnswers)
    .innerJoin(docQuestions, eq(docQuestions.id, docAnswers.questionId))
    .leftJoin(larpass, eq(larpass.id, docAnswers.larpassId))
    .where(
      and(
        eq(docAnswers.userId, userId),
        eq(docQuestions.eventId, eventId),
        qs ? inArray(docAnswers.questionId, qs) : undefined,
        larpassId === undefined ? undefined : larpassId == null ? isNull(docAnswers.larpassId) : eq(docAnswers.larpassId, larpassId),
      ),
    )
    .orderBy(asc(docQuestions.position), asc(docAnswers.id))
    .all();
}

export const REDACTED_ANSWER = "(svaret togs bort av den som skrev det)";

/**
 * A member deletes one of their own answers (any other id: nothing happens, and they are told). Its text
 * goes from the workspace's history too (an organiser's correction or move kept it there), so that
 * "ta bort" means gone, as Mitt konto says.
 */
export function deleteOwnAnswer({ userId, answerId, database = defaultDb }: { userId: string; answerId: number; database?: DB }): Result {
  return database.transaction(
    (tx) => {
      const r = tx.delete(docAnswers).where(and(eq(docAnswers.id, answerId), eq(docAnswers.userId, userId))).run();
      if (!r.changes) return fail("Svaret finns inte bland dina svar.");
      const mentions = (col: typeof docRevisions.before | typeof docRevisions.after) => sql`json_extract(${col}, '$.svarId') = ${answerId}`;
      const redact = (col: typeof docRevisions.before | typeof docRevisions.after) =>
        sql`case when ${mentions(col)} then json_set(${col}, '$.svar', ${REDACTED_ANSWER}) else ${col} end`;
      tx.update(docRevisions)
        .set({ before: redact(docRevisions.before), after: redact(docRevisions.after) })
        .where(or(mentions(docRevisions.before), mentions(docRevisions.after)))
        .run();
      return { ok: true as const };
    },
    { behavior: "immediate" },
  );
}
