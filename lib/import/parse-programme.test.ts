import fs from "node:fs";
import { describe, it, expect } from "vitest";
import {
  parseProgramme,
  parseSpeakerLine,
  toDryRunJson,
  type ParsedProgramme,
  type ParsedSpeaker,
} from "./parse-programme";

const fixture = fs.readFileSync(new URL("./fixtures/larpass-2018.txt", import.meta.url), "utf8");

const sp = (name: string, organisation: string | null, role: string | null = null): ParsedSpeaker => ({
  name,
  role,
  organisation,
});

/** Every warning starts with "Rad N: " (N a real line) except the one for an empty text. */
function expectWellFormedWarnings(p: ParsedProgramme, lineCount: number) {
  for (const w of p.warnings) {
    if (w.message === "Texten är tom.") continue;
    expect(w.message).toMatch(/^Rad \d+: \S/);
    expect(w.message.startsWith(`Rad ${w.line}: `)).toBe(true);
    expect(w.line).toBeGreaterThanOrEqual(1);
    expect(w.line).toBeLessThanOrEqual(Math.max(1, lineCount));
    // the internal safety nets must never be what produced a warning
    expect(w.message).not.toContain("kunde inte tolkas");
  }
}

// -----------------------------------------------------------------------------------------------------
// The real 2018 list
// -----------------------------------------------------------------------------------------------------

const expected2018: { title: string; line: number; speakers: ParsedSpeaker[] }[] = [
  {
    title: "Tillbaka till framtiden",
    line: 5,
    speakers: [sp("Per Erik Andersson", "Region Norrbotten"), sp("Daniel Örtqvist", "Luleå tekniska universitet")],
  },
  { title: "State of the Nordic Region 2018", line: 9, speakers: [sp("Kjell Nilsson", "Nordregio", "direktör")] },
  {
    title: "Att bygga regioner",
    line: 13,
    speakers: [sp("Lisbet Mellgren", "SKL"), sp("Susanne Sahlin", "Landstinget Västernorrland")],
  },
  {
    title: "BRP+ vad gömmer sig bakom mätetalen?",
    line: 17,
    speakers: [sp("Johanna Giorgi", "Tillväxtverket"), sp("Anna Norin", "Region Västerbotten")],
  },
  {
    title: "Behåll talangerna!",
    line: 21,
    speakers: [
      sp("Britta Zetterlund-Johansson", "Region Värmland"),
      sp("Anne-Charlotte Sverkström", "Effect management"),
      sp("Maja Hedin", "Effect management"),
    ],
  },
  {
    title: "Från kommunal matlåda till framtidens väg",
    line: 25,
    speakers: [sp("Magnus Ernström", "Region Gävleborg"), sp("Sigrid Petterssén", "Region Gävleborg")],
  },
  {
    // U+2012 FIGURE DASH between non-breaking spaces in the source
    title: "Batterifabriken kommer \u2012 stora etableringar i små kommuner",
    line: 29,
    speakers: [
      sp("Tobias Thomson", "Region Västerbotten"),
      sp("Aurora Pelli", "Region Västerbotten"),
      sp("Niklas Gandal", "Region Västerbotten"),
    ],
  },
  {
    title: "100 utvärderingar och 10 lärdomar",
    line: 33,
    speakers: [sp("Johannes Henriksson", "Ramböll"), sp("Erica Iseborn", "Ramböll")],
  },
  {
    title: "#jagmed \u2013 jag kan och hör till!",
    line: 37,
    speakers: [
      sp("Lasse Jonsson", "Region Östergötland"),
      sp("Margareta Wandel", "Region Östergötland"),
      sp("Shara Unneberg", "Region Uppsala"),
    ],
  },
  {
    title: "Do\u2019s and don\u2019ts för ökad exportsamverkan",
    line: 41,
    speakers: [sp("Tony Meurke", "Tillväxtverket"), sp("Johan Lager", "Tillväxtverket")],
  },
  {
    title: "Jämställd tillväxt?",
    line: 45,
    speakers: [sp("Kajsa Svaleryd", "Region Gävleborg"), sp("Christina Johannesson", "Cajalma AB")],
  },
  {
    title: "Nya möjligheter med GIS",
    line: 49,
    speakers: [sp("Peter Möller", "Region Dalarna"), sp("Styrbjörn Holmberg", "Region Östergötland")],
  },
  {
    title: "Region med rätt att påverka",
    line: 53,
    speakers: [sp("Staffan Lund", "Västra Götalandsregionen"), sp("Micaela Löwenhöök", "Region Västerbotten")],
  },
  {
    title: "Kan branschskolor bidra till den regionala attraktionskraften?",
    line: 57,
    speakers: [sp("Mats Andersson", "ESF-rådet")],
  },
];

describe("parseProgramme – Lärpass 2018", () => {
  const p = parseProgramme(fixture);

  it("reads the heading and the intro", () => {
    expect(p.heading).toBe("Lärpass 2018");
    expect(p.intro.startsWith("På årskonferensens andra dag")).toBe(true);
    expect(p.intro.endsWith("Listan uppdateras kontinuerligt.")).toBe(true);
  });

  it("finds exactly 14 lärpass, titles in order, with title line numbers", () => {
    expect(p.sessions).toHaveLength(14);
    expect(p.sessions.map((s) => s.title)).toEqual(expected2018.map((e) => e.title));
    expect(p.sessions.map((s) => s.line)).toEqual(expected2018.map((e) => e.line));
  });

  it.each(expected2018.map((e, i) => [i + 1, e.title, e] as const))(
    "lärpass %i (%s) has exactly the expected speakers",
    (i, _title, e) => {
      expect(p.sessions[i - 1].speakers).toEqual(e.speakers);
    },
  );

  it("only warns about the “m.fl.” line", () => {
    expect(p.warnings).toEqual([
      { line: 43, message: 'Rad 43: talarraden slutar med "m.fl." – övriga talare är inte namngivna.' },
    ]);
  });

  it("Britta, Anne-Charlotte and Maja get the right organisations; Kjell gets a role", () => {
    const behall = p.sessions.find((s) => s.title === "Behåll talangerna!")!;
    expect(behall.speakers.find((s) => s.name === "Britta Zetterlund-Johansson")?.organisation).toBe("Region Värmland");
    expect(behall.speakers.find((s) => s.name === "Anne-Charlotte Sverkström")?.organisation).toBe("Effect management");
    expect(behall.speakers.find((s) => s.name === "Maja Hedin")?.organisation).toBe("Effect management");
    const nordic = p.sessions.find((s) => s.title === "State of the Nordic Region 2018")!;
    expect(nordic.speakers).toEqual([{ name: "Kjell Nilsson", role: "direktör", organisation: "Nordregio" }]);
  });

  it("takes the abstract from the lines between title and speakers, with whitespace normalised", () => {
    expect(p.sessions[0].abstract.startsWith("Inom satsningen Regional förnyelse har Region Norrbotten")).toBe(true);
    expect(p.sessions[0].abstract.endsWith("Ta del av våra framtidsanalyser på lärpasset!")).toBe(true);
    expect(p.sessions[13].abstract).toBe(
      "I en satsning på yrkesutbildning har några branscher inlett försöksverksamhet med branschskolor. Det innebär att gymnasieskolor kan erbjuda yrkesutbildning, även om elevunderlaget inte räcker i den egna skolan. Vad medför detta för den regionala attraktionskraften? Vilken blir regionens roll? Ta del av ESF-rådets erfarenheter tillsammans med några aktuella branscher.",
    );
    for (const s of p.sessions) {
      for (const text of [s.title, s.abstract, ...s.speakers.flatMap((x) => [x.name, x.organisation ?? ""])]) {
        expect(text).not.toMatch(/\u00a0|\s{2,}|^\s|\s$/);
      }
      expect(s.abstract.length).toBeGreaterThan(100);
    }
  });

  it("gives the same result with a BOM and Windows line endings", () => {
    const windows = parseProgramme(`\ufeff${fixture.replace(/\n/g, "\r\n")}`);
    expect(windows).toEqual(p);
  });

  it("gives the same result with trailing blank lines and extra blank lines between blocks", () => {
    const spaced = parseProgramme(`${fixture.replace(/\n\n/g, "\n\n \n\t\n")}\n\n\n`);
    expect(spaced.sessions.map(({ line: _line, ...rest }) => rest)).toEqual(
      p.sessions.map(({ line: _line, ...rest }) => rest),
    );
    expect(spaced.warnings.map((w) => w.message.replace(/^Rad \d+: /, ""))).toEqual(
      p.warnings.map((w) => w.message.replace(/^Rad \d+: /, "")),
    );
  });
});

// -----------------------------------------------------------------------------------------------------
// Speaker lines
// -----------------------------------------------------------------------------------------------------

describe("parseSpeakerLine", () => {
  const cases: [string, ParsedSpeaker[]][] = [
    [
      "Per Erik Andersson, Region Norrbotten och Daniel Örtqvist, Luleå tekniska universitet",
      [sp("Per Erik Andersson", "Region Norrbotten"), sp("Daniel Örtqvist", "Luleå tekniska universitet")],
    ],
    [
      "Tobias Thomson, Aurora Pelli och Niklas Gandal, Region Västerbotten",
      [sp("Tobias Thomson", "Region Västerbotten"), sp("Aurora Pelli", "Region Västerbotten"), sp("Niklas Gandal", "Region Västerbotten")],
    ],
    ["Kjell Nilsson, direktör Nordregio", [sp("Kjell Nilsson", "Nordregio", "direktör")]],
    [
      "Britta Zetterlund-Johansson, Region Värmland, Anne-Charlotte Sverkström och Maja Hedin, Effect management",
      [
        sp("Britta Zetterlund-Johansson", "Region Värmland"),
        sp("Anne-Charlotte Sverkström", "Effect management"),
        sp("Maja Hedin", "Effect management"),
      ],
    ],
    [
      "Johanna Giorgi, Tillväxtverket och Anna Norin, Region Västerbotten.",
      [sp("Johanna Giorgi", "Tillväxtverket"), sp("Anna Norin", "Region Västerbotten")],
    ],
    [
      "Lasse Jonsson och Margareta Wandel, Region Östergötland, Shara Unneberg, Region Uppsala",
      [sp("Lasse Jonsson", "Region Östergötland"), sp("Margareta Wandel", "Region Östergötland"), sp("Shara Unneberg", "Region Uppsala")],
    ],
    ["Johannes Henriksson och Erica Iseborn, Ramböll", [sp("Johannes Henriksson", "Ramböll"), sp("Erica Iseborn", "Ramböll")]],
    ["Mats Andersson, ESF-rådet", [sp("Mats Andersson", "ESF-rådet")]],
    [
      "Kajsa Svaleryd, Region Gävleborg och Christina Johannesson, Cajalma AB",
      [sp("Kajsa Svaleryd", "Region Gävleborg"), sp("Christina Johannesson", "Cajalma AB")],
    ],
    [
      "Staffan Lund, Västra Götalandsregionen och Micaela Löwenhöök, Region Västerbotten",
      [sp("Staffan Lund", "Västra Götalandsregionen"), sp("Micaela Löwenhöök", "Region Västerbotten")],
    ],
    [
      "Lisbet Mellgren, SKL och Susanne Sahlin, Landstinget Västernorrland",
      [sp("Lisbet Mellgren", "SKL"), sp("Susanne Sahlin", "Landstinget Västernorrland")],
    ],
    // hard cases beyond the 2018 list
    ["Eva Lind, projektledare på Region Jämtland Härjedalen", [sp("Eva Lind", "Region Jämtland Härjedalen", "projektledare")]],
    ["Karin von Platen och Ola Berg, Vinnova", [sp("Karin von Platen", "Vinnova"), sp("Ola Berg", "Vinnova")]],
    [
      "Sara Ek, Länsstyrelsen Skåne, Jonas Ali och Mia Sund, Högskolan i Gävle",
      [sp("Sara Ek", "Länsstyrelsen Skåne"), sp("Jonas Ali", "Högskolan i Gävle"), sp("Mia Sund", "Högskolan i Gävle")],
    ],
    ["Anna Berg, vd för Almi Mitt", [sp("Anna Berg", "Almi Mitt", "vd")]],
    ["Anna Berg, projektledare på Region Gävleborg", [sp("Anna Berg", "Region Gävleborg", "projektledare")]],
    ["Lars Holm, doktorand i ekonomi vid Umeå universitet", [sp("Lars Holm", "Umeå universitet", "doktorand i ekonomi")]],
    ["Kjell Nilsson, direktör, Nordregio", [sp("Kjell Nilsson", "Nordregio", "direktör")]],
    ["Anna Berg (Region Skåne) och Bo Ek (SKL)", [sp("Anna Berg", "Region Skåne"), sp("Bo Ek", "SKL")]],
    ["Anna Berg & Bo Ek, Sweco", [sp("Anna Berg", "Sweco"), sp("Bo Ek", "Sweco")]],
    ["Anna Berg samt Bo Ek, RISE", [sp("Anna Berg", "RISE"), sp("Bo Ek", "RISE")]],
    ["Anna Berg, Sveriges Kommuner och Landsting", [sp("Anna Berg", "Sveriges Kommuner och Landsting")]],
    ["Anna Berg, Institutet för regional och lokal utveckling", [sp("Anna Berg", "Institutet för regional och lokal utveckling")]],
    ["Talare: Anna Berg, Region Skåne.", [sp("Anna Berg", "Region Skåne")]],
    ["Jean-Luc Picard och Per E. Lund, Arbetsförmedlingen", [sp("Jean-Luc Picard", "Arbetsförmedlingen"), sp("Per E. Lund", "Arbetsförmedlingen")]],
    ["Maria de la Cruz, Business Sweden", [sp("Maria de la Cruz", "Business Sweden")]],
  ];

  it.each(cases)("%s", (line, speakers) => {
    const r = parseSpeakerLine(line);
    expect(r.speakers).toEqual(speakers);
    expect(r.warnings).toEqual([]);
    expect(r.othersOmitted).toBe(false);
  });

  it("strips a trailing “m.fl.” and reports it", () => {
    expect(parseSpeakerLine("Tony Meurke och Johan Lager, Tillväxtverket m.fl.")).toEqual({
      speakers: [sp("Tony Meurke", "Tillväxtverket"), sp("Johan Lager", "Tillväxtverket")],
      warnings: ['talarraden slutar med "m.fl." – övriga talare är inte namngivna.'],
      othersOmitted: true,
    });
    const midLine = parseSpeakerLine("Tony Meurke m.fl., Tillväxtverket");
    expect(midLine.speakers).toEqual([sp("Tony Meurke", "Tillväxtverket")]);
    expect(midLine.othersOmitted).toBe(true);
    expect(midLine.warnings).toEqual(['talarraden innehåller "m.fl." – övriga talare är inte namngivna.']);
  });

  it("normalises non-breaking and repeated spaces", () => {
    const r = parseSpeakerLine("  Britta\u00a0Zetterlund-Johansson,  Region Värmland,\u00a0 Maja   Hedin, Effect management. ");
    expect(r.speakers).toEqual([sp("Britta Zetterlund-Johansson", "Region Värmland"), sp("Maja Hedin", "Effect management")]);
    expect(r.warnings).toEqual([]);
  });

  it("keeps a person with no organisation and warns", () => {
    expect(parseSpeakerLine("Anna Berg")).toEqual({
      speakers: [sp("Anna Berg", null)],
      warnings: ['talaren "Anna Berg" saknar organisation.'],
      othersOmitted: false,
    });
    const r = parseSpeakerLine("Anna Berg, Region Skåne, Bo Ek och Eva Holm");
    expect(r.speakers).toEqual([sp("Anna Berg", "Region Skåne"), sp("Bo Ek", null), sp("Eva Holm", null)]);
    expect(r.warnings).toEqual(['talarna "Bo Ek" och "Eva Holm" saknar organisation.']);
  });

  it("warns about a token that is neither name nor organisation, naming it", () => {
    const r = parseSpeakerLine("Anna Berg, ###, Region Skåne");
    expect(r.speakers).toEqual([sp("Anna Berg", "Region Skåne")]);
    expect(r.warnings).toEqual(['kunde inte tolka "###" som namn eller organisation.']);
    const afterOch = parseSpeakerLine("Anna Berg, Region Skåne och ###");
    expect(afterOch.speakers).toEqual([sp("Anna Berg", "Region Skåne")]);
    expect(afterOch.warnings).toEqual(['kunde inte tolka "###" som namn eller organisation.']);
    const long = parseSpeakerLine("Anna Berg, Ett Två Tre Fyra Fem Sex Sju Åtta Nio");
    expect(long.warnings.some((w) => w.includes('"Ett Två Tre Fyra Fem Sex Sju Åtta Nio"'))).toBe(true);
  });

  it("attaches a second organisation after the first and warns", () => {
    const r = parseSpeakerLine("Anna Berg, Region Skåne och Tillväxtverket");
    expect(r.speakers).toEqual([sp("Anna Berg", "Region Skåne och Tillväxtverket")]);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toContain('"Tillväxtverket"');
  });

  it("warns about an organisation before any name", () => {
    const r = parseSpeakerLine("Region Skåne, Anna Berg");
    expect(r.speakers).toEqual([sp("Anna Berg", null)]);
    expect(r.warnings).toContain('organisationen "Region Skåne" står före alla namn och hoppades över.');
  });

  it("never throws and returns nothing for empty or junk input", () => {
    for (const junk of ["", "   ", ",,,", " och ", "m.fl.", "\u0000\u0001\ufffd", "()", "(((", "&&&", ".", "…"]) {
      const r = parseSpeakerLine(junk);
      expect(Array.isArray(r.speakers)).toBe(true);
      expect(Array.isArray(r.warnings)).toBe(true);
    }
    expect(parseSpeakerLine("").speakers).toEqual([]);
    expect(() => parseSpeakerLine(undefined as unknown as string)).not.toThrow();
  });
});

// -----------------------------------------------------------------------------------------------------
// Another list in the same style
// -----------------------------------------------------------------------------------------------------

describe("parseProgramme – an invented list with CRLF and extra blank lines", () => {
  const text = [
    "Lärpass 2019",
    "",
    "Under konferensens andra dag erbjuder vi lärpass  ",
    "om allt från kompetensförsörjning till smart specialisering.",
    "",
    "",
    "Smart specialisering i glesbygd",
    "Hur kan regioner med få invånare",
    "bygga starka innovationsmiljöer?",
    "Eva Lind, projektledare på Region Jämtland Härjedalen",
    "",
    "   ",
    "",
    "Innovation som fungerar",
    "Vinnova berättar om tio års satsningar.",
    "Karin von Platen och Ola Berg, Vinnova",
    "",
    "Kompetens i hela länet",
    "Länsstyrelsen och högskolan samarbetar",
    "kring kompetensförsörjningen.\u00a0",
    "Ett exempel från Gävleborg och Skåne.",
    "Sara Ek, Länsstyrelsen Skåne, Jonas Ali och Mia Sund, Högskolan i Gävle",
    "",
    "\t",
    "Data för beslut",
    "Statistik, kartor och analyser i det regionala arbetet.",
    "Lars Holm, analyschef vid Tillväxtanalys & Nora Lindqvist (Sweco)",
    "",
    "",
  ].join("\r\n");

  const p = parseProgramme(text);

  it("parses heading, intro, all sessions and no warnings", () => {
    expect(p).toEqual({
      heading: "Lärpass 2019",
      intro: "Under konferensens andra dag erbjuder vi lärpass om allt från kompetensförsörjning till smart specialisering.",
      sessions: [
        {
          title: "Smart specialisering i glesbygd",
          abstract: "Hur kan regioner med få invånare bygga starka innovationsmiljöer?",
          speakers: [sp("Eva Lind", "Region Jämtland Härjedalen", "projektledare")],
          line: 7,
        },
        {
          title: "Innovation som fungerar",
          abstract: "Vinnova berättar om tio års satsningar.",
          speakers: [sp("Karin von Platen", "Vinnova"), sp("Ola Berg", "Vinnova")],
          line: 14,
        },
        {
          title: "Kompetens i hela länet",
          abstract:
            "Länsstyrelsen och högskolan samarbetar kring kompetensförsörjningen. Ett exempel från Gävleborg och Skåne.",
          speakers: [sp("Sara Ek", "Länsstyrelsen Skåne"), sp("Jonas Ali", "Högskolan i Gävle"), sp("Mia Sund", "Högskolan i Gävle")],
          line: 18,
        },
        {
          title: "Data för beslut",
          abstract: "Statistik, kartor och analyser i det regionala arbetet.",
          speakers: [sp("Lars Holm", "Tillväxtanalys", "analyschef"), sp("Nora Lindqvist", "Sweco")],
          line: 25,
        },
      ],
      warnings: [],
    });
  });

  it("parses the same with LF or old-Mac CR line endings", () => {
    expect(parseProgramme(text.replace(/\r\n/g, "\n"))).toEqual(p);
    expect(parseProgramme(text.replace(/\r\n/g, "\r"))).toEqual(p);
  });

  it("accepts heading and intro in one block", () => {
    const joined = parseProgramme(
      "Lärpass 2019\nEn inledning\npå två rader.\n\nTitel\nBeskrivning.\nAnna Berg, Region Skåne\n",
    );
    expect(joined.heading).toBe("Lärpass 2019");
    expect(joined.intro).toBe("En inledning på två rader.");
    expect(joined.sessions).toEqual([
      { title: "Titel", abstract: "Beskrivning.", speakers: [sp("Anna Berg", "Region Skåne")], line: 5 },
    ]);
    expect(joined.warnings).toEqual([]);
  });

  it("has an empty intro when a lärpass follows the heading directly", () => {
    const noIntro = parseProgramme("Lärpass 2019\n\nTitel\nBeskrivning.\nAnna Berg, Region Skåne");
    expect(noIntro.heading).toBe("Lärpass 2019");
    expect(noIntro.intro).toBe("");
    expect(noIntro.sessions).toHaveLength(1);
    expect(noIntro.warnings).toEqual([]);
  });
});

// -----------------------------------------------------------------------------------------------------
// Broken input
// -----------------------------------------------------------------------------------------------------

describe("parseProgramme – broken input", () => {
  it("empty or whitespace-only text", () => {
    for (const empty of ["", "   ", "\n\n\r\n", "\ufeff", "\u00a0\t\n \u00a0"]) {
      expect(parseProgramme(empty)).toEqual({
        heading: null,
        intro: "",
        sessions: [],
        warnings: [{ line: 1, message: "Texten är tom." }],
      });
    }
  });

  it("non-string input does not throw", () => {
    for (const bad of [undefined, null, 42, {}, []]) {
      const p = parseProgramme(bad as unknown as string);
      expect(p.sessions).toEqual([]);
      expect(p.warnings).toEqual([{ line: 1, message: "Texten är tom." }]);
    }
  });

  it("a file of only speaker lines: the lärpass it reads is flagged, with the line of its title", () => {
    const onlySpeakers = [
      "Per Erik Andersson, Region Norrbotten och Daniel Örtqvist, Luleå tekniska universitet", // 1
      "Kjell Nilsson, direktör Nordregio", //                                                      2
      "Lisbet Mellgren, SKL och Susanne Sahlin, Landstinget Västernorrland", //                    3
      "Johanna Giorgi, Tillväxtverket och Anna Norin, Region Västerbotten.", //                    4
    ].join("\n");
    const p = parseProgramme(onlySpeakers);
    expect(p.sessions).toHaveLength(1);
    expect(p.warnings).toContainEqual({
      line: 1,
      message:
        'Rad 1: titeln "Per Erik Andersson, Region Norrbotten och Daniel Örtqvist, Luleå tekniska universitet" ser ut som en talarrad. Varje lärpass börjar med sin titel; saknas titelraden, eller är det här bara en lista med talare?',
    });
    expectWellFormedWarnings(p, 4);

    // Under a heading, in blocks of two and three lines: every such lärpass is flagged at its own line.
    const underHeading = parseProgramme("Lärpass 2019\n\nKjell Nilsson, direktör Nordregio\nLisbet Mellgren, SKL\nAnna Norin, Region Västerbotten\n\nMagnus Ernström, Region Gävleborg\nAnna Norin, Region Västerbotten\n");
    expect(underHeading.sessions.map((s) => s.title)).toEqual(["Kjell Nilsson, direktör Nordregio", "Magnus Ernström, Region Gävleborg"]);
    expect(underHeading.warnings.filter((w) => w.message.includes("ser ut som en talarrad")).map((w) => w.line)).toEqual([3, 7]);
    expect(underHeading.warnings.map((w) => w.line)).toEqual([...underHeading.warnings.map((w) => w.line)].sort((a, b) => a - b));
  });

  it("the 2018 list has no title that reads as a speaker line", () => {
    expect(parseProgramme(fixture).warnings.filter((w) => w.message.includes("ser ut som en talarrad"))).toEqual([]);
  });

  it("only a heading", () => {
    const p = parseProgramme("Lärpass 2020\n");
    expect(p.heading).toBe("Lärpass 2020");
    expect(p.intro).toBe("");
    expect(p.sessions).toEqual([]);
    expect(p.warnings).toEqual([{ line: 1, message: "Rad 1: inga lärpass hittades i texten." }]);
  });

  it("a heading and an intro but no lärpass", () => {
    const p = parseProgramme("\n\nLärpass 2020\n\nInledning.\n");
    expect(p.heading).toBe("Lärpass 2020");
    expect(p.intro).toBe("Inledning.");
    expect(p.sessions).toEqual([]);
    expect(p.warnings).toEqual([{ line: 3, message: "Rad 3: inga lärpass hittades i texten." }]);
  });

  const withProblems = [
    "Lärpass 2020", //                                            1
    "", //                                                        2
    "Inledning.", //                                              3
    "", //                                                        4
    "Första", //                                                  5
    "En beskrivning.", //                                         6
    "Anna Berg, Region Skåne", //                                 7
    "", //                                                        8
    "Utan talare", //                                             9
    "Här saknas talarraden helt.", //                            10
    "", //                                                       11
    "Ensam rad", //                                              12
    "", //                                                       13
    "Talare utan organisation", //                               14
    "Beskrivning.", //                                           15
    "Bo Ek", //                                                  16
    "", //                                                       17
    "Sista raden är prosa", //                                   18
    "Första stycket.", //                                        19
    "Vem vet vad som händer sen?", //                            20
    "", //                                                       21
    "Utan beskrivning", //                                       22
    "Eva Holm, Vinnova", //                                      23
  ].join("\n");
  const p = parseProgramme(withProblems);

  it("keeps going past broken blocks", () => {
    expect(p.heading).toBe("Lärpass 2020");
    expect(p.intro).toBe("Inledning.");
    expect(p.sessions).toEqual([
      { title: "Första", abstract: "En beskrivning.", speakers: [sp("Anna Berg", "Region Skåne")], line: 5 },
      { title: "Utan talare", abstract: "Här saknas talarraden helt.", speakers: [], line: 9 },
      { title: "Talare utan organisation", abstract: "Beskrivning.", speakers: [sp("Bo Ek", null)], line: 14 },
      {
        title: "Sista raden är prosa",
        abstract: "Första stycket. Vem vet vad som händer sen?",
        speakers: [],
        line: 18,
      },
      { title: "Utan beskrivning", abstract: "", speakers: [sp("Eva Holm", "Vinnova")], line: 22 },
    ]);
  });

  it("warns with line numbers, in Swedish, quoting the text", () => {
    expect(p.warnings).toEqual([
      { line: 9, message: 'Rad 9: lärpasset "Utan talare" saknar talarrad – inga talare registrerades.' },
      { line: 12, message: 'Rad 12: ensam rad "Ensam rad" utan beskrivning och talare hoppades över.' },
      { line: 16, message: 'Rad 16: talaren "Bo Ek" saknar organisation.' },
      {
        line: 20,
        message:
          'Rad 20: sista raden i lärpasset "Sista raden är prosa" ser inte ut som en talarrad ("Vem vet vad som händer sen?") – inga talare registrerades.',
      },
      { line: 22, message: 'Rad 22: lärpasset "Utan beskrivning" saknar beskrivning.' },
    ]);
    expectWellFormedWarnings(p, 23);
  });

  it("a first block that is a lärpass: no heading, with a warning", () => {
    const q = parseProgramme("Titel\nBeskrivning.\nAnna Berg, Region Skåne\n\nTitel 2\nMer.\nBo Ek, SKL");
    expect(q.heading).toBeNull();
    expect(q.intro).toBe("");
    expect(q.sessions.map((s) => s.title)).toEqual(["Titel", "Titel 2"]);
    expect(q.warnings).toHaveLength(1);
    expect(q.warnings[0].message).toMatch(/^Rad 1: texten saknar rubrik/);
  });

  it("an over-long last line is taken for prose", () => {
    const long = `Anna Berg, Region Skåne ${"och mycket mer text ".repeat(12)}`;
    const q = parseProgramme(`Rubrik\n\nIntro.\n\nTitel\nBeskrivning.\n${long}`);
    expect(q.sessions).toHaveLength(1);
    expect(q.sessions[0].speakers).toEqual([]);
    expect(q.warnings).toHaveLength(1);
    expect(q.warnings[0].message).toMatch(/^Rad 7: sista raden i lärpasset "Titel" ser inte ut som en talarrad/);
  });

  it("random binary-ish junk never throws and yields well-formed output", () => {
    let seed = 12345;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const alphabet = [
      ..."abcåäöABCÅÄÖ .,;:!?()&-'’\"\u00a0\t\r\n\n\n\u0000\u0007\ufeff\ufffd\u2028\ud800",
      " och ",
      " samt ",
      " m.fl.",
      "Anna Berg",
      "Region Skåne",
      "direktör ",
      "\n\n",
    ];
    for (let n = 0; n < 300; n++) {
      const len = Math.floor(rand() * 400);
      let s = "";
      for (let i = 0; i < len; i++) s += alphabet[Math.floor(rand() * alphabet.length)];
      const lineCount = s.split(/\r\n|\r|\n/).length;
      let q: ParsedProgramme | undefined;
      expect(() => {
        q = parseProgramme(s);
      }).not.toThrow();
      expectWellFormedWarnings(q!, lineCount);
      for (const session of q!.sessions) {
        expect(typeof session.title).toBe("string");
        expect(session.title).not.toBe("");
        for (const speaker of session.speakers) expect(speaker.name).not.toBe("");
      }
      expect(() => JSON.stringify(toDryRunJson(q!))).not.toThrow();
    }
    // raw bytes decoded as UTF-8
    const bytes = Uint8Array.from({ length: 4096 }, () => Math.floor(rand() * 256));
    const decoded = new TextDecoder("utf-8").decode(bytes);
    expect(() => parseProgramme(decoded)).not.toThrow();
    expectWellFormedWarnings(parseProgramme(decoded), decoded.split(/\r\n|\r|\n/).length);
  });

  it("a very long single line does not hang", () => {
    const started = Date.now();
    const q = parseProgramme(`Rubrik\n\n${"Anna Berg, ".repeat(50_000)}\n\nT\nA\n${"x, ".repeat(60)}`);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(q.heading).toBe("Rubrik");
  });
});

// -----------------------------------------------------------------------------------------------------
// Dry-run JSON
// -----------------------------------------------------------------------------------------------------

describe("toDryRunJson", () => {
  const p = parseProgramme(fixture);
  const json = toDryRunJson(p);

  it("has exactly sessions/warnings, sessions exactly title/abstract/speakers, speakers name/role/organisation", () => {
    const parsed = JSON.parse(JSON.stringify(json));
    expect(Object.keys(parsed)).toEqual(["sessions", "warnings"]);
    expect(parsed.sessions).toHaveLength(14);
    for (const s of parsed.sessions) {
      expect(Object.keys(s)).toEqual(["title", "abstract", "speakers"]);
      for (const speaker of s.speakers) expect(Object.keys(speaker)).toEqual(["name", "role", "organisation"]);
    }
    for (const w of parsed.warnings) expect(Object.keys(w)).toEqual(["line", "message"]);
    expect(JSON.stringify(json).startsWith('{"sessions":[{"title":"Tillbaka till framtiden","abstract":"Inom')).toBe(true);
  });

  it("carries the content over unchanged", () => {
    expect(json.sessions).toEqual(p.sessions.map(({ title, abstract, speakers }) => ({ title, abstract, speakers })));
    expect(json.warnings).toEqual(p.warnings);
    expect(json.sessions[1]).toEqual({
      title: "State of the Nordic Region 2018",
      abstract: p.sessions[1].abstract,
      speakers: [{ name: "Kjell Nilsson", role: "direktör", organisation: "Nordregio" }],
    });
  });

  it("does not share objects with the parsed programme", () => {
    const copy = toDryRunJson(p);
    copy.sessions[0].speakers[0].name = "Ändrad";
    expect(p.sessions[0].speakers[0].name).toBe("Per Erik Andersson");
  });

  it("works for an empty programme", () => {
    expect(JSON.stringify(toDryRunJson(parseProgramme("")))).toBe(
      '{"sessions":[],"warnings":[{"line":1,"message":"Texten är tom."}]}',
    );
  });
});
