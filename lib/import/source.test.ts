import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { parseProgramme } from "./parse-programme";
import { BINARY_FILE_MESSAGE, decodeImportFile, LARGE_IMPORT_LARPASS, MAX_IMPORT_BYTES, tooLargeMessage } from "./source";

const fixture = fs.readFileSync(new URL("./fixtures/larpass-2018.txt", import.meta.url), "utf8");
const bytes = (b: Buffer) => new Uint8Array(b);
const le = Buffer.from(fixture, "utf16le");
const be = Buffer.from(le).swap16();

describe("decodeImportFile", () => {
  it("reads UTF-8 with and without a byte order mark, and Windows-1252 (older Excel)", () => {
    expect(decodeImportFile(new TextEncoder().encode("titel\nÅsa Öberg"))).toEqual({ ok: true, text: "titel\nÅsa Öberg", encoding: "utf-8" });
    expect(decodeImportFile(bytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("titel")])))).toMatchObject({ ok: true, text: "titel" });
    expect(decodeImportFile(Uint8Array.from([0x74, 0x69, 0x74, 0x65, 0x6c, 0x0a, 0xc5, 0x73, 0x61, 0x20, 0xd6]))).toEqual({
      ok: true,
      text: "titel\nÅsa Ö",
      encoding: "windows-1252",
    });
  });

  it("reads UTF-16 by its byte order mark or by its NUL bytes: the 2018 list gives the same 14 lärpass", () => {
    const files: [string, Buffer][] = [
      ["utf-16le", Buffer.concat([Buffer.from([0xff, 0xfe]), le])],
      ["utf-16be", Buffer.concat([Buffer.from([0xfe, 0xff]), be])],
      ["utf-16le", le],
      ["utf-16be", be],
    ];
    const expected = parseProgramme(fixture);
    for (const [encoding, file] of files) {
      const d = decodeImportFile(bytes(file));
      expect(d, encoding).toEqual({ ok: true, text: fixture, encoding });
      expect(parseProgramme(d.ok ? d.text : "")).toEqual(expected);
    }
    // A short one too ("Hej" + newline), where there is little to count.
    expect(decodeImportFile(bytes(Buffer.from("Hej\n", "utf16le")))).toMatchObject({ ok: true, text: "Hej\n" });
  });

  it("refuses binary data: NUL bytes that are not UTF-16, or many control characters", () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);
    const zip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0x06, 0, 0x08, 0, 0, 0, 0x21, 0, 0xa1, 0x2c, 0x4b, 0x5c, 0x6d, 0x01, 0, 0]);
    const noNul = Uint8Array.from({ length: 400 }, (_, i) => 1 + (i % 30)); // control characters, no NUL
    const pdf = bytes(Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.from([0xe2, 0xe3, 0xcf, 0xd3, 0x0a]), Buffer.alloc(64, 0), Buffer.from("stream\n")]));
    for (const [name, file] of [["png", png], ["zip/docx", zip], ["control", noNul], ["pdf", pdf]] as const) {
      expect(decodeImportFile(file), name).toEqual({ ok: false, message: BINARY_FILE_MESSAGE });
    }
    expect(BINARY_FILE_MESSAGE).toMatch(/^Filen är inte text/);
  });

  it("refuses an empty file (also only a byte order mark or blanks) and one over 1 MB", () => {
    for (const empty of [new Uint8Array(), Uint8Array.from([0xef, 0xbb, 0xbf]), Uint8Array.from([0xff, 0xfe]), new TextEncoder().encode(" \n\r\n\t")]) {
      expect(decodeImportFile(empty)).toEqual({ ok: false, message: "Filen är tom." });
    }
    expect(decodeImportFile(new Uint8Array(MAX_IMPORT_BYTES).fill(0x61))).toMatchObject({ ok: true });
    expect(decodeImportFile(new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x61))).toEqual({
      ok: false,
      message: "Filen är för stor (1,1 MB). Den får vara högst 1 MB.",
    });
    expect(tooLargeMessage(5_242_880)).toBe("Filen är för stor (5,3 MB). Den får vara högst 1 MB.");
    expect(tooLargeMessage(1_500_000, "Texten")).toBe("Texten är för lång (1,5 MB). Den får vara högst 1 MB.");
  });

  it("the limits", () => {
    expect(MAX_IMPORT_BYTES).toBe(1_000_000);
    expect(LARGE_IMPORT_LARPASS).toBe(100);
  });
});
