"use server";

import { redirect } from "next/navigation";
import { parseLarpassCsv, type CsvError } from "@/lib/import/csv";
import { ImportError, importProgramme, type ImportPlan } from "@/lib/import/import-programme";
import { parseProgramme, type ParsedProgramme } from "@/lib/import/parse-programme";
import { decodeImportFile, LARGE_IMPORT_LARPASS, MAX_IMPORT_BYTES, tooLargeMessage } from "@/lib/import/source";
import { importAuthorOf, type RevisionAuthor } from "@/lib/revisions";
import { importStatusSchema } from "@/lib/validation/admin";
import { formId } from "@/lib/validation/form";
import { serverAction } from "@/lib/action";
import type { LarpassStatus } from "@/lib/domain";

/** An import lands as drafts or published, never cancelled. */
type ImportStatus = Exclude<LarpassStatus, "cancelled">;

export type ImportFormat = "text" | "csv";

export type ImportState = {
  errors?: Partial<Record<"text" | "file" | "status" | "form" | "largeImport", string>>;
  /** Problems with a CSV file, each with its row: nothing is imported while there are any. */
  csvErrors?: CsvError[];
  /** What was pasted or read from the file: kept in the form, and carried to "Bekräfta import". */
  text?: string;
  status?: string;
  preview?: { plan: ImportPlan; status: ImportStatus };
};

/** Where the login page sends an anonymous caller back to. */
function importPage(formData: FormData): string {
  const id = formId(formData, "eventId");
  return id.ok ? `/arrangor/evenemang/${id.id}/import` : "/arrangor";
}

const formatOf = (v: FormDataEntryValue | null): ImportFormat => (v === "csv" ? "csv" : "text");

const byteLength = (text: string) => new TextEncoder().encode(text).length;

/**
 * The text to import: a chosen file (decoded by lib/import/source: UTF-8, UTF-16 or Windows-1252; empty,
 * binary and too large files refused), else the pasted text. next.config.ts lets a request through up to
 * 2 MB so that a file just over the limit gets this Swedish answer, not Next's own error.
 */
async function readSource(formData: FormData): Promise<{ text: string } | { error: Partial<Record<"text" | "file", string>> }> {
  const file = formData.get("file");
  if (file && typeof file === "object" && "arrayBuffer" in file && file.size > 0) {
    if (file.size > MAX_IMPORT_BYTES) return { error: { file: tooLargeMessage(file.size) } };
    const decoded = decodeImportFile(new Uint8Array(await file.arrayBuffer()));
    return decoded.ok ? { text: decoded.text } : { error: { file: decoded.message } };
  }
  const text = formData.get("text");
  if (typeof text !== "string" || text.trim() === "") {
    return { error: { text: "Klistra in texten eller välj en fil." } };
  }
  if (byteLength(text) > MAX_IMPORT_BYTES) return { error: { text: tooLargeMessage(byteLength(text), "Texten") } };
  return { text };
}

function parse(format: ImportFormat, text: string): { programme: ParsedProgramme } | { state: ImportState } {
  if (format === "csv") {
    const csv = parseLarpassCsv(text);
    if (!csv.ok) return { state: { csvErrors: csv.errors, text } };
    return { programme: csv.programme };
  }
  const programme = parseProgramme(text);
  if (programme.sessions.length === 0) {
    return {
      state: {
        text,
        errors: { text: "Hittade inga lärpass i texten. Varje lärpass är ett stycke: titel, sammanfattning och sist en rad med talarna." },
        preview: undefined,
        csvErrors: programme.warnings.map((w) => ({ line: w.line, message: w.message })),
      },
    };
  }
  return { programme };
}

const largeImportMessage = (n: number) =>
  `Importen skapar ${n} nya lärpass. Kryssa i att du vill skapa så många, eller kontrollera att det är rätt fil.`;

const GONE = "Evenemanget finns inte längre. Någon kan ha tagit bort det.";

/** The import's plan, or null when the event is gone (the id comes from the form). */
function plan(eventId: number, programme: ParsedProgramme, status: ImportStatus, dryRun: boolean, author: RevisionAuthor) {
  try {
    return importProgramme({ eventId, programme, status, dryRun, author });
  } catch (error) {
    if (error instanceof ImportError) return null;
    throw error;
  }
}

/** Step 1: read the text or file and show what the import would do. Nothing is written. */
export const previewImportAction = serverAction("import.preview", {
  run: async (user, _prev: ImportState, formData: FormData): Promise<ImportState> => {
    // The event id is a hidden field, not .bind(): see IdField in components/form-fields.tsx. importProgramme checks it exists.
    const id = formId(formData, "eventId");
    if (!id.ok) return { errors: { form: id.message } };
    const format = formatOf(formData.get("format"));
    const status = importStatusSchema.safeParse(formData.get("status"));
    const source = await readSource(formData);
    const typed = typeof formData.get("text") === "string" ? String(formData.get("text")) : "";
    if ("error" in source) return { errors: source.error, text: typed, status: String(formData.get("status") ?? "") };
    if (!status.success) return { errors: { status: status.error.issues[0].message }, text: source.text };
    const parsed = parse(format, source.text);
    if ("state" in parsed) return { ...parsed.state, status: status.data };
    const preview = plan(id.id, parsed.programme, status.data, true, importAuthorOf(user));
    if (!preview) return { errors: { form: GONE }, text: source.text, status: status.data };
    return { text: source.text, status: status.data, preview: { plan: preview, status: status.data } };
  },
  returnTo: (_prev, formData) => importPage(formData),
});

/** Step 2: the same text again (from the preview's hidden field), imported in one transaction. */
export const confirmImportAction = serverAction("import.confirm", {
  run: async (user, _prev: ImportState, formData: FormData): Promise<ImportState> => {
    const id = formId(formData, "eventId");
    if (!id.ok) return { errors: { form: id.message } };
    const format = formatOf(formData.get("format"));
    const status = importStatusSchema.safeParse(formData.get("status"));
    const text = formData.get("text");
    if (typeof text !== "string" || text.trim() === "" || byteLength(text) > MAX_IMPORT_BYTES || !status.success) {
      return { errors: { form: "Förhandsgranskningen saknas eller är ofullständig. Läs in texten igen." } };
    }
    const parsed = parse(format, text);
    if ("state" in parsed) return parsed.state;
    // Many new lärpass at once is more often a wrong file than a programme: the preview asks to confirm.
    const dry = plan(id.id, parsed.programme, status.data, true, importAuthorOf(user));
    if (!dry) return { errors: { form: GONE } };
    const creates = dry.larpass.filter((l) => l.action === "create").length;
    if (creates > LARGE_IMPORT_LARPASS && formData.get("storImport") !== "on") {
      return { errors: { largeImport: largeImportMessage(creates) } };
    }
    const result = plan(id.id, parsed.programme, status.data, false, importAuthorOf(user));
    if (!result) return { errors: { form: GONE } };
    const created = result.larpass.filter((l) => l.action === "create").length;
    const updated = result.larpass.filter((l) => l.action === "update").length;
    redirect(`/arrangor/evenemang/${id.id}/larpass?importerat=${created}&uppdaterat=${updated}`);
  },
  returnTo: (_prev, formData) => importPage(formData),
});
