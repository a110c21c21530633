// What the documentation pages read: the organisers' workspace, the ratings, a speaker's own view, and the
// compiled document (the public page, print view, .docx and Markdown all render compileDocumentation()).
import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { db } from "@/db";
import { docAnswers, docAttachments, docQuestions, docThemes, events, larpass, type DocQuestion, type Event, type GroupOutput, type SlideLink } from "@/db/schema";
import type { DocumentationSection } from "@/lib/domain";
import { getProgramme } from "@/lib/programme";
import { formatDateSpan, formatTimeRange, formatDay } from "@/lib/time";
import { readDocumentation } from "./common";
import { readLarpassDoc } from "./larpass-doc";
import { answerWindow, normaliseOrder, summariseRatings, windowState, type RatingSummary } from "./rules";

export type AnswerRow = typeof docAnswers.$inferSelect & { larpassTitle: string | null };

export function getWorkspace({ eventId, now = new Date() }: { eventId: number; now?: Date }) {
  const event = db.select().from(events).where(eq(events.id, eventId)).get();
  if (!event) return null;
  const doc = readDocumentation(db, eventId);
  const questions = db.select().from(docQuestions).where(eq(docQuestions.eventId, eventId)).orderBy(asc(docQuestions.position), asc(docQuestions.id)).all();
  const answers = questions.length
    ? db.select({ questionId: docAnswers.questionId, hidden: docAnswers.hidden }).from(docAnswers).where(inArray(docAnswers.questionId, questions.map((q) => q.id))).all()
    : [];
  const lps = db.select({ id: larpass.id, title: larpass.title, status: larpass.status }).from(larpass).where(eq(larpass.eventId, eventId)).orderBy(asc(larpass.sortOrder), asc(larpass.id)).all();
  const titles = new Map(lps.map((l) => [l.id, l.title]));
  const window = answerWindow(event, doc);
  return {
    event,
    doc,
    settings: {
      intro: doc?.intro ?? "",
      sectionOrder: normaliseOrder(doc?.sectionOrder),
      includeRatings: doc?.includeRatings ?? false,
      requireSignIn: doc?.requireSignIn ?? true,
      published: doc?.published ?? false,
      answersOpenAt: doc?.answersOpenAt ?? null,
      answersCloseAt: doc?.answersCloseAt ?? null,
    },
    window,
    windowState: windowState(window, now),
    questions: questions.map((q) => ({
      ...q,
      larpassTitle: q.larpassId != null ? (titles.get(q.larpassId) ?? null) : null,
      answers: answers.filter((a) => a.questionId === q.id).length,
      hidden: answers.filter((a) => a.questionId === q.id && a.hidden).length,
    })),
    larpass: lps.filter((l) => l.status !== "cancelled"),
  };
}

export function getQuestionWorkspace({ eventId, questionId }: { eventId: number; questionId: number }) {
  const question = db.select().from(docQuestions).where(and(eq(docQuestions.id, questionId), eq(docQuestions.eventId, eventId))).get();
  if (!question) return null;
  const themes = db.select().from(docThemes).where(eq(docThemes.questionId, questionId)).orderBy(asc(docThemes.position), asc(docThemes.id)).all();
  const answers: AnswerRow[] = db
    .select({ a: docAnswers, larpassTitle: larpass.title })
    .from(docAnswers)
    .leftJoin(larpass, eq(larpass.id, docAnswers.larpassId))
    .where(eq(docAnswers.questionId, questionId))
    .orderBy(asc(docAnswers.id))
    .all()
    .map((r) => ({ ...r.a, larpassTitle: r.larpassTitle }));
  const groups = [
    ...themes.map((t) => ({ theme: t as typeof t | null, answers: answers.filter((a) => a.themeId === t.id) })),
    { theme: null, answers: answers.filter((a) => a.themeId == null) },
  ];
  return { question, themes, answers, groups };
}

export type RatingRow = { larpassId: number; title: string; summary: RatingSummary; comments: string[] };

/** Rating answers per lärpass (hidden answers left out), in programme order. */
export function ratingsByLarpass({ eventId, larpassIds }: { eventId: number; larpassIds?: number[] }): RatingRow[] {
  const rows = db
    .select({ larpassId: docAnswers.larpassId, rating: docAnswers.rating, text: docAnswers.text, title: larpass.title, sortOrder: larpass.sortOrder })
    .from(docAnswers)
    .innerJoin(docQuestions, eq(docQuestions.id, docAnswers.questionId))
    .innerJoin(larpass, eq(larpass.id, docAnswers.larpassId))
    .where(and(eq(docQuestions.eventId, eventId), eq(docQuestions.kind, "rating"), eq(docAnswers.hidden, false), larpassIds ? inArray(docAnswers.larpassId, larpassIds) : undefined))
    .orderBy(asc(larpass.sortOrder), asc(larpass.id), asc(docAnswers.id))
    .all();
  const by = new Map<number, { title: string; ratings: (number | null)[]; comments: string[] }>();
  for (const r of rows) {
    const e = by.get(r.larpassId!) ?? { title: r.title, ratings: [], comments: [] };
    e.ratings.push(r.rating);
    if (r.text.trim()) e.comments.push(r.text.trim());
    by.set(r.larpassId!, e);
  }
  return [...by].map(([larpassId, e]) => ({ larpassId, title: e.title, summary: summariseRatings(e.ratings), comments: e.comments }));
}

// The compiled documentation ------------------------------------------------------------------------------

export type AnswerView = { text: string; quote: boolean };
export type ThemeGroup = { name: string | null; answers: AnswerView[] };
export type QuestionView = { id: number; prompt: string; total: number; groups: ThemeGroup[] };
export type LarpassSection = {
  id: number;
  title: string;
  when: string | null;
  room: string | null;
  speakers: { name: string; role: string | null; organisation: string | null }[];
  summary: string;
  groups: GroupOutput[];
  quotes: string[];
  slides: SlideLink[];
  attachments: { id: number; name: string; size: number }[];
  questions: QuestionView[];
};
export type CompiledDocumentation = {
  event: { id: number; slug: string; name: string; venue: string; dates: string };
  published: boolean;
  publishedAt: Date | null;
  intro: string;
  order: DocumentationSection[];
  questions: QuestionView[];
  larpass: LarpassSection[];
  ratings: RatingRow[] | null;
};

function textQuestionViews(questions: DocQuestion[], larpassId: number | null): QuestionView[] {
  if (questions.length === 0) return [];
  const ids = questions.map((q) => q.id);
  const themes = db.select().from(docThemes).where(inArray(docThemes.questionId, ids)).orderBy(asc(docThemes.position), asc(docThemes.id)).all();
  const answers = db
    .select()
    .from(docAnswers)
    .where(and(inArray(docAnswers.questionId, ids), eq(docAnswers.hidden, false), larpassId == null ? undefined : eq(docAnswers.larpassId, larpassId)))
    .orderBy(asc(docAnswers.id))
    .all()
    .filter((a) => a.text.trim());
  return questions
    .map((q) => {
      const mine = answers.filter((a) => a.questionId === q.id);
      const view = (a: typeof mine[number]): AnswerView => ({ text: a.text, quote: a.quote });
      const groups: ThemeGroup[] = themes
        .filter((t) => t.questionId === q.id)
        .map((t) => ({ name: t.name, answers: mine.filter((a) => a.themeId === t.id).map(view) }))
        .filter((g) => g.answers.length);
      const loose = mine.filter((a) => a.themeId == null).map(view);
      if (loose.length) groups.push({ name: groups.length ? "Övriga svar" : null, answers: loose });
      return { id: q.id, prompt: q.prompt, total: mine.length, groups };
    })
    .filter((q) => q.total > 0);
}

export async function compileDocumentation({ eventId }: { eventId: number }): Promise<CompiledDocumentation | null> {
  const event: Event | undefined = db.select().from(events).where(eq(events.id, eventId)).get();
  if (!event) return null;
  const doc = readDocumentation(db, eventId);
  const questions = db.select().from(docQuestions).where(and(eq(docQuestions.eventId, eventId), eq(docQuestions.kind, "text"))).orderBy(asc(docQuestions.position), asc(docQuestions.id)).all();
  const programme = await getProgramme({ eventId });
  const sections: LarpassSection[] = [];
  const attachments = programme.all.length
    ? db.select().from(docAttachments).where(inArray(docAttachments.larpassId, programme.all.map((l) => l.id))).orderBy(asc(docAttachments.id)).all()
    : [];
  for (const l of programme.all) {
    if (l.status !== "published") continue;
    const d = readLarpassDoc(db, l.id);
    const own = questions.filter((q) => q.scope === "every-larpass" || (q.scope === "larpass" && q.larpassId === l.id));
    const qs = textQuestionViews(own, l.id);
    const files = attachments.filter((a) => a.larpassId === l.id).map((a) => ({ id: a.id, name: a.name, size: a.size }));
    const hasContent = d && (d.summary.trim() || d.groups.length || d.quotes.length || d.slides.length);
    if (!hasContent && !qs.length && !files.length) continue;
    sections.push({
      id: l.id,
      title: l.title,
      when: l.slot ? `${formatDay(l.slot.startsAt, event.timeZone)} ${formatTimeRange(l.slot.startsAt, l.slot.endsAt, event.timeZone)}` : null,
      room: l.room?.name ?? null,
      speakers: l.speakers.map((s) => ({ name: s.name, role: s.role, organisation: s.organisation?.name ?? null })),
      summary: d?.summary ?? "",
      groups: d?.groups ?? [],
      quotes: d?.quotes ?? [],
      slides: d?.slides ?? [],
      attachments: files,
      questions: qs,
    });
  }
  const includeRatings = doc?.includeRatings ?? false;
  return {
    event: { id: event.id, slug: event.slug, name: event.name, venue: event.venue, dates: formatDateSpan(event.startsOn, event.endsOn) },
    published: doc?.published ?? false,
    publishedAt: doc?.publishedAt ?? null,
    intro: doc?.intro ?? "",
    order: normaliseOrder(doc?.sectionOrder),
    questions: textQuestionViews(questions.filter((q) => q.scope === "event"), null),
    larpass: sections,
    ratings: includeRatings ? ratingsByLarpass({ eventId }).filter((r) => r.summary.count > 0) : null,
  };
}

/** The published documentation of a published event, by the event's slug; null otherwise. */
export async function getPublishedDocumentation({ slug }: { slug: string }): Promise<CompiledDocumentation | null> {
  const event = db.select({ id: events.id }).from(events).where(and(eq(events.slug, slug), eq(events.published, true))).get();
  if (!event) return null;
  const doc = readDocumentation(db, event.id);
  if (!doc?.published) return null;
  return compileDocumentation({ eventId: event.id });
}

/** A speaker's ratings for one lärpass, only once answering has closed. */
export function ratingsForSpeaker({ larpassId, now = new Date() }: { larpassId: number; now?: Date }): { closed: boolean; closesAt: Date; row: RatingRow | null } | null {
  const l = db.select().from(larpass).where(eq(larpass.id, larpassId)).get();
  if (!l) return null;
  const event = db.select().from(events).where(eq(events.id, l.eventId)).get()!;
  const w = answerWindow(event, readDocumentation(db, event.id));
  if (windowState(w, now) !== "closed") return { closed: false, closesAt: w.closesAt, row: null };
  return { closed: true, closesAt: w.closesAt, row: ratingsByLarpass({ eventId: event.id, larpassIds: [larpassId] })[0] ?? null };
}
