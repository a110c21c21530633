/**
 * What an import may read, shared by the web import and the CLI (scripts/import.ts): the size limit, the
 * point where an import asks before creating that many lärpass, and the bytes of a file as text.
 * Pure: no I/O, no database; also imported by the import page's client component.
 */

/** The largest programme text or CSV file accepted (the 2018 list is about 10 kB). */
export const MAX_IMPORT_BYTES = 1_000_000;

/** An import that creates more lärpass than this asks first (web: a checkbox; CLI: --yes or a question). */
export const LARGE_IMPORT_LARPASS = 100;

export const EMPTY_FILE_MESSAGE = "Filen är tom.";
export const BINARY_FILE_MESSAGE =
  "Filen är inte text (den ser ut att vara till exempel ett Word-dokument, en PDF eller en bild). Spara listan som vanlig text (.txt) eller CSV och försök igen.";

/** "1,5 MB", rounded up to a tenth (so that a size just over the limit never reads as the limit). */
function megabytes(bytes: number): string {
  return `${(Math.ceil(bytes / 100_000) / 10).toLocaleString("sv-SE")} MB`;
}

/** "Filen är för stor (5,3 MB). Den får vara högst 1 MB." */
export function tooLargeMessage(bytes: number, what: "Filen" | "Texten" = "Filen"): string {
  return `${what} är för ${what === "Filen" ? "stor" : "lång"} (${megabytes(bytes)}). Den får vara högst ${megabytes(MAX_IMPORT_BYTES)}.`;
}

export type Encoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";
export type DecodedFile = { ok: true; text: string; encoding: Encoding } | { ok: false; message: string };

/**
 * UTF-16 by its byte order mark, or without one by its NUL bytes: text in UTF-16 that is mostly Latin
 * letters has a NUL in every other byte (the high byte of each character), on the same side.
 */
function utf16Order(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  const n = Math.min(bytes.length, 8192) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul / pairs > 0.3 && evenNul / pairs < 0.05) return "utf-16le";
  if (evenNul / pairs > 0.3 && oddNul / pairs < 0.05) return "utf-16be";
  return null;
}

/** Control characters (C0 and C1) no text file has; tab, line breaks and form feed are fine. */
const CONTROL_RE = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\ufffd]/g;

/** Whether decoded text is really binary: any NUL, or more than 1 % other control characters. */
export function looksBinary(text: string): boolean {
  const sample = text.slice(0, 65_536);
  if (sample.includes("\u0000")) return true;
  return (sample.match(CONTROL_RE)?.length ?? 0) > sample.length / 100;
}

/**
 * The text of an uploaded or given file: UTF-8 (with or without a byte order mark), UTF-16 (with a byte
 * order mark, or recognised by its NUL bytes), else Windows-1252 (older Excel). Refused, with a Swedish
 * message: an empty file, one over MAX_IMPORT_BYTES, and binary data (a Word file, a PDF, an image).
 */
export function decodeImportFile(bytes: Uint8Array): DecodedFile {
  if (bytes.length === 0) return { ok: false, message: EMPTY_FILE_MESSAGE };
  if (bytes.length > MAX_IMPORT_BYTES) return { ok: false, message: tooLargeMessage(bytes.length) };
  const attempt = (encoding: Encoding, fatal: boolean): DecodedFile | null => {
    try {
      const text = new TextDecoder(encoding, { fatal }).decode(bytes);
      return { ok: true, text, encoding };
    } catch {
      return null;
    }
  };
  const utf16 = utf16Order(bytes);
  const decoded = (utf16 ? attempt(utf16, true) : null) ?? attempt("utf-8", true) ?? attempt("windows-1252", false)!;
  if (!decoded.ok) return decoded;
  if (looksBinary(decoded.text)) return { ok: false, message: BINARY_FILE_MESSAGE };
  if (decoded.text.trim() === "") return { ok: false, message: EMPTY_FILE_MESSAGE };
  return decoded;
}
