// The import page's edges (issue #9, item 6): files in UTF-16, binary files, files over the limit, a list
// of only speakers, and an import that creates more than 100 lärpass at once. The actions are called
// directly with a signed-in organiser (test/mock-auth.ts) against this file's own SQLite file.
import fs from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("@/lib/auth", async () => (await import("@/test/mock-auth")).authModuleMock);
vi.mock("next/navigation", async () => (await import("@/test/mock-auth")).navigationMock);
vi.mock("next/headers", async () => (await import("@/test/mock-auth")).headersMock);

import { eq } from "drizzle-orm";
import { confirmImportAction, previewImportAction, type ImportState } from "@/app/arrangor/evenemang/[id]/import/actions";
import { db } from "@/db";
import { larpass } from "@/db/schema";
import { BINARY_FILE_MESSAGE } from "@/lib/import/source";
import { createEvent } from "@/test/factories";
import { expectNoDbChange, makeUser } from "@/test/guard-harness";
import { expectRedirect, resetRequestMocks, signInAs } from "@/test/mock-auth";

const FIXTURE = fs.readFileSync(path.resolve(__dirname, "../../../lib/import/fixtures/larpass-2018.txt"), "utf8");

beforeEach(() => {
  resetRequestMocks();
  signInAs(makeUser("organiser"));
});

/** The import form as the browser posts it: a file (when given) and the other fields. */
function importForm(eventId: number, { file, text = "", extra = {} }: { file?: { name: string; bytes: Uint8Array<ArrayBuffer> }; text?: string; extra?: Record<string, string> }) {
  const f = new FormData();
  f.append("eventId", String(eventId));
  f.append("format", "text");
  f.append("status", "draft");
  f.append("text", text);
  f.append("file", file ? new File([file.bytes], file.name, { type: "text/plain" }) : new File([], "", { type: "application/octet-stream" }));
  for (const [k, v] of Object.entries(extra)) f.append(k, v);
  return f;
}

const larpassIn = (eventId: number) => db.select().from(larpass).where(eq(larpass.eventId, eventId)).all();

function manyLarpass(n: number): string {
  const blocks = Array.from({ length: n }, (_, i) => `Lärpass nummer ${i + 1}\nEn kort sammanfattning.\nAnna Berg, Region Västerbotten`);
  return `Lärpass i mängd\n\n${blocks.join("\n\n")}\n`;
}

describe("the file a preview reads", () => {
  it("a UTF-16 file (with a byte order mark or without one) is read as text: the 14 lärpass of 2018", async () => {
    const { event } = createEvent(db, {});
    const le = Buffer.from(FIXTURE, "utf16le");
    for (const bytes of [Buffer.concat([Buffer.from([0xff, 0xfe]), le]), le, Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(le).swap16()])]) {
      const state = await expectNoDbChange(() => previewImportAction({}, importForm(event.id, { file: { name: "lista.txt", bytes: Uint8Array.from(bytes) } })));
      expect(state.errors).toBeUndefined();
      expect(state.preview!.plan.larpass.map((l) => l.title)).toContain("Behåll talangerna!");
      expect(state.preview!.plan.larpass).toHaveLength(14);
      expect(state.text).toBe(FIXTURE);
    }
  });

  it("a binary file is refused next to the file field, and nothing is read from it", async () => {
    const { event } = createEvent(db, {});
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);
    const state = await expectNoDbChange(() => previewImportAction({}, importForm(event.id, { file: { name: "bild.txt", bytes: png } })));
    expect(state.errors).toEqual({ file: BINARY_FILE_MESSAGE });
    expect(state.preview).toBeUndefined();
  });

  it("a file or a pasted text over 1 MB gets a Swedish answer with its size; what was typed is kept", async () => {
    const { event } = createEvent(db, {});
    const big = new Uint8Array(1_200_000).fill(0x61);
    const file = await expectNoDbChange(() => previewImportAction({}, importForm(event.id, { file: { name: "stor.txt", bytes: big }, text: "Inklistrat" })));
    expect(file.errors).toEqual({ file: "Filen är för stor (1,2 MB). Den får vara högst 1 MB." });
    expect(file.text).toBe("Inklistrat");
    // 600 000 characters of "å" are 1.2 MB in UTF-8: the limit is in bytes, like the file's.
    const pasted = await expectNoDbChange(() => previewImportAction({}, importForm(event.id, { text: "å".repeat(600_000) })));
    expect(pasted.errors).toEqual({ text: "Texten är för lång (1,2 MB). Den får vara högst 1 MB." });
  });

  it("a list of only speaker lines: the preview warns, with the line", async () => {
    const { event } = createEvent(db, {});
    const text = "Kjell Nilsson, direktör Nordregio\nLisbet Mellgren, SKL\nAnna Norin, Region Västerbotten\n";
    const state = await previewImportAction({}, importForm(event.id, { text }));
    expect(state.preview!.plan.warnings).toContainEqual({
      line: 1,
      message: 'Rad 1: titeln "Kjell Nilsson, direktör Nordregio" ser ut som en talarrad. Varje lärpass börjar med sin titel; saknas titelraden, eller är det här bara en lista med talare?',
    });
  });
});

describe("an import that creates more than 100 lärpass", () => {
  it("is only carried out with the confirmation box ticked", async () => {
    const { event } = createEvent(db, {});
    const text = manyLarpass(101);
    const preview = await previewImportAction({}, importForm(event.id, { text }));
    expect(preview.preview!.plan.larpass.filter((l) => l.action === "create")).toHaveLength(101);

    const confirm = (extra: Record<string, string>) => {
      const f = new FormData();
      for (const [k, v] of Object.entries({ eventId: String(event.id), format: "text", status: "draft", text, ...extra })) f.append(k, v);
      return f;
    };
    const refused: ImportState = await expectNoDbChange(() => confirmImportAction({}, confirm({})));
    expect(refused).toEqual({
      errors: { largeImport: "Importen skapar 101 nya lärpass. Kryssa i att du vill skapa så många, eller kontrollera att det är rätt fil." },
    });
    expect(larpassIn(event.id)).toHaveLength(0);

    const to = await expectRedirect(() => confirmImportAction({}, confirm({ storImport: "on" })));
    expect(to).toBe(`/arrangor/evenemang/${event.id}/larpass?importerat=101&uppdaterat=0`);
    expect(larpassIn(event.id)).toHaveLength(101);
  });

  it("100 lärpass or fewer need no confirmation", async () => {
    const { event } = createEvent(db, {});
    const f = new FormData();
    for (const [k, v] of Object.entries({ eventId: String(event.id), format: "text", status: "draft", text: manyLarpass(100) })) f.append(k, v);
    expect(await expectRedirect(() => confirmImportAction({}, f))).toBe(`/arrangor/evenemang/${event.id}/larpass?importerat=100&uppdaterat=0`);
  });
});
