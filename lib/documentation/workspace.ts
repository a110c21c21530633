// The organisers' documentation workspace: questions, moderation, themes, pasted answers, the introduction,
// section order, answer window and publishing. Every function takes the event id from the page and checks
// that the row it touches belongs to that event, in the transaction that writes; every change is a revision
// (common.ts). No "server-only": the demo seed builds its documentation with these.
import { and, asc, eq, max } from "drizzle-orm";
import { db as defaultDb, type DB } from "@/db";
import {
  docAnswers,
  docQuestions,
  docThemes,
  documentations,
} from "@/db/schema";
import type { DocumentationSection, QuestionKind, QuestionScope } from "@/lib/domain";
import type { RevisionAuthor } from "@/lib/revisions";
import { ensureDocumentation, eventById, fail, GONE, larpassOfEvent, questionOfEvent, recordDocRevision, type Result, type Tx } from "./common";
import { normaliseOrder, parsePastedAnswers } from "./rules";

type Ctx = { eventId: number; author: RevisionAuthor; database?: DB };

function tx<T>(database: DB, fn: (tx: Tx) => T): T {
  return database.transaction((t) => fn(t), { behavior: "immediate" });
}

export const RATING_PROMPT = "Vad tyckte du om lärpasset?";

export function createQuestion({
  eventId,
  author,
  scope,
  larpassId,
  kind,
  prompt,
  database = defaultDb,
}: Ctx & { scope: QuestionScope; larpassId: number | null; kind: QuestionKind; prompt: string }): Result<{ id: number }> {
  return tx(database, (t) => {
    if (!eventById(t, eventId)) return fail("Evenemanget finns inte.");
    if (scope === "larpass" && (larpassId == null || !larpassOfEvent(t, eventId, larpassId))) return fail("Välj ett lärpass i evenemanget.", "larpassId");
    const last = t.select({ p: max(docQuestions.position) }).from(docQuestions).where(eq(docQuestions.eventId, eventId)).get()?.p ?? 0;
    const row = t
      .insert(docQuestions)
      .values({ eventId, scope, larpassId: scope === "larpass" ? larpassId : null, kind, prompt, position: last + 1 })
      .returning()
      .get();
    recordDocRevision(t, { eventId, author, what: "fråga ny", before: null, after: { fråga: prompt, typ: kind, gäller: scope } });
    return { ok: true, id: row.id };
  });
}

/** "Betyg för varje lärpass": one rating question asked on every lärpass's page, made once. */
export function enableRatingForEveryLarpass({ eventId, author, database = defaultDb }: Ctx): Result<{ id: number }> {
  const existing = database
    .select()
    .from(docQuestions)
    .where(and(eq(docQuestions.eventId, eventId), eq(docQuestions.scope, "every-larpass"), eq(docQuestions.kind, "rating")))
    .get();
  if (existing) return { ok: true, id: existing.id };
  return createQuestion({ eventId, author, database, scope: "every-larpass", larpassId: null, kind: "rating", prompt: RATING_PROMPT });
}

export function updateQuestion({ eventId, author, questionId, prompt, database = defaultDb }: Ctx & { questionId: number; prompt: string }): Result {
  return tx(database, (t) => {
    const q = questionOfEvent(t, eventId, questionId);
    if (!q) return fail(GONE);
    t.update(docQuestions).set({ prompt }).where(eq(docQuestions.id, q.id)).run();
    recordDocRevision(t, { eventId, author, what: "fråga ändrad", before: { fråga: q.prompt }, after: { fråga: prompt } });
    return { ok: true };
  });
}

export function deleteQuestion({ eventId, author, questionId, database = defaultDb }: Ctx & { questionId: number }): Result {
  return tx(database, (t) => {
    const q = questionOfEvent(t, eventId, questionId);
    if (!q) return fail(GONE);
    const answers = t.select({ id: docAnswers.id }).from(docAnswers).where(eq(docAnswers.questionId, q.id)).all().length;
    t.delete(docQuestions).where(eq(docQuestions.id, q.id)).run();
    recordDocRevision(t, { eventId, author, what: "fråga borttagen", before: { fråga: q.prompt, svar: answers }, after: { fråga: null } });
    return { ok: true };
  });
}

/** Moves a question one step up or down among the event's questions. */
export function moveQuestion({ eventId, author, questionId, direction, database = defaultDb }: Ctx & { questionId: number; direction: "up" | "down" }): Result {
  return tx(database, (t) => {
    const q = questionOfEvent(t, eventId, questionId);
    if (!q) return fail(GONE);
    const all = t.select().from(docQuestions).where(eq(docQuestions.eventId, eventId)).orderBy(asc(docQuestions.position), asc(docQuestions.id)).all();
    const i = all.findIndex((x) => x.id === q.id);
    const j = direction === "up" ? i - 1 : i + 1;
    if (j < 0 || j >= all.length) return { ok: true };
    [all[i], all[j]] = [all[j], all[i]];
    all.forEach((x, k) => t.update(docQuestions).set({ position: k + 1 }).where(eq(docQuestions.id, x.id)).run());
    recordDocRevision(t, { eventId, author, what: "frågor ordnade", before: { plats: i + 1, fråga: q.prompt }, after: { plats: j + 1, fråga: q.prompt } });
    return { ok: true };
  });
}

function answerOfEvent(t: Pick<DB, "select">, eventId: number, answerId: number) {
  return (
    t
      .select({ answer: docAnswers, question: docQuestions })
      .from(docAnswers)
      .innerJoin(docQuestions, eq(docQuestions.id, docAnswers.questionId))
      .where(and(eq(docAnswers.id, answerId), eq(docQuestions.eventId, eventId)))
      .get() ?? null
  );
}

export type Moderation =
  | { kind: "hide"; hidden: boolean }
  | { kind: "quote"; quote: boolean }
  | { kind: "correct"; text: string }
  | { kind: "theme"; themeId: number | null };

/** Hide or show, correct the wording (the original stays in the revisions), mark as a quote, or move to a theme. */
export function moderateAnswer({ eventId, author, answerId, change, database = defaultDb }: Ctx & { answerId: number; change: Moderation }): Result {
  return tx(database, (t) => {
    const row = answerOfEvent(t, eventId, answerId);
    if (!row) return fail(GONE);
    const a = row.answer;
    switch (change.kind) {
      case "hide":
        t.update(docAnswers).set({ hidden: change.hidden }).where(eq(docAnswers.id, a.id)).run();
        recordDocRevision(t, { eventId, author, what: change.hidden ? "svar dolt" : "svar visas", before: { svarId: a.id, svar: a.text, dolt: a.hidden }, after: { svarId: a.id, svar: a.text, dolt: change.hidden } });
        break;
      case "quote":
        t.update(docAnswers).set({ quote: change.quote }).where(eq(docAnswers.id, a.id)).run();
        recordDocRevision(t, { eventId, author, what: change.quote ? "svar som citat" : "svar inte citat", before: { svarId: a.id, svar: a.text, citat: a.quote }, after: { svarId: a.id, svar: a.text, citat: change.quote } });
        break;
      case "correct": {
        const text = change.text.trim();
        if (!text) return fail("Ett rättat svar kan inte vara tomt. Dölj svaret i stället.", "text");
        t.update(docAnswers).set({ text }).where(eq(docAnswers.id, a.id)).run();
        recordDocRevision(t, { eventId, author, what: "svar rättat", before: { svarId: a.id, svar: a.text }, after: { svarId: a.id, svar: text } });
        break;
      }
      case "theme": {
        let name: string | null = null;
        if (change.themeId != null) {
          const theme = t.select().from(docThemes).where(and(eq(docThemes.id, change.themeId), eq(docThemes.questionId, a.questionId))).get();
          if (!theme) return fail("Temat hör inte till frågan. Ladda om sidan.", "themeId");
          name = theme.name;
        }
        const was = a.themeId != null ? (t.select({ name: docThemes.name }).from(docThemes).where(eq(docThemes.id, a.themeId)).get()?.name ?? null) : null;
        t.update(docAnswers).set({ themeId: change.themeId }).where(eq(docAnswers.id, a.id)).run();
        recordDocRevision(t, { eventId, author, what: "svar flyttat", before: { svarId: a.id, svar: a.text, tema: was }, after: { svarId: a.id, svar: a.text, tema: name } });
        break;
      }
    }
    return { ok: true };
  });
}

export function createTheme({ eventId, author, questionId, name, database = defaultDb }: Ctx & { questionId: number; name: string }): Result<{ id: number }> {
  return tx(database, (t) => {
    const q = questionOfEvent(t, eventId, questionId);
    if (!q) return fail(GONE);
    if (t.select().from(docThemes).where(and(eq(docThemes.questionId, q.id), eq(docThemes.name, name))).get()) {
      return fail(`Frågan har redan temat "${name}".`, "name");
    }
    const id = insertTheme(t, q.id, name);
    recordDocRevision(t, { eventId, author, what: "tema nytt", before: null, after: { fråga: q.prompt, tema: name } });
    return { ok: true, id };
  });
}

function insertTheme(t: Tx, questionId: number, name: string): number {
  const last = t.select({ p: max(docThemes.position) }).from(docThemes).where(eq(docThemes.questionId, questionId)).get()?.p ?? 0;
  return t.insert(docThemes).values({ questionId, name, position: last + 1 }).returning().get().id;
}

function themeOfEvent(t: Pick<DB, "select">, eventId: number, themeId: number) {
  return (
    t
      .select({ theme: docThemes, question: docQuestions })
      .from(docThemes)
      .innerJoin(docQuestions, eq(docQuestions.id, docThemes.questionId))
      .where(and(eq(docThemes.id, themeId), eq(docQuestions.eventId, eventId)))
      .get() ?? null
  );
}

export function renameTheme({ eventId, author, themeId, name, database = defaultDb }: Ctx & { themeId: number; name: string }): Result {
  return tx(database, (t) => {
    const row = themeOfEvent(t, eventId, themeId);
    if (!row) return fail(GONE);
    t.update(docThemes).set({ name }).where(eq(docThemes.id, themeId)).run();
    recordDocRevision(t, { eventId, author, what: "tema omdöpt", before: { tema: row.theme.name }, after: { tema: name } });
    return { ok: true };
  });
}

/** Deleting a theme keeps its answers: they go back to "Utan tema". */
export function deleteTheme({ eventId, author, themeId, database = defaultDb }: Ctx & { themeId: number }): Result {
  return tx(database, (t) => {
    const row = themeOfEvent(t, eventId, themeId);
    if (!row) return fail(GONE);
    t.delete(docThemes).where(eq(docThemes.id, themeId)).run();
    recordDocRevision(t, { eventId, author, what: "tema borttaget", before: { tema: row.theme.name }, after: { tema: null } });
    return { ok: true };
  });
}

export function moveTheme({ eventId, author, themeId, direction, database = defaultDb }: Ctx & { themeId: number; direction: "up" | "down" }): Result {
  return tx(database, (t) => {
    const row = themeOfEvent(t, eventId, themeId);
    if (!row) return fail(GONE);
    const all = t.select().from(docThemes).where(eq(docThemes.questionId, row.question.id)).orderBy(asc(docThemes.position), asc(docThemes.id)).all();
    const i = all.findIndex((x) => x.id === themeId);
    const j = direction === "up" ? i - 1 : i + 1;
    if (j < 0 || j >= all.length) return { ok: true };
    [all[i], all[j]] = [all[j], all[i]];
    all.forEach((x, k) => t.update(docThemes).set({ position: k + 1 }).where(eq(docThemes.id, x.id)).run());
    recordDocRevision(t, { eventId, author, what: "teman ordnade", before: { tema: row.theme.name, plats: i + 1 }, after: { tema: row.theme.name, plats: j + 1 } });
    return { ok: true };
  });
}

/**
 * Answers collected elsewhere, one per line, into one question (and lärpass, for a lärpass's question).
 * Heading lines name a theme: an existing one of the question, or a new one at the end.
 */
export function pasteAnswers({
  eventId,
  author,
  questionId,
  larpassId,
  text,
  database = defaultDb,
}: Ctx & { questionId: number; larpassId: number | null; text: string }): Result<{ answers: number; themes: number }> {
  const parsed = parsePastedAnswers(text);
  if (parsed.answers.length === 0) return fail("Klistra in minst ett svar (ett per rad).", "text");
  return tx(database, (t) => {
    const q = questionOfEvent(t, eventId, questionId);
    if (!q) return fail(GONE);
    if (q.kind === "rating") return fail("Svar kan bara klistras in till fritextfrågor.", "questionId");
    let about: number | null = null;
    if (q.scope === "larpass") about = q.larpassId;
    if (q.scope === "every-larpass") {
      if (larpassId == null || !larpassOfEvent(t, eventId, larpassId)) return fail("Välj vilket lärpass svaren gäller.", "larpassId");
      about = larpassId;
    }
    const themes = new Map(t.select().from(docThemes).where(eq(docThemes.questionId, q.id)).all().map((x) => [x.name, x.id]));
    let made = 0;
    for (const name of parsed.themes) {
      if (!themes.has(name)) {
        themes.set(name, insertTheme(t, q.id, name));
        made += 1;
      }
    }
    for (const a of parsed.answers) {
      t.insert(docAnswers).values({ questionId: q.id, larpassId: about, userId: null, text: a.text, themeId: a.theme ? themes.get(a.theme)! : null, source: "paste" }).run();
    }
    recordDocRevision(t, { eventId, author, what: "svar inklistrade", before: null, after: { fråga: q.prompt, svar: parsed.answers.length, nyaTeman: made } });
    return { ok: true, answers: parsed.answers.length, themes: made };
  });
}

export type DocumentationSettings = {
  intro: string;
  sectionOrder: DocumentationSection[];
  includeRatings: boolean;
  requireSignIn: boolean;
  answersOpenAt: Date | null;
  answersCloseAt: Date | null;
};

export function saveSettings({ eventId, author, settings, database = defaultDb }: Ctx & { settings: DocumentationSettings }): Result {
  if (settings.answersOpenAt && settings.answersCloseAt && settings.answersCloseAt <= settings.answersOpenAt) {
    return fail("Svaren måste stänga efter att de öppnar.", "answersCloseAt");
  }
  return tx(database, (t) => {
    if (!eventById(t, eventId)) return fail("Evenemanget finns inte.");
    const doc = ensureDocumentation(t, eventId);
    const next = { ...settings, sectionOrder: normaliseOrder(settings.sectionOrder) };
    t.update(documentations).set({ ...next, updatedAt: new Date() }).where(eq(documentations.eventId, eventId)).run();
    const view = (s: DocumentationSettings) => ({
      inledning: s.intro,
      ordning: s.sectionOrder,
      betyg: s.includeRatings,
      inloggning: s.requireSignIn,
      öppnar: s.answersOpenAt?.toISOString() ?? null,
      stänger: s.answersCloseAt?.toISOString() ?? null,
    });
    recordDocRevision(t, { eventId, author, what: "inställningar", before: view(doc), after: view(next) });
    return { ok: true };
  });
}

export function setPublished({ eventId, author, published, database = defaultDb }: Ctx & { published: boolean }): Result {
  return tx(database, (t) => {
    if (!eventById(t, eventId)) return fail("Evenemanget finns inte.");
    const doc = ensureDocumentation(t, eventId);
    t.update(documentations)
      .set({ published, publishedAt: published ? (doc.publishedAt ?? new Date()) : doc.publishedAt, updatedAt: new Date() })
      .where(eq(documentations.eventId, eventId))
      .run();
    recordDocRevision(t, { eventId, author, what: published ? "publicerad" : "avpublicerad", before: { publicerad: doc.published }, after: { publicerad: published } });
    return { ok: true };
  });
}

