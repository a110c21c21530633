// A lärpass's section of the documentation: summary, group outputs, quotes and slide links. Its speakers
// write it on Mina lärpass (policy "own-larpass": the policy's speaksIn, checked here in the transaction that
// writes), organisers may edit any (rows "any"). A version number refuses a save from a form opened before someone else's save.
import { and, eq } from "drizzle-orm";
import { db as defaultDb, type DB } from "@/db";
import { larpass, larpassDocs, type GroupOutput, type LarpassDoc, type SlideLink } from "@/db/schema";
import type { RevisionAuthor } from "@/lib/revisions";
import { speaksIn, type Rows } from "@/lib/policy";
import { fail, recordDocRevision, type Result } from "./common";

export type LarpassDocInput = { summary: string; groups: GroupOutput[]; quotes: string[]; slides: SlideLink[] };

export const emptyLarpassDoc: LarpassDocInput = { summary: "", groups: [], quotes: [], slides: [] };

export function readLarpassDoc(tx: Pick<DB, "select">, larpassId: number): LarpassDoc | null {
  return tx.select().from(larpassDocs).where(eq(larpassDocs.larpassId, larpassId)).get() ?? null;
}

export function saveLarpassDoc({
  larpassId,
  eventId,
  userId,
  rows,
  author,
  expectedVersion,
  input,
  database = defaultDb,
}: {
  larpassId: number;
  /** The organiser's page's event: the lärpass must belong to it. */
  eventId?: number;
  userId: string;
  /** The policy rule's rows: "own-larpass" (a speaker, only where they speak) or "any" (an organiser). */
  rows: Extract<Rows, "any" | "own-larpass">;
  author: RevisionAuthor;
  expectedVersion: number;
  input: LarpassDocInput;
  database?: DB;
}): Result<{ version: number }> | { ok: false; conflict: true; message: string } {
  return database.transaction(
    (t) => {
      const l = t
        .select()
        .from(larpass)
        .where(eventId != null ? and(eq(larpass.id, larpassId), eq(larpass.eventId, eventId)) : eq(larpass.id, larpassId))
        .get();
      if (!l) return fail("Lärpasset finns inte.");
      if (rows === "own-larpass" && !speaksIn(t, userId, larpassId)) return fail("Du är inte talare i det här lärpasset och kan inte ändra dess dokumentation.");
      const current = readLarpassDoc(t, larpassId);
      const version = current?.version ?? 0;
      if (version !== expectedVersion) {
        return { ok: false as const, conflict: true as const, message: "Någon annan har sparat dokumentationen sedan du öppnade sidan. Dina ändringar är inte sparade: kopiera dem, ladda om och för in dem igen." };
      }
      const next = version + 1;
      if (current) t.update(larpassDocs).set({ ...input, version: next, updatedAt: new Date() }).where(eq(larpassDocs.larpassId, larpassId)).run();
      else t.insert(larpassDocs).values({ larpassId, ...input, version: next }).run();
      const view = (d: LarpassDocInput) => ({ lärpass: l.title, sammanfattning: d.summary, grupper: d.groups, citat: d.quotes, bildspel: d.slides });
      recordDocRevision(t, { eventId: l.eventId, author, what: "lärpassets dokumentation", before: current ? view(current) : null, after: view(input) });
      return { ok: true as const, version: next };
    },
    { behavior: "immediate" },
  );
}

/**
 * Group outputs as typed in one textarea: a line starting with "#" (or a line followed by "- " lines) names a
 * block, "- " lines are its points. Seed 001's "Trädgårdsmästaren (grupp 1:1)" with its bullet list.
 */
export function parseGroups(text: string): GroupOutput[] {
  const groups: GroupOutput[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    const point = /^(?:[-*•–]|\d+[.)])\s+(.*)$/.exec(line);
    if (point) {
      if (!groups.length) groups.push({ title: "Grupp", points: [] });
      groups.at(-1)!.points.push(point[1].trim());
    } else {
      groups.push({ title: line.replace(/^#+\s*/, "").replace(/\*\*/g, "").trim(), points: [] });
    }
  }
  return groups.filter((g) => g.title || g.points.length);
}

export function groupsToText(groups: GroupOutput[]): string {
  return groups.map((g) => [`## ${g.title}`, ...g.points.map((p) => `- ${p}`)].join("\n")).join("\n\n");
}

/** Slide links, one per line: "Titel | https://..." or just the address. */
export function parseSlides(text: string): { slides: SlideLink[]; bad: string[] } {
  const slides: SlideLink[] = [];
  const bad: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    const [a, b] = line.includes("|") ? line.split("|").map((s) => s.trim()) : ["", line];
    const url = b ?? "";
    try {
      const u = new URL(url);
      if (u.protocol !== "https:" && u.protocol !== "http:") throw new Error("protocol");
      slides.push({ title: a || u.hostname, url: u.toString() });
    } catch {
      bad.push(line);
    }
  }
  return { slides, bad };
}

export function slidesToText(slides: SlideLink[]): string {
  return slides.map((s) => `${s.title} | ${s.url}`).join("\n");
}

export function parseQuotes(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.replace(/^>\s*/, "").trim())
    .filter(Boolean);
}
