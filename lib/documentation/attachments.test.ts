// Attachment files follow their rows: deleting a lärpass (or its event) removes the files too, but a file
// written moments ago (an upload still committing) is left alone.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { docAttachments } from "@/db/schema";
import { deleteLarpass } from "@/lib/admin/larpass";
import { createEvent } from "@/test/factories";
import { addAttachment, sweepOrphanAttachments } from "./attachments";

const author = { userId: null, label: "arrangor@example.se", role: "organiser" as const };
const pdf = () => {
  const b = new Uint8Array(2000);
  b.set(new TextEncoder().encode("%PDF-1.7\n"));
  return b;
};

describe("attachment files", () => {
  it("go with their lärpass at once; recent stray files stay until they are old enough", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "larpass-bilagor-"));
    process.env.ATTACHMENTS_PATH = dir;
    try {
      const f = createEvent(db);
      const lp = f.larpass({ title: "Med bilaga" });
      const added = addAttachment({ larpassId: lp.id, name: "bilder.pdf", bytes: pdf(), userId: "x", rows: "any", author, dir });
      expect(added.ok).toBe(true);
      const stored = db.select().from(docAttachments).where(eq(docAttachments.larpassId, lp.id)).get()!;
      const file = path.join(dir, stored.storedName);
      expect(fs.existsSync(file)).toBe(true);
      // A file that no row names, written just now (an upload in progress): kept by the sweep.
      const fresh = path.join(dir, "pagaende.pdf");
      fs.writeFileSync(fresh, "x");

      expect(await deleteLarpass({ id: lp.id })).not.toBeNull();
      expect(db.select().from(docAttachments).where(eq(docAttachments.larpassId, lp.id)).all()).toEqual([]);
      expect(fs.existsSync(file)).toBe(false);
      expect(fs.existsSync(fresh)).toBe(true);
      // Later, the stray file is old and goes too.
      expect(sweepOrphanAttachments({ dir, now: Date.now() + 10 * 60_000 })).toBe(1);
      expect(fs.existsSync(fresh)).toBe(false);
    } finally {
      delete process.env.ATTACHMENTS_PATH;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
