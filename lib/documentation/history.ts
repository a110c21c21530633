// The documentation workspace's history (doc_revisions, written by every workspace change in the same
// transaction): who, when, what, and each value before and after, ready to show. A corrected answer's
// revision holds its original wording; this is where an organiser reads it.
import "server-only";
import { desc, eq, sql } from "drizzle-orm";
import { diffWords } from "diff";
import { db as defaultDb, type DB } from "@/db";
import { docRevisions } from "@/db/schema";
import type { FieldChange, RevisionRoleLabel } from "@/lib/admin/history";
import { documentationSectionLabels, type DocumentationSection } from "@/lib/domain";
import { formatDateTime } from "@/lib/time";

/** What a revision's `what` says, as a heading. Unknown kinds are shown as written. */
export const docRevisionLabels: Record<string, string> = {
  "fråga ny": "Ny fråga",
  "fråga ändrad": "Frågan ändrad",
  "fråga borttagen": "Frågan borttagen",
  "frågor ordnade": "Frågornas ordning ändrad",
  "svar dolt": "Svar dolt",
  "svar visas": "Svar visas igen",
  "svar som citat": "Svar markerat som citat",
  "svar inte citat": "Svar inte längre citat",
  "svar rättat": "Svar rättat",
  "svar flyttat": "Svar flyttat till ett tema",
  "svar inklistrade": "Svar inklistrade",
  "tema nytt": "Nytt tema",
  "tema omdöpt": "Tema omdöpt",
  "tema borttaget": "Tema borttaget",
  "teman ordnade": "Temanas ordning ändrad",
  inställningar: "Inledning och inställningar",
  publicerad: "Dokumentationen publicerad",
  avpublicerad: "Dokumentationen avpublicerad",
  "lärpassets dokumentation": "Lärpassets avsnitt",
  "bilaga ny": "Ny bilaga",
  "bilaga borttagen": "Bilaga borttagen",
};

const fieldLabels: Record<string, string> = {
  fråga: "Fråga",
  typ: "Typ",
  gäller: "Gäller",
  plats: "Plats i ordningen",
  svar: "Svar",
  dolt: "Dolt",
  citat: "Citat",
  tema: "Tema",
  nyaTeman: "Nya teman",
  inledning: "Inledning",
  ordning: "Ordning",
  betyg: "Betygen med i dokumentationen",
  inloggning: "Svar kräver inloggning",
  öppnar: "Svar öppnar",
  stänger: "Svar stänger",
  publicerad: "Publicerad",
  lärpass: "Lärpass",
  sammanfattning: "Sammanfattning",
  grupper: "Gruppernas resultat",
  bildspel: "Bildspel",
  bilaga: "Bilaga",
};
/** Kept in the revision to find it again (a member's deleted answer), not shown. */
const hiddenFields = new Set(["svarId"]);
const EMPTY = "–";

export type DocRevisionRow = {
  id: number;
  createdAt: Date;
  when: string;
  authorLabel: string;
  roleLabel: RevisionRoleLabel;
  what: string;
  /** Values that did not change but say what the change was about (the answer that was hidden). */
  context: { field: string; label: string; value: string }[];
  changes: FieldChange[];
};

const roleLabels: Record<string, RevisionRoleLabel> = { organiser: "arrangör", speaker: "talare", system: "import", member: "medlem" };

function show(field: string, v: unknown, timeZone: string): string {
  if (v == null || v === "") return EMPTY;
  if (typeof v === "boolean") return v ? "ja" : "nej";
  if ((field === "öppnar" || field === "stänger") && typeof v === "string") {
    const d = new Date(v);
    return Number.isNaN(d.getTime()) ? v : formatDateTime(d, timeZone);
  }
  if (field === "ordning" && Array.isArray(v)) return v.map((s) => documentationSectionLabels[s as DocumentationSection] ?? String(s)).join(", ");
  if (field === "grupper" && Array.isArray(v)) {
    return v.map((g: { title?: string; points?: string[] }) => `${g.title ?? ""}: ${(g.points ?? []).join("; ")}`).join("\n") || EMPTY;
  }
  if (field === "bildspel" && Array.isArray(v)) return v.map((s: { title?: string; url?: string }) => `${s.title ?? ""} (${s.url ?? ""})`).join("\n") || EMPTY;
  if (Array.isArray(v)) return v.map(String).join("\n") || EMPTY;
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}

/** Long or multi-line texts are compared word by word; short values as before → after, in full. */
const isLongText = (a: string, b: string) => a.length > 200 || b.length > 200 || a.includes("\n") || b.includes("\n");

export function docRevisionChanges(
  before: Record<string, unknown> | null,
  after: Record<string, unknown>,
  timeZone = "Europe/Stockholm",
): Pick<DocRevisionRow, "context" | "changes"> {
  const fields = [...new Set([...Object.keys(after), ...Object.keys(before ?? {})])].filter((f) => !hiddenFields.has(f));
  const context: DocRevisionRow["context"] = [];
  const changes: FieldChange[] = [];
  for (const field of fields) {
    // "svar" is an answer's text, or a count (pasted answers, a deleted question's answers).
    const label = field === "svar" && (typeof after[field] === "number" || typeof before?.[field] === "number") ? "Antal svar" : (fieldLabels[field] ?? field);
    const a = show(field, after[field], timeZone);
    if (before && JSON.stringify(before[field] ?? null) === JSON.stringify(after[field] ?? null)) {
      if (a !== EMPTY) context.push({ field, label, value: a });
      continue;
    }
    const b = before ? show(field, before[field], timeZone) : EMPTY;
    if (!before && a === EMPTY) continue;
    if (before && isLongText(b, a)) {
      changes.push({
        field,
        label,
        kind: "text",
        parts: diffWords(b === EMPTY ? "" : b, a === EMPTY ? "" : a).map((p) => ({ text: p.value, change: p.added ? "added" : p.removed ? "removed" : "same" })),
      });
    } else changes.push({ field, label, kind: "value", before: b, after: a });
  }
  return { context, changes };
}

export const DOC_REVISIONS_PER_PAGE = 100;

/** The event's workspace revisions, newest first, a page at a time (page 1 is the newest). */
export function listDocRevisions({
  eventId,
  timeZone = "Europe/Stockholm",
  page = 1,
  database = defaultDb,
}: {
  eventId: number;
  timeZone?: string;
  page?: number;
  database?: DB;
}): { rows: DocRevisionRow[]; total: number; pages: number } {
  const total = database.select({ n: sql<number>`count(*)` }).from(docRevisions).where(eq(docRevisions.eventId, eventId)).get()?.n ?? 0;
  const pages = Math.max(1, Math.ceil(total / DOC_REVISIONS_PER_PAGE));
  const rows = database
    .select()
    .from(docRevisions)
    .where(eq(docRevisions.eventId, eventId))
    .orderBy(desc(docRevisions.id))
    .limit(DOC_REVISIONS_PER_PAGE)
    .offset((Math.min(Math.max(1, page), pages) - 1) * DOC_REVISIONS_PER_PAGE)
    .all();
  return {
    total,
    pages,
    rows: rows.map((r) => ({
      id: r.id,
      createdAt: r.createdAt,
      when: formatDateTime(r.createdAt, timeZone),
      authorLabel: r.authorLabel,
      roleLabel: roleLabels[r.authorRole] ?? "arrangör",
      what: docRevisionLabels[r.what] ?? r.what,
      ...docRevisionChanges(r.before, r.after, timeZone),
    })),
  };
}
