// The compiled documentation as Markdown: the same sections, in the same order, as the public page.
import type { CompiledDocumentation, QuestionView } from "./read";
import { formatAverage } from "./rules";
import { documentationSectionLabels } from "@/lib/domain";

function answersMd(q: QuestionView, level: number): string[] {
  const out: string[] = [`${"#".repeat(level)} ${q.prompt}`, ""];
  for (const g of q.groups) {
    if (g.name) out.push(`${"#".repeat(level + 1)} ${g.name}`, "");
    for (const a of g.answers) out.push(a.quote ? `> ${a.text}` : `- ${a.text}`, "");
  }
  return out;
}

export function documentationToMarkdown(doc: CompiledDocumentation): string {
  const out: string[] = [`# ${doc.event.name}`, "", [doc.event.venue, doc.event.dates].filter(Boolean).join(", "), ""];
  for (const s of doc.order) {
    if (s === "intro" && doc.intro.trim()) out.push(`## ${documentationSectionLabels.intro}`, "", doc.intro.trim(), "");
    if (s === "questions" && doc.questions.length) {
      out.push(`## ${documentationSectionLabels.questions}`, "");
      for (const q of doc.questions) out.push(...answersMd(q, 3));
    }
    if (s === "larpass" && doc.larpass.length) {
      out.push(`## ${documentationSectionLabels.larpass}`, "");
      for (const l of doc.larpass) {
        out.push(`### ${l.title}`, "");
        const who = l.speakers.map((p) => [p.name, p.organisation].filter(Boolean).join(", ")).join("; ");
        if (who) out.push(`*${who}*`, "");
        if (l.summary.trim()) out.push(l.summary.trim(), "");
        for (const g of l.groups) out.push(`#### ${g.title}`, "", ...g.points.map((p) => `- ${p}`), "");
        for (const q of l.quotes) out.push(`> ${q}`, "");
        if (l.slides.length) out.push("**Bildspel**", "", ...l.slides.map((x) => `- [${x.title}](${x.url})`), "");
        if (l.attachments.length) out.push("**Bilagor**", "", ...l.attachments.map((a) => `- ${a.name}`), "");
        for (const q of l.questions) out.push(...answersMd(q, 4));
      }
    }
    if (s === "ratings" && doc.ratings?.length) {
      out.push(`## ${documentationSectionLabels.ratings}`, "", "| Lärpass | Svar | Medel | 1 | 2 | 3 | 4 | 5 |", "| --- | --- | --- | --- | --- | --- | --- | --- |");
      for (const r of doc.ratings) out.push(`| ${r.title} | ${r.summary.count} | ${formatAverage(r.summary.average)} | ${r.summary.distribution.join(" | ")} |`);
      out.push("");
    }
  }
  return out.join("\n").replace(/\n{3,}/g, "\n\n").trim() + "\n";
}
