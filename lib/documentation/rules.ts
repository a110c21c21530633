// The documentation's rules, without a database: the answer window, what an answer must look like, pasted
// answers and rating summaries (its enums and labels are in lib/domain.ts). Shared by the lib functions, the pages and the tests.
import type { DocumentationSection } from "@/lib/domain";
import { zonedToUtc } from "@/lib/time";

export const ANSWER_MAX = 2000;
export const DAYS_OPEN_AFTER = 14;

function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export type AnswerWindow = { opensAt: Date; closesAt: Date };

/**
 * When answering is open: the organiser's times, else from the event's first day at 00:00 until the end of
 * the 14th day after its last day (both in the event's time zone).
 */
export function answerWindow(
  event: { startsOn: string; endsOn: string; timeZone: string },
  doc: { answersOpenAt: Date | null; answersCloseAt: Date | null } | null,
): AnswerWindow {
  return {
    opensAt: doc?.answersOpenAt ?? zonedToUtc(event.startsOn, "00:00", event.timeZone),
    closesAt: doc?.answersCloseAt ?? zonedToUtc(addDays(event.endsOn, DAYS_OPEN_AFTER + 1), "00:00", event.timeZone),
  };
}

export type WindowState = "before" | "open" | "closed";
export function windowState(w: AnswerWindow, now = new Date()): WindowState {
  if (now < w.opensAt) return "before";
  if (now >= w.closesAt) return "closed";
  return "open";
}

/**
 * Why an answer's text is refused, or null. Anonymous answers are held to more: no links, and something
 * that reads as words. Messages are shown beside the field.
 */
export function answerTextProblem(text: string, { anonymous, required }: { anonymous: boolean; required: boolean }): string | null {
  const t = text.trim();
  if (!t) return required ? "Skriv ett svar innan du skickar." : null;
  if (t.length > ANSWER_MAX) return `Svaret får vara högst ${ANSWER_MAX} tecken (nu ${t.length}).`;
  if (anonymous) {
    if (/(https?:\/\/|www\.|\[url|<a\s)/i.test(t)) return "Svar med länkar tas inte emot utan inloggning. Skriv svaret utan länken.";
    if (/(.)\1{9,}/u.test(t)) return "Svaret ser ut som skräp (samma tecken många gånger). Skriv om det med egna ord.";
    if (!/\p{L}{2}/u.test(t)) return "Svaret behöver innehålla ord.";
  }
  return null;
}

export type PastedLine = { theme: string | null; text: string };
export type PastePreview = { themes: string[]; answers: PastedLine[] };

const bullet = /^\s*(?:[-*•–]|\d+[.)])\s+/;

/** A Markdown heading or a bold-only line: "### **Regionens roll**" -> "Regionens roll". */
function headingText(line: string): string | null {
  const m = /^\s*#{1,6}\s+(.*)$/.exec(line);
  if (!m) return null;
  const name = m[1].replace(/\*\*/g, "").replace(/\s+/g, " ").trim();
  return name || null;
}

/**
 * Answers pasted in, one per line (paper cards typed up, another tool's export). Empty lines are dropped,
 * list bullets removed; a heading line ("## Regionens roll") starts a theme for the lines under it.
 */
export function parsePastedAnswers(input: string): PastePreview {
  const themes: string[] = [];
  const answers: PastedLine[] = [];
  let theme: string | null = null;
  for (const raw of input.split(/\r?\n/)) {
    const heading = headingText(raw);
    if (heading) {
      theme = heading;
      if (!themes.includes(heading)) themes.push(heading);
      continue;
    }
    const text = raw.replace(bullet, "").trim();
    if (text) answers.push({ theme, text });
  }
  return { themes, answers };
}

export type RatingSummary = { count: number; average: number | null; distribution: [number, number, number, number, number] };

export function summariseRatings(ratings: readonly (number | null)[]): RatingSummary {
  const distribution: RatingSummary["distribution"] = [0, 0, 0, 0, 0];
  let sum = 0;
  let count = 0;
  for (const r of ratings) {
    if (r == null || r < 1 || r > 5) continue;
    distribution[r - 1] += 1;
    sum += r;
    count += 1;
  }
  return { count, average: count ? Math.round((sum / count) * 10) / 10 : null, distribution };
}

export function formatAverage(avg: number | null): string {
  return avg == null ? "–" : avg.toLocaleString("sv-SE", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

/** The documentation's sections in the organiser's order, every known section once. */
export function normaliseOrder(order: readonly string[] | null | undefined): DocumentationSection[] {
  const all: DocumentationSection[] = ["intro", "questions", "larpass", "ratings"];
  const seen = (order ?? []).filter((s): s is DocumentationSection => (all as string[]).includes(s));
  const unique = [...new Set(seen)];
  return [...unique, ...all.filter((s) => !unique.includes(s))];
}

/** Slide links must be web addresses (no javascript: and the like). */
export function isWebUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === "https:" || u.protocol === "http:";
  } catch {
    return false;
  }
}
