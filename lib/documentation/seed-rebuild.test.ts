// Seeds 000 and 001 (copies in test/fixtures/seeds, from the product's shared seed documents) rebuilt through
// the product's own functions: questions, pasted answers grouped into the seed's themes, a speaker's group
// outputs, published; then the compiled page model, the Markdown and the .docx (read back from its XML) must
// hold every theme in order and every answer.
import fs from "node:fs";
import path from "node:path";
import JSZip from "jszip";
import { describe, expect, test } from "vitest";
import { db } from "@/db";
import { larpassSpeakers, speakers } from "@/db/schema";
import { createEvent, createUser } from "@/test/factories";
import { documentationToDocx } from "./export-docx";
import { documentationToMarkdown } from "./export-markdown";
import { parseGroups, saveLarpassDoc } from "./larpass-doc";
import { compileDocumentation } from "./read";
import { createQuestion, pasteAnswers, setPublished } from "./workspace";

const seeds = path.resolve(__dirname, "../../test/fixtures/seeds");
const seed000 = fs.readFileSync(path.join(seeds, "000-jobbregionen-seminarium-tre.txt"), "utf8");
const seed001 = fs.readFileSync(path.join(seeds, "001-workshop-umea-scenarion.txt"), "utf8");

const Q1 = "Det här tycker jag är en viktig fråga inför sista träffen";
const Q2 = "Det här tar jag med mig från idag";
const author = { userId: null, label: "Test", role: "system" as const };

/** The seed's two answer sections, split at the question headings, read independently of the parser. */
function seedSections() {
  const lines = seed000.split(/\r?\n/);
  const i1 = lines.findIndex((l) => l.startsWith("#") && l.includes(Q1));
  const i2 = lines.findIndex((l) => l.startsWith("#") && l.includes(Q2));
  const section = (from: number, to: number) => {
    const body = lines.slice(from + 1, to);
    const answers = body.filter((l) => l.trim() && !l.trim().startsWith("#")).map((l) => l.trim());
    const themes = [...new Set(body.filter((l) => l.trim().startsWith("#")).map((l) => l.replace(/#/g, "").replace(/\*/g, "").trim()))];
    return { text: body.join("\n"), answers, themes };
  };
  return [section(i1, i2), section(i2, lines.length)];
}

/** Paragraph texts of word/document.xml with their style ("Heading2", "ListParagraph", ...). */
async function docxParagraphs(buffer: Buffer) {
  const zip = await JSZip.loadAsync(buffer);
  const xml = await zip.file("word/document.xml")!.async("string");
  const unescape = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(m[0])?.[1] ?? "",
    text: unescape([...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join("")),
    bullet: /<w:numPr>/.test(m[0]),
  }));
}

describe("seed 000: a seminar's answers, grouped into themes", () => {
  test("counts, themes and every answer survive to the page model, the Markdown and the .docx", async () => {
    const [s1, s2] = seedSections();
    // The copy is what we think it is: two sections with the seed's themes.
    expect(s1.themes).toEqual(["Regionens roll", "Eus roll", "Nationella aktörers roll", "Exempel", "Efter seminarieseriens slut", "Övrigt"]);
    expect(s2.themes).toEqual(["”Dalateatern”", "Programinnehåll", "Mötesmetod", "Regionens roll", "Goda exempel", "Övrigt"]);
    expect(s1.answers.length).toBe(39);
    expect(s2.answers.length).toBe(34);

    const f = createEvent(db, { name: "Jobbregionen seminarium tre", venue: "Falun", startsOn: "2015-01-14", endsOn: "2015-01-14" });
    const eventId = f.event.id;
    const q1 = createQuestion({ eventId, author, scope: "event", larpassId: null, kind: "text", prompt: Q1 });
    const q2 = createQuestion({ eventId, author, scope: "event", larpassId: null, kind: "text", prompt: Q2 });
    if (!q1.ok || !q2.ok) throw new Error("questions");
    const p1 = pasteAnswers({ eventId, author, questionId: q1.id, larpassId: null, text: s1.text });
    const p2 = pasteAnswers({ eventId, author, questionId: q2.id, larpassId: null, text: s2.text });
    expect(p1).toEqual({ ok: true, answers: s1.answers.length, themes: s1.themes.length });
    expect(p2).toEqual({ ok: true, answers: s2.answers.length, themes: s2.themes.length });
    expect(setPublished({ eventId, author, published: true })).toEqual({ ok: true });

    const doc = (await compileDocumentation({ eventId }))!;
    expect(doc.published).toBe(true);
    expect(doc.questions.map((q) => q.prompt)).toEqual([Q1, Q2]);
    for (const [q, s] of [[doc.questions[0], s1], [doc.questions[1], s2]] as const) {
      expect(q.total).toBe(s.answers.length);
      expect(q.groups.map((g) => g.name)).toEqual(s.themes);
      expect(q.groups.flatMap((g) => g.answers.map((a) => a.text))).toEqual(s.answers);
    }

    const md = documentationToMarkdown(doc);
    let at = 0;
    for (const [prompt, s] of [[Q1, s1], [Q2, s2]] as const) {
      at = md.indexOf(`### ${prompt}`, at);
      expect(at).toBeGreaterThan(-1);
      for (const t of s.themes) {
        const next = md.indexOf(`#### ${t}`, at);
        expect(next, t).toBeGreaterThan(at);
        at = next;
      }
    }
    for (const a of [...s1.answers, ...s2.answers]) expect(md).toContain(`- ${a}`);

    const paras = await docxParagraphs(await documentationToDocx(doc));
    const headings = paras.filter((p) => /^Heading/.test(p.style)).map((p) => `${p.style}:${p.text}`);
    expect(headings).toEqual([
      `Heading1:Deltagarnas svar`,
      `Heading2:${Q1}`,
      ...s1.themes.map((t) => `Heading3:${t}`),
      `Heading2:${Q2}`,
      ...s2.themes.map((t) => `Heading3:${t}`),
    ]);
    const items = paras.filter((p) => p.bullet).map((p) => p.text);
    expect(items).toEqual([...s1.answers, ...s2.answers]);
    expect(paras.some((p) => p.style === "Title" && p.text === "Jobbregionen seminarium tre")).toBe(true);
    expect(paras.some((p) => p.text.includes("Falun") && p.text.includes("2015"))).toBe(true);
  });
});

describe("seed 001: a workshop's group outputs under its lärpass", () => {
  test("two named outputs with their points, in the page model and the .docx", async () => {
    const block = (title: string) => {
      const lines = seed001.split(/\r?\n/);
      const i = lines.findIndex((l) => l.trim() === title);
      const points: string[] = [];
      for (const l of lines.slice(i + 1)) {
        if (l.trim().startsWith("- ")) points.push(l.trim());
        else if (points.length && l.trim()) break;
      }
      return { title, points: points.map((p) => p.slice(2).trim()), text: [title, ...points].join("\n") };
    };
    const g1 = block("Trädgårdsmästaren (grupp 1:1)");
    const g2 = block("Smörjmedlet (grupp 1:2)");
    expect(g1.points.length).toBe(9);
    expect(g2.points.length).toBe(5);

    const f = createEvent(db, { name: "Jobbregionen workshop", venue: "Umeå", startsOn: "2015-11-12", endsOn: "2015-11-12" });
    const lp = f.larpass({ title: "Scenarion – Regionens roll i arbetsmarknadspolitiken" });
    const user = createUser(db, "talare");
    const sp = db.insert(speakers).values({ name: "Scenario Ledare", slug: `scen-${lp.id}`, userId: user.id }).returning().get();
    db.insert(larpassSpeakers).values({ larpassId: lp.id, speakerId: sp.id }).run();

    const groups = parseGroups(`${g1.text}\n\n${g2.text}`);
    expect(groups).toEqual([{ title: g1.title, points: g1.points }, { title: g2.title, points: g2.points }]);
    const saved = saveLarpassDoc({
      larpassId: lp.id,
      userId: user.id,
      rows: "own-larpass",
      author: { userId: user.id, label: "talare", role: "speaker" },
      expectedVersion: 0,
      input: { summary: "Scenarion är tänkta framtider.", groups, quotes: [], slides: [] },
    });
    expect(saved).toEqual({ ok: true, version: 1 });

    const doc = (await compileDocumentation({ eventId: f.event.id }))!;
    expect(doc.larpass.map((l) => l.title)).toEqual([lp.title]);
    expect(doc.larpass[0].groups).toEqual(groups);
    expect(doc.larpass[0].speakers.map((s) => s.name)).toEqual(["Scenario Ledare"]);

    const paras = await docxParagraphs(await documentationToDocx(doc));
    const heads = paras.filter((p) => /^Heading/.test(p.style)).map((p) => `${p.style}:${p.text}`);
    expect(heads).toEqual(["Heading1:Lärpassen", `Heading2:${lp.title}`, `Heading3:${g1.title}`, `Heading3:${g2.title}`]);
    const i1 = paras.findIndex((p) => p.text === g1.title && p.style === "Heading3");
    const i2 = paras.findIndex((p) => p.text === g2.title && p.style === "Heading3");
    expect(paras.slice(i1 + 1, i2).filter((p) => p.bullet).map((p) => p.text)).toEqual(g1.points);
    expect(paras.slice(i2 + 1).filter((p) => p.bullet).map((p) => p.text)).toEqual(g2.points);
  });
});

describe("the demo seed", () => {
  test("the 2018 demo has a published documentation with questions, answers in themes and one lärpass summary", async () => {
    const { seedDemoDocumentation } = await import("@/scripts/seed");
    const f = createEvent(db, { name: "Demo 2018" });
    f.larpass({ title: "Första lärpasset" });
    seedDemoDocumentation(db, f.event.id);
    const doc = (await compileDocumentation({ eventId: f.event.id }))!;
    expect(doc.published).toBe(true);
    expect(doc.questions.map((q) => [q.prompt, q.groups.map((g) => g.name)])).toEqual([
      ["Det här tycker jag är en viktig fråga inför nästa konferens", ["Regionens roll", "EU:s roll"]],
      ["Det här tar jag med mig från idag", ["Mötesmetod", "Goda exempel"]],
    ]);
    expect(doc.larpass.map((l) => [l.title, l.groups.length])).toEqual([["Första lärpasset", 2]]);
  });
});
