// A lärpass's attachments (PDF, PowerPoint, images): files on disk beside the database, one row each in
// doc_attachments. The type is read from the file's first bytes, never from the name or the browser's word
// for it; a refused file (wrong type, too large, not the caller's lärpass) leaves nothing behind, neither a
// row nor a file. Served only once the event's documentation is published (attachmentForDownload).
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { and, eq, inArray } from "drizzle-orm";
import { db as defaultDb, type DB } from "@/db";
import { databasePath } from "@/db/open";
import { docAttachments, documentations, events, larpass, type DocAttachment } from "@/db/schema";
import { speaksIn, type Rows } from "@/lib/policy";
import type { RevisionAuthor } from "@/lib/revisions";
import { fail, recordDocRevision, type Result } from "./common";

export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
export const ATTACHMENT_MAX_LABEL = "10 MB";

/** Where the files live: ATTACHMENTS_PATH, else "bilagor" beside the database file (data/bilagor). */
export function attachmentsDir(): string {
  return process.env.ATTACHMENTS_PATH || path.join(path.dirname(databasePath()), "bilagor");
}

type Kind = { mime: string; ext: string; inline: boolean };

const starts = (b: Uint8Array, sig: number[], at = 0) => sig.every((x, i) => b[at + i] === x);

/**
 * The file's type from its first bytes (and, for the two container formats, its name's extension): PDF,
 * PNG, JPEG, GIF, WebP, PowerPoint (.pptx is a zip file, .ppt an OLE file). Null for anything else.
 */
export function sniffAttachment(bytes: Uint8Array, name: string): Kind | null {
  const ext = path.extname(name).toLowerCase();
  if (starts(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return { mime: "application/pdf", ext: ".pdf", inline: true };
  if (starts(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { mime: "image/png", ext: ".png", inline: true };
  if (starts(bytes, [0xff, 0xd8, 0xff])) return { mime: "image/jpeg", ext: ".jpg", inline: true };
  if (starts(bytes, [0x47, 0x49, 0x46, 0x38])) return { mime: "image/gif", ext: ".gif", inline: true };
  if (starts(bytes, [0x52, 0x49, 0x46, 0x46]) && starts(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return { mime: "image/webp", ext: ".webp", inline: true };
  if (ext === ".pptx" && starts(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    return { mime: "application/vnd.openxmlformats-officedocument.presentationml.presentation", ext: ".pptx", inline: false };
  }
  if (ext === ".ppt" && starts(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    return { mime: "application/vnd.ms-powerpoint", ext: ".ppt", inline: false };
  }
  return null;
}

/** The name shown and offered on download: no path, no control characters, at most 200 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).at(-1) ?? "";
  const clean = base.replace(/[\u0000-\u001f\u007f"]/g, "").trim().slice(0, 200);
  return clean || "bilaga";
}

export function attachmentProblem(file: { name: string; size: number }, bytes: Uint8Array | null): string | null {
  if (file.size === 0) return "Välj en fil att ladda upp.";
  if (file.size > ATTACHMENT_MAX_BYTES) return `Filen är för stor: högst ${ATTACHMENT_MAX_LABEL}.`;
  if (!bytes || !sniffAttachment(bytes, file.name)) return "Bara PDF, PowerPoint (.ppt, .pptx) och bilder (PNG, JPEG, GIF, WebP) kan laddas upp.";
  return null;
}

type Owner = {
  userId: string;
  rows: Extract<Rows, "any" | "own-larpass">;
  author: RevisionAuthor;
  /** The organiser's page's event: the lärpass must belong to it. */
  eventId?: number;
  database?: DB;
  dir?: string;
};

/**
 * The file field of an upload form, read: refused before the whole file is read when it is too large, and
 * by its first bytes when it is not a PDF, PowerPoint or image (the speakers' and organisers' actions).
 */
export async function readUploadedFile(file: FormDataEntryValue | null): Promise<{ ok: true; name: string; bytes: Uint8Array } | { ok: false; problem: string }> {
  if (!(file instanceof File)) return { ok: false, problem: "Välj en fil att ladda upp." };
  const head = file.size > ATTACHMENT_MAX_BYTES ? null : new Uint8Array(await file.slice(0, 16).arrayBuffer());
  const problem = attachmentProblem(file, head);
  if (problem) return { ok: false, problem };
  return { ok: true, name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

const notYours = "Du är inte talare i det här lärpasset och kan inte ändra dess bilagor.";

/** Stores one attachment for a lärpass (the caller's own, for rows "own-larpass"). */
export function addAttachment({
  larpassId,
  name,
  bytes,
  userId,
  rows,
  author,
  eventId,
  database = defaultDb,
  dir = attachmentsDir(),
}: Owner & { larpassId: number; name: string; bytes: Uint8Array }): Result<{ id: number }> {
  const problem = attachmentProblem({ name, size: bytes.byteLength }, bytes);
  if (problem) return fail(problem, "file");
  const kind = sniffAttachment(bytes, name)!;
  const shown = cleanFileName(name);
  const storedName = `${randomUUID()}${kind.ext}`;
  const file = path.join(dir, storedName);
  try {
    return database.transaction(
      (t) => {
        const l = t.select().from(larpass).where(eq(larpass.id, larpassId)).get();
        if (!l || (eventId != null && l.eventId !== eventId)) return fail("Lärpasset finns inte.");
        if (rows === "own-larpass" && !speaksIn(t, userId, larpassId)) return fail(notYours);
        const row = t.insert(docAttachments).values({ larpassId, name: shown, mime: kind.mime, size: bytes.byteLength, storedName }).returning().get();
        recordDocRevision(t, { eventId: l.eventId, author, what: "bilaga ny", before: null, after: { lärpass: l.title, bilaga: shown } });
        // Written last, inside the transaction: if the disk refuses, the row is rolled back with it.
        fs.mkdirSync(dir, { recursive: true });
        fs.writeFileSync(file, bytes, { flag: "wx" });
        return { ok: true as const, id: row.id };
      },
      { behavior: "immediate" },
    );
  } catch (error) {
    fs.rmSync(file, { force: true });
    throw error;
  }
}

/** Removes one attachment (row and file) of a lärpass (the caller's own, for rows "own-larpass"). */
export function deleteAttachment({
  attachmentId,
  userId,
  rows,
  author,
  eventId,
  database = defaultDb,
  dir = attachmentsDir(),
}: Owner & { attachmentId: number }): Result<{ larpassId: number }> {
  const removed = database.transaction(
    (t) => {
      const row = t
        .select({ a: docAttachments, l: larpass })
        .from(docAttachments)
        .innerJoin(larpass, eq(larpass.id, docAttachments.larpassId))
        .where(eq(docAttachments.id, attachmentId))
        .get();
      if (!row || (eventId != null && row.l.eventId !== eventId)) return fail("Bilagan finns inte längre. Ladda om sidan.");
      if (rows === "own-larpass" && !speaksIn(t, userId, row.l.id)) return fail(notYours);
      t.delete(docAttachments).where(eq(docAttachments.id, attachmentId)).run();
      recordDocRevision(t, { eventId: row.l.eventId, author, what: "bilaga borttagen", before: { lärpass: row.l.title, bilaga: row.a.name }, after: { bilaga: null } });
      return { ok: true as const, larpassId: row.l.id, storedName: row.a.storedName };
    },
    { behavior: "immediate" },
  );
  if (!removed.ok) return removed;
  fs.rmSync(path.join(dir, removed.storedName), { force: true });
  return { ok: true, larpassId: removed.larpassId };
}

/** The stored file names of these lärpass's attachments (read inside the transaction that deletes them). */
export function attachmentFilesOf(tx: Pick<DB, "select">, larpassIds: number[]): string[] {
  if (larpassIds.length === 0) return [];
  return tx
    .select({ storedName: docAttachments.storedName })
    .from(docAttachments)
    .where(inArray(docAttachments.larpassId, larpassIds))
    .all()
    .map((r) => r.storedName);
}

/** After the commit that deleted their rows: the files go too, then any older stray file. */
export function removeAttachmentFiles(names: string[], { database = defaultDb, dir = attachmentsDir() }: { database?: DB; dir?: string } = {}): void {
  for (const name of names) fs.rmSync(path.join(dir, path.basename(name)), { force: true });
  sweepOrphanAttachments({ database, dir });
}

/** A file is left alone this long after it was written: an upload writes it before its row is committed. */
const ORPHAN_GRACE_MS = 5 * 60_000;

/**
 * Removes files that no attachment row names any more: deleting a lärpass or an event removes their rows
 * by cascade, and this removes the files. Recent files are kept (an upload may still be committing).
 */
export function sweepOrphanAttachments({
  database = defaultDb,
  dir = attachmentsDir(),
  now = Date.now(),
}: { database?: DB; dir?: string; now?: number } = {}): number {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return 0;
  }
  const known = new Set(database.select({ storedName: docAttachments.storedName }).from(docAttachments).all().map((r) => r.storedName));
  let removed = 0;
  for (const name of names) {
    if (known.has(name)) continue;
    const file = path.join(dir, name);
    try {
      const stat = fs.statSync(file);
      if (!stat.isFile() || now - stat.mtimeMs < ORPHAN_GRACE_MS) continue;
      fs.rmSync(file, { force: true });
      removed += 1;
    } catch {
      // Gone already, or not ours to read: leave it.
    }
  }
  return removed;
}

export function listAttachments({ larpassId, database = defaultDb }: { larpassId: number; database?: DB }): DocAttachment[] {
  return database.select().from(docAttachments).where(eq(docAttachments.larpassId, larpassId)).all();
}

/**
 * An attachment to download from the public documentation: only when the event is published, its
 * documentation is published, the lärpass is published and belongs to the event in the address.
 */
export function attachmentForDownload({
  slug,
  attachmentId,
  database = defaultDb,
  dir = attachmentsDir(),
}: {
  slug: string;
  attachmentId: number;
  database?: DB;
  dir?: string;
}): { attachment: DocAttachment; body: Buffer; inline: boolean } | null {
  const row = database
    .select({ a: docAttachments })
    .from(docAttachments)
    .innerJoin(larpass, eq(larpass.id, docAttachments.larpassId))
    .innerJoin(events, eq(events.id, larpass.eventId))
    .innerJoin(documentations, eq(documentations.eventId, events.id))
    .where(
      and(
        eq(docAttachments.id, attachmentId),
        eq(events.slug, slug),
        eq(events.published, true),
        eq(documentations.published, true),
        eq(larpass.status, "published"),
      ),
    )
    .get();
  if (!row) return null;
  const file = path.join(dir, path.basename(row.a.storedName));
  if (!fs.existsSync(file)) return null;
  return { attachment: row.a, body: fs.readFileSync(file), inline: !/powerpoint|presentationml/.test(row.a.mime) };
}
