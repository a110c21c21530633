import { describe, expect, it } from "vitest";
import { compareSv, foldForSearch, leadExcerpt, plainExcerpt, sortBySv } from "./text";

describe("Swedish collation", () => {
  it("sorts å, ä, ö after z, in that order", () => {
    const names = ["Örebro", "Zürich", "Ängelholm", "Åre", "Ystad", "Arjeplog", "Östersund", "Zinkgruvan"];
    expect(sortBySv(names, (n) => n)).toEqual([
      "Arjeplog",
      "Ystad",
      "Zinkgruvan",
      "Zürich",
      "Åre",
      "Ängelholm",
      "Örebro",
      "Östersund",
    ]);
  });

  it("ignores case, and numbers sort numerically", () => {
    expect(compareSv("region", "Region")).toBe(0);
    expect(sortBySv(["Lärpass 10", "Lärpass 2", "Lärpass 1"], (x) => x)).toEqual(["Lärpass 1", "Lärpass 2", "Lärpass 10"]);
    expect(compareSv("Region Västerbotten", "Region Östergötland")).toBeLessThan(0);
  });

  it("sortBySv does not mutate its input", () => {
    const input = ["b", "a"];
    sortBySv(input, (x) => x);
    expect(input).toEqual(["b", "a"]);
  });
});

describe("foldForSearch", () => {
  it("lower-cases including Å/Ä/Ö, normalises to NFC and collapses whitespace", () => {
    expect(foldForSearch("  REGION   VÄRMLAND\t\nÅRE Ö ")).toBe("region värmland åre ö");
    expect(foldForSearch("Va\u0308rmland")).toBe("värmland");
    expect(foldForSearch("Va\u0308rmland")).toBe(foldForSearch("VÄRMLAND"));
  });

  it("keeps å/ä/ö distinct from a/o (they are separate letters in Swedish)", () => {
    expect(foldForSearch("Öppna")).not.toBe(foldForSearch("Oppna"));
  });
});

describe("plainExcerpt", () => {
  it("strips Markdown syntax and keeps link text", () => {
    expect(plainExcerpt("**Fet** och _kursiv_ [länk](https://reglab.se) ![bild](x.png)\n\n# Rubrik")).toBe(
      "Fet och kursiv länk Rubrik",
    );
  });

  it("cuts long text at a word boundary with an ellipsis, within the limit", () => {
    const text = "Ord ".repeat(100);
    const out = plainExcerpt(text, 50);
    expect(out.length).toBeLessThanOrEqual(50);
    expect(out.endsWith("…")).toBe(true);
    expect(out).toMatch(/^(Ord )*Ord…$/);
  });

  it("returns short text unchanged", () => {
    expect(plainExcerpt("Kort text.")).toBe("Kort text.");
  });
});

describe("leadExcerpt", () => {
  it("keeps only the first paragraph and says more follows", () => {
    expect(leadExcerpt("Första stycket, **kort**.\n\nAndra stycket som inte visas.")).toEqual({ text: "Första stycket, kort.", more: true });
  });

  it("cuts a long first paragraph within the limit", () => {
    const out = leadExcerpt(`${"Ett långt stycke ".repeat(20)}slut.`, 60);
    expect(out.more).toBe(true);
    expect(out.text.length).toBeLessThanOrEqual(60);
    expect(out.text.endsWith("…")).toBe(true);
  });

  it("shows a short single paragraph whole, with nothing more to read", () => {
    expect(leadExcerpt("Kort.\n\n   \n")).toEqual({ text: "Kort.", more: false });
    expect(leadExcerpt("")).toEqual({ text: "", more: false });
  });
});
