// The compiled documentation as a Word document (docx): real heading styles (so Word's table of contents
// works), a table-of-contents field, bullet lists, quotes as indented italic paragraphs, and the themes as
// headings under each question. Organisers finish the document in Word.
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  PageBreak,
  Paragraph,
  TableOfContents,
  TextRun,
  type ISectionOptions,
} from "docx";
import type { CompiledDocumentation, QuestionView } from "./read";
import { formatAverage } from "./rules";
import { documentationSectionLabels } from "@/lib/domain";

const H = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4];
const heading = (text: string, level: 1 | 2 | 3 | 4, pageBreak = false) =>
  new Paragraph({ text, heading: H[level - 1], pageBreakBefore: pageBreak });
const bullet = (text: string) => new Paragraph({ text, bullet: { level: 0 } });
const quote = (text: string) =>
  new Paragraph({ style: "Quote", indent: { left: 720 }, children: [new TextRun({ text: `”${text}”`, italics: true })] });

/** Markdown from the intro and summaries: headings, bullets and paragraphs, inline marks dropped. */
function markdownParagraphs(md: string, base: 2 | 3): Paragraph[] {
  const out: Paragraph[] = [];
  for (const block of md.trim().split(/\n\s*\n/)) {
    const lines = block.split("\n");
    for (const line of lines) {
      const clean = line.replace(/\*\*|__|`/g, "").replace(/\[([^\]]+)\]\(([^)]+)\)/g, "$1 ($2)");
      const h = /^(#{1,6})\s+(.*)$/.exec(clean);
      if (h) out.push(heading(h[2], Math.min(4, base + h[1].length - 1) as 2 | 3 | 4));
      else if (/^\s*[-*]\s+/.test(clean)) out.push(bullet(clean.replace(/^\s*[-*]\s+/, "")));
      else if (/^>\s?/.test(clean)) out.push(quote(clean.replace(/^>\s?/, "")));
    }
    const prose = lines.filter((l) => !/^(#{1,6}\s|\s*[-*]\s|>)/.test(l)).join(" ").replace(/\*\*|__|`/g, "").trim();
    if (prose) out.push(new Paragraph({ text: prose }));
  }
  return out;
}

function answers(q: QuestionView, level: 2 | 3): Paragraph[] {
  const out: Paragraph[] = [heading(q.prompt, level)];
  for (const g of q.groups) {
    if (g.name) out.push(heading(g.name, (level + 1) as 3 | 4));
    for (const a of g.answers) out.push(a.quote ? quote(a.text) : bullet(a.text));
  }
  return out;
}

export async function documentationToDocx(doc: CompiledDocumentation): Promise<Buffer> {
  const body: (Paragraph | TableOfContents)[] = [];
  let first = true;
  for (const s of doc.order) {
    const start = (label: string) => {
      body.push(heading(label, 1, !first));
      first = false;
    };
    if (s === "intro" && doc.intro.trim()) {
      start(documentationSectionLabels.intro);
      body.push(...markdownParagraphs(doc.intro, 2));
    }
    if (s === "questions" && doc.questions.length) {
      start(documentationSectionLabels.questions);
      for (const q of doc.questions) body.push(...answers(q, 2));
    }
    if (s === "larpass" && doc.larpass.length) {
      start(documentationSectionLabels.larpass);
      for (const l of doc.larpass) {
        body.push(heading(l.title, 2));
        const who = l.speakers.map((p) => [p.name, p.organisation].filter(Boolean).join(", ")).join("; ");
        const meta = [who, [l.when, l.room].filter(Boolean).join(", ")].filter(Boolean);
        for (const m of meta) body.push(new Paragraph({ children: [new TextRun({ text: m, italics: true })] }));
        if (l.summary.trim()) body.push(...markdownParagraphs(l.summary, 3));
        for (const g of l.groups) {
          body.push(heading(g.title, 3));
          for (const p of g.points) body.push(bullet(p));
        }
        if (l.quotes.length) {
          body.push(heading("Citat", 3));
          for (const q of l.quotes) body.push(quote(q));
        }
        if (l.slides.length) {
          body.push(heading("Bildspel", 3));
          for (const x of l.slides) body.push(bullet(`${x.title}: ${x.url}`));
        }
        if (l.attachments.length) {
          body.push(heading("Bilagor", 3));
          for (const a of l.attachments) body.push(bullet(a.name));
        }
        for (const q of l.questions) body.push(...answers(q, 3));
      }
    }
    if (s === "ratings" && doc.ratings?.length) {
      start(documentationSectionLabels.ratings);
      for (const r of doc.ratings) {
        body.push(
          bullet(`${r.title}: ${r.summary.count} svar, medel ${formatAverage(r.summary.average)} (1: ${r.summary.distribution[0]}, 2: ${r.summary.distribution[1]}, 3: ${r.summary.distribution[2]}, 4: ${r.summary.distribution[3]}, 5: ${r.summary.distribution[4]})`),
        );
      }
    }
  }
  const titlePage: ISectionOptions = {
    children: [
      new Paragraph({ text: doc.event.name, heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, spacing: { before: 3000 } }),
      new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: "Dokumentation", size: 32 })] }),
      new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: [doc.event.venue, doc.event.dates].filter(Boolean).join(", "), size: 28 })] }),
      new Paragraph({ children: [new PageBreak()] }),
      new Paragraph({ children: [new TextRun({ text: "Innehåll", bold: true, size: 32 })] }),
      new TableOfContents("Innehåll", { hyperlink: true, headingStyleRange: "1-3" }),
    ],
  };
  const document = new Document({
    creator: "Lärpass",
    title: `${doc.event.name}: dokumentation`,
    features: { updateFields: true },
    numbering: { config: [] },
    sections: [titlePage, { children: body }],
  });
  return Packer.toBuffer(document);
}
