// Ordering the workspace without drag and drop: themes and questions move up and down one step at a time
// (the "Upp"/"Ner" buttons, no JavaScript needed), the compiled documentation follows that order, and a
// row of another event cannot be moved through this event's page.
import { describe, expect, test } from "vitest";
import { db } from "@/db";
import { docAnswers } from "@/db/schema";
import { createEvent } from "@/test/factories";
import { compileDocumentation, getQuestionWorkspace, getWorkspace } from "./read";
import { createQuestion, createTheme, moderateAnswer, moveQuestion, moveTheme } from "./workspace";

const author = { userId: null, label: "Test", role: "system" as const };

function world() {
  const f = createEvent(db);
  const eventId = f.event.id;
  const q = createQuestion({ eventId, author, scope: "event", larpassId: null, kind: "text", prompt: "Fråga A" });
  const q2 = createQuestion({ eventId, author, scope: "event", larpassId: null, kind: "text", prompt: "Fråga B" });
  if (!q.ok || !q2.ok) throw new Error("setup");
  const themes = ["Regionens roll", "EU:s roll", "Mötesmetod"].map((name) => {
    const t = createTheme({ eventId, author, questionId: q.id, name });
    if (!t.ok) throw new Error("setup");
    return t.id;
  });
  for (const [i, themeId] of themes.entries()) {
    const a = db.insert(docAnswers).values({ questionId: q.id, text: `Svar ${i + 1}` }).returning().get();
    moderateAnswer({ eventId, author, answerId: a.id, change: { kind: "theme", themeId } });
  }
  db.insert(docAnswers).values({ questionId: q2.id, text: "Svar på B" }).run();
  return { eventId, questionId: q.id, secondId: q2.id, themes };
}

const themeNames = (eventId: number, questionId: number) => getQuestionWorkspace({ eventId, questionId })!.themes.map((t) => t.name);

describe("ordering without drag and drop", () => {
  test("a theme moves one step up or down; the ends are no-ops; the documentation follows", async () => {
    const w = world();
    expect(moveTheme({ eventId: w.eventId, author, themeId: w.themes[2], direction: "up" }).ok).toBe(true);
    expect(themeNames(w.eventId, w.questionId)).toEqual(["Regionens roll", "Mötesmetod", "EU:s roll"]);
    expect(moveTheme({ eventId: w.eventId, author, themeId: w.themes[0], direction: "down" }).ok).toBe(true);
    expect(themeNames(w.eventId, w.questionId)).toEqual(["Mötesmetod", "Regionens roll", "EU:s roll"]);
    expect(moveTheme({ eventId: w.eventId, author, themeId: w.themes[2], direction: "up" }).ok).toBe(true);
    expect(themeNames(w.eventId, w.questionId)).toEqual(["Mötesmetod", "Regionens roll", "EU:s roll"]);
    const doc = (await compileDocumentation({ eventId: w.eventId }))!;
    expect(doc.questions[0].groups.map((g) => g.name)).toEqual(["Mötesmetod", "Regionens roll", "EU:s roll"]);
    expect(doc.questions[0].groups.map((g) => g.answers.map((a) => a.text))).toEqual([["Svar 3"], ["Svar 1"], ["Svar 2"]]);
  });

  test("questions move too, and the documentation lists them in that order", async () => {
    const w = world();
    expect(moveQuestion({ eventId: w.eventId, author, questionId: w.secondId, direction: "up" }).ok).toBe(true);
    expect(getWorkspace({ eventId: w.eventId })!.questions.map((q) => q.prompt)).toEqual(["Fråga B", "Fråga A"]);
    expect((await compileDocumentation({ eventId: w.eventId }))!.questions.map((q) => q.prompt)).toEqual(["Fråga B", "Fråga A"]);
  });

  test("another event's theme or question cannot be moved through this event", () => {
    const w = world();
    const other = world();
    expect(moveTheme({ eventId: w.eventId, author, themeId: other.themes[1], direction: "up" })).toMatchObject({ ok: false });
    expect(moveQuestion({ eventId: w.eventId, author, questionId: other.secondId, direction: "up" })).toMatchObject({ ok: false });
    expect(themeNames(other.eventId, other.questionId)).toEqual(["Regionens roll", "EU:s roll", "Mötesmetod"]);
  });
});
