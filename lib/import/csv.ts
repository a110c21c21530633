/**
 * The lärpass of an event as CSV, for Excel and back. Pure: no I/O, no database.
 *
 * Format (also described on the import page):
 *  - UTF-8 with a byte order mark, fields separated by semicolons, lines ending CRLF: Excel in Swedish
 *    opens it with å, ä, ö intact. On import a comma-separated file works too (the header decides), and
 *    a file saved by Excel as "CSV (semikolonavgränsad)" in Windows-1252 (or as UTF-16, "Unicode-text") is
 *    read as such by the caller (lib/import/source.ts).
 *  - The first row names the columns. Import needs `titel`; it reads `sammanfattning` and `talare` when
 *    present and ignores every other column, so an exported file can be edited and imported again.
 *  - `talare`: the speakers in order, separated by semicolons (inside the quoted cell). Each speaker is
 *    "Namn", "Namn, Organisation" or "Namn, roll, Organisation".
 *  - A cell starting with = + - @ is written with a leading apostrophe (Excel would run it as a formula);
 *    the apostrophe is removed again on import.
 */
import type { ParsedProgramme, ParsedSession, ParsedSpeaker } from "./parse-programme";

export const CSV_COLUMNS = [
  "titel",
  "sammanfattning",
  "talare",
  "status",
  "tid",
  "lokal",
  "platser",
  "spår",
  "språk",
  "valda",
  "kö",
  "adressnamn",
] as const;

export type CsvLarpass = {
  title: string;
  abstract: string;
  speakers: { name: string; role: string | null; organisation: string | null }[];
  status: string;
  time: string;
  room: string;
  capacity: number | null;
  track: string | null;
  language: string;
  confirmed: number;
  waitlisted: number;
  slug: string;
};

// Writing -----------------------------------------------------------------------------------------------

const FORMULA_START = /^[=+\-@\t\r]/;

function cell(value: string): string {
  const v = FORMULA_START.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(v) || v !== v.trim() ? `"${v.replace(/"/g, '""')}"` : v;
}

export function formatSpeakerCell(list: CsvLarpass["speakers"]): string {
  return list
    .map((s) => [s.name, s.role, s.organisation].filter((p): p is string => Boolean(p)).join(", "))
    .join("; ");
}

/** The file's text, with BOM and CRLF. Speakers without an organisation but with a role keep the role out (two parts would read as organisation). */
export function toLarpassCsv(rows: CsvLarpass[]): string {
  const lines = [CSV_COLUMNS.join(";")];
  for (const r of rows) {
    const speakers = r.speakers.map((s) => ({ ...s, role: s.organisation ? s.role : null }));
    lines.push(
      [
        r.title,
        r.abstract,
        formatSpeakerCell(speakers),
        r.status,
        r.time,
        r.room,
        r.capacity != null ? String(r.capacity) : "",
        r.track ?? "",
        r.language,
        String(r.confirmed),
        String(r.waitlisted),
        r.slug,
      ]
        .map(cell)
        .join(";"),
    );
  }
  return `\ufeff${lines.join("\r\n")}\r\n`;
}

// Reading -----------------------------------------------------------------------------------------------

export type CsvError = { line: number; message: string };

export type CsvParseResult =
  | { ok: true; programme: ParsedProgramme; rows: number }
  | { ok: false; errors: CsvError[] };

type CsvRecord = { line: number; cells: string[] };

/** RFC 4180 records, with the line each starts on. Quoted cells may hold separators, quotes ("") and line breaks. */
export function readCsvRecords(text: string, separator: ";" | ","): { records: CsvRecord[]; error: CsvError | null } {
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let field = "";
  let quoted = false;
  let fieldStarted = false;
  let line = 1;
  let recordLine = 1;
  let quoteLine = 1;
  const endField = () => {
    cells.push(field);
    field = "";
    fieldStarted = false;
  };
  const endRecord = () => {
    endField();
    if (!(cells.length === 1 && cells[0].trim() === "")) records.push({ line: recordLine, cells });
    cells = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
        }
      } else {
        if (c === "\n") line++;
        field += c;
      }
      continue;
    }
    if (c === '"') {
      if (fieldStarted && field.trim() !== "") {
        return { records, error: { line, message: `Rad ${line}: ett citattecken mitt i en cell. Omge hela cellen med citattecken och skriv "" för ett citattecken i texten.` } };
      }
      field = "";
      quoted = true;
      fieldStarted = true;
      quoteLine = line;
      continue;
    }
    if (c === separator) {
      endField();
      continue;
    }
    if (c === "\r" || c === "\n") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      endRecord();
      line++;
      recordLine = line;
      continue;
    }
    field += c;
    fieldStarted = true;
  }
  if (quoted) return { records, error: { line: quoteLine, message: `Rad ${quoteLine}: citattecknet som börjar här stängs aldrig.` } };
  if (field !== "" || cells.length) endRecord();
  return { records, error: null };
}

const unFormula = (v: string) => (/^'[=+\-@\t\r]/.test(v) ? v.slice(1) : v);
const normaliseHeader = (h: string) => h.replace(/^\ufeff/, "").trim().toLocaleLowerCase("sv-SE");

/** "Namn; Namn, Organisation; Namn, roll, Organisation" */
export function parseSpeakerCell(value: string, line: number): { speakers: ParsedSpeaker[]; error: CsvError | null } {
  const speakers: ParsedSpeaker[] = [];
  for (const part of value.split(/[;\n]/)) {
    const bits = part.split(",").map((b) => b.trim());
    if (bits.every((b) => b === "")) continue;
    if (bits.length > 3) {
      return {
        speakers,
        error: {
          line,
          message: `Rad ${line}: talaren "${part.trim()}" har fler än tre delar. Skriv "Namn", "Namn, Organisation" eller "Namn, roll, Organisation" och skilj talare åt med semikolon.`,
        },
      };
    }
    const [name, a, b] = bits;
    if (!name) return { speakers, error: { line, message: `Rad ${line}: en talare saknar namn ("${part.trim()}").` } };
    if (name.length > 200) return { speakers, error: { line, message: `Rad ${line}: ett talarnamn är längre än 200 tecken.` } };
    speakers.push(
      bits.length === 3
        ? { name, role: a || null, organisation: b || null }
        : { name, role: null, organisation: a || null },
    );
  }
  return { speakers, error: null };
}

/**
 * The CSV as a programme for importProgramme(). Every problem is an error with its row (the line the
 * record starts on in the file): a file with errors imports nothing.
 */
export function parseLarpassCsv(input: string): CsvParseResult {
  const text = input.replace(/^\ufeff/, "");
  if (text.trim() === "") return { ok: false, errors: [{ line: 1, message: "Filen är tom." }] };
  const firstLine = text.split(/\r\n|\r|\n/, 1)[0];
  const separator: ";" | "," = firstLine.includes(";") || !firstLine.includes(",") ? ";" : ",";
  const { records, error } = readCsvRecords(text, separator);
  if (error) return { ok: false, errors: [error] };
  const [header, ...rows] = records;
  const columns = header.cells.map(normaliseHeader);
  const col = (name: string) => columns.indexOf(name);
  const iTitle = col("titel");
  if (iTitle === -1) {
    return {
      ok: false,
      errors: [
        {
          line: header.line,
          message: `Rad ${header.line}: rubrikraden saknar kolumnen "titel". Första raden ska namnge kolumnerna, till exempel titel;sammanfattning;talare (avgränsade med semikolon).`,
        },
      ],
    };
  }
  const iAbstract = col("sammanfattning");
  const iSpeakers = col("talare");
  const errors: CsvError[] = [];
  const sessions: ParsedSession[] = [];
  const seen = new Map<string, number>();
  for (const r of rows) {
    if (r.cells.every((c) => c.trim() === "")) continue;
    if (r.cells.length > columns.length && r.cells.slice(columns.length).some((c) => c.trim() !== "")) {
      errors.push({
        line: r.line,
        message: `Rad ${r.line}: ${r.cells.length} celler men rubrikraden har ${columns.length}. Har en cell med semikolon tappat sina citattecken?`,
      });
      continue;
    }
    const get = (i: number) => (i >= 0 && i < r.cells.length ? unFormula(r.cells[i]).trim() : "");
    const title = get(iTitle).replace(/\s+/g, " ");
    if (!title) {
      errors.push({ line: r.line, message: `Rad ${r.line}: titel saknas.` });
      continue;
    }
    if (title.length > 200) {
      errors.push({ line: r.line, message: `Rad ${r.line}: titeln är längre än 200 tecken.` });
      continue;
    }
    const key = title.toLocaleLowerCase("sv-SE");
    if (seen.has(key)) {
      errors.push({ line: r.line, message: `Rad ${r.line}: titeln "${title}" finns redan på rad ${seen.get(key)}.` });
      continue;
    }
    seen.set(key, r.line);
    const abstract = get(iAbstract).replace(/\r\n?/g, "\n");
    if (abstract.length > 10_000) {
      errors.push({ line: r.line, message: `Rad ${r.line}: sammanfattningen är längre än 10 000 tecken.` });
      continue;
    }
    const sp = parseSpeakerCell(get(iSpeakers), r.line);
    if (sp.error) {
      errors.push(sp.error);
      continue;
    }
    sessions.push({ title, abstract, speakers: sp.speakers, line: r.line });
  }
  if (errors.length) return { ok: false, errors };
  if (sessions.length === 0) return { ok: false, errors: [{ line: header.line + 1, message: "Filen har inga lärpass under rubrikraden." }] };
  return { ok: true, programme: { heading: null, intro: "", sessions, warnings: [] }, rows: sessions.length };
}
