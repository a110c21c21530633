import { describe, expect, it } from "vitest";
import { slugify, uniqueSlug } from "./slug";

describe("slugify", () => {
  it.each([
    ["Behåll talangerna!", "behall-talangerna"],
    ["#jagmed – jag kan och hör till!", "jagmed-jag-kan-och-hor-till"],
    ["BRP+ vad gömmer sig bakom mätetalen?", "brp-vad-gommer-sig-bakom-matetalen"],
    ["Batterifabriken kommer ‒ stora etableringar i små kommuner", "batterifabriken-kommer-stora-etableringar-i-sma-kommuner"],
    ["100 utvärderingar och 10 lärdomar", "100-utvarderingar-och-10-lardomar"],
    ["Jämställd tillväxt?", "jamstalld-tillvaxt"],
    ["Luleå tekniska universitet", "lulea-tekniska-universitet"],
    ["ESF-rådet", "esf-radet"],
    ["Daniel Örtqvist", "daniel-ortqvist"],
    ["Åsa Öberg-Ärlig", "asa-oberg-arlig"],
    ["Søren Ærø", "soren-aero"],
    ["Straße", "strasse"],
    ["  --Hej  du--  ", "hej-du"],
  ])("%s → %s", (input, expected) => {
    expect(slugify(input)).toBe(expected);
  });

  it("handles decomposed (NFD) å/ä/ö like composed ones", () => {
    expect(slugify("Beha\u030All talangerna!")).toBe("behall-talangerna");
    expect(slugify("Va\u0308rmland")).toBe(slugify("Värmland"));
  });

  it("falls back to a placeholder when nothing is left", () => {
    expect(slugify("")).toBe("namnlos");
    expect(slugify("!!! ??? –")).toBe("namnlos");
    expect(slugify("文字")).toBe("namnlos");
  });

  it("only produces [a-z0-9-], never leading/trailing/double dashes, at most 80 characters", () => {
    const long = "Kan branschskolor bidra till den regionala attraktionskraften och till mycket, mycket mer än så?";
    for (const input of [long, "a — b", "x'y", "Do’s and don’ts", "  ", "a".repeat(200), `${"ab ".repeat(39)}c d`]) {
      const s = slugify(input);
      expect(s).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(s.length).toBeLessThanOrEqual(80);
    }
    expect(slugify(long).endsWith("-")).toBe(false);
  });
});

describe("uniqueSlug", () => {
  it("returns the base when it is free", () => {
    expect(uniqueSlug("behall-talangerna", new Set())).toBe("behall-talangerna");
    expect(uniqueSlug("a", new Set(["a-2"]))).toBe("a");
  });

  it("appends the first free number from 2", () => {
    expect(uniqueSlug("a", new Set(["a"]))).toBe("a-2");
    expect(uniqueSlug("a", new Set(["a", "a-2", "a-3"]))).toBe("a-4");
    expect(uniqueSlug("a", new Set(["a", "a-3"]))).toBe("a-2");
  });

  it("gives distinct slugs when fed back its own results", () => {
    const taken = new Set<string>();
    for (let i = 0; i < 5; i++) taken.add(uniqueSlug("anna-berg", taken));
    expect([...taken]).toEqual(["anna-berg", "anna-berg-2", "anna-berg-3", "anna-berg-4", "anna-berg-5"]);
  });
});
