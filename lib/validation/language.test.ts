// A lärpass's language is one of a known list, not any two letters.
import { describe, expect, it } from "vitest";
import { larpassSchema } from "./admin";
import { languageLabels, languages } from "@/lib/domain";

const larpass = (language: string) =>
  larpassSchema.safeParse({
    title: "Tillbaka till framtiden",
    slug: "",
    abstract: "",
    speakers: [],
    timeSlotId: "",
    roomId: "",
    capacity: "",
    status: "draft",
    track: "",
    language,
  });

describe("larpassSchema language", () => {
  it.each(["sv", "EN", " fi "])("accepts %j", (language) => {
    const result = larpass(language);
    expect(result.success).toBe(true);
    expect(result.success && result.data.language).toBe(language.trim().toLowerCase());
  });

  it.each(["xx", "zz", "qq", "", "svenska", "s"])("refuses %j with the Swedish message", (language) => {
    const result = larpass(language);
    expect(result.success).toBe(false);
    expect(!result.success && result.error.issues.map((i) => [i.path.join("."), i.message])).toEqual([["language", "Välj språk i listan."]]);
  });

  it("has a Swedish label for every language", () => {
    for (const code of languages) expect(languageLabels[code]).toMatch(/^[A-ZÅÄÖ][a-zåäö]+$/);
  });
});
