// The workspace history (doc_revisions as the Historik page shows them) and what happens to a member's
// answers: deleting one removes its text from the history too; deleting the account keeps the answers
// without the link to the person, as Mitt konto says; the data export lists them.
import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "@/db";
import { docAnswers, docRevisions } from "@/db/schema";
import { deleteAccount, exportPersonalData } from "@/lib/account";
import { createEvent, createUser, useTempOutbox } from "@/test/factories";
import { deleteOwnAnswer, REDACTED_ANSWER } from "./answers";
import { listDocRevisions } from "./history";
import { createQuestion, createTheme, moderateAnswer, pasteAnswers, saveSettings } from "./workspace";

useTempOutbox();
const organiser = { userId: null, label: "Arrangören Anna", role: "organiser" as const };

function world() {
  const f = createEvent(db);
  const q = createQuestion({ eventId: f.event.id, author: organiser, scope: "event", larpassId: null, kind: "text", prompt: "Det här tar jag med mig" });
  if (!q.ok) throw new Error("setup");
  const member = createUser(db);
  const answer = db.insert(docAnswers).values({ questionId: q.id, userId: member.id, text: "Regionen har en viktg roll" }).returning().get();
  return { f, eventId: f.event.id, questionId: q.id, member, answer };
}

describe("the workspace history", () => {
  test("a corrected answer shows its original wording beside the correction, newest first, with who", () => {
    const w = world();
    expect(moderateAnswer({ eventId: w.eventId, author: organiser, answerId: w.answer.id, change: { kind: "correct", text: "Regionen har en viktig roll" } }).ok).toBe(true);
    expect(moderateAnswer({ eventId: w.eventId, author: organiser, answerId: w.answer.id, change: { kind: "hide", hidden: true } }).ok).toBe(true);
    const { rows, total } = listDocRevisions({ eventId: w.eventId });
    expect(total).toBe(3);
    expect(rows.map((r) => r.what)).toEqual(["Svar dolt", "Svar rättat", "Ny fråga"]);
    const [hidden, corrected] = rows;
    expect(corrected.authorLabel).toBe("Arrangören Anna");
    expect(corrected.roleLabel).toBe("arrangör");
    expect(corrected.changes).toEqual([{ field: "svar", label: "Svar", kind: "value", before: "Regionen har en viktg roll", after: "Regionen har en viktig roll" }]);
    // The answer it was about is shown as context; the id that finds it again is not.
    expect(hidden.context).toEqual([{ field: "svar", label: "Svar", value: "Regionen har en viktig roll" }]);
    expect(hidden.changes).toEqual([{ field: "dolt", label: "Dolt", kind: "value", before: "nej", after: "ja" }]);
  });

  test("settings read as words: sections by name, yes/no, times in the event's zone; long texts word by word", () => {
    const w = world();
    const settings = { intro: "## Bakgrund\nSeminariet", sectionOrder: ["intro", "questions", "larpass", "ratings"] as const, includeRatings: false, requireSignIn: true, answersOpenAt: null, answersCloseAt: null };
    saveSettings({ eventId: w.eventId, author: organiser, settings: { ...settings, sectionOrder: [...settings.sectionOrder] } });
    saveSettings({
      eventId: w.eventId,
      author: organiser,
      settings: { ...settings, intro: "## Bakgrund\nSeminariet tre", sectionOrder: ["questions", "intro", "larpass", "ratings"], requireSignIn: false, answersCloseAt: new Date("2018-03-29T22:00:00Z") },
    });
    const latest = listDocRevisions({ eventId: w.eventId }).rows[0];
    expect(latest.what).toBe("Inledning och inställningar");
    const by = Object.fromEntries(latest.changes.map((c) => [c.field, c]));
    expect(by.inledning).toMatchObject({ kind: "text" });
    expect((by.inledning as { parts: { text: string; change: string }[] }).parts.filter((p) => p.change === "added").map((p) => p.text.trim())).toEqual(["tre"]);
    expect(by.ordning).toMatchObject({ kind: "value", after: "Deltagarnas svar, Inledning, Lärpassen, Betyg" });
    expect(by.inloggning).toMatchObject({ before: "ja", after: "nej" });
    expect(by.stänger).toMatchObject({ before: "–", after: "30 mars 2018 kl. 00:00" });
  });

  test("pasted answers read as a count", () => {
    const w = world();
    expect(pasteAnswers({ eventId: w.eventId, author: organiser, questionId: w.questionId, larpassId: null, text: "## Mötesmetod\nEtt\nTvå" }).ok).toBe(true);
    const latest = listDocRevisions({ eventId: w.eventId }).rows[0];
    expect(latest.what).toBe("Svar inklistrade");
    expect(latest.changes).toEqual([
      { field: "fråga", label: "Fråga", kind: "value", before: "–", after: "Det här tar jag med mig" },
      { field: "svar", label: "Antal svar", kind: "value", before: "–", after: "2" },
      { field: "nyaTeman", label: "Nya teman", kind: "value", before: "–", after: "1" },
    ]);
  });

  test("pages of 100, newest first", () => {
    const w = world();
    const t = createTheme({ eventId: w.eventId, author: organiser, questionId: w.questionId, name: "Tema" });
    if (!t.ok) throw new Error("setup");
    for (let i = 0; i < 120; i++) moderateAnswer({ eventId: w.eventId, author: organiser, answerId: w.answer.id, change: { kind: "quote", quote: i % 2 === 0 } });
    const first = listDocRevisions({ eventId: w.eventId });
    expect([first.total, first.pages, first.rows.length]).toEqual([122, 2, 100]);
    const second = listDocRevisions({ eventId: w.eventId, page: 2 });
    expect(second.rows.length).toBe(22);
    expect(second.rows.at(-1)!.what).toBe("Ny fråga");
    expect(first.rows[0].id).toBeGreaterThan(second.rows[0].id);
  });
});

describe("a member's answers and their account", () => {
  test("deleting one's own answer takes its text out of the workspace history as well", () => {
    const w = world();
    const other = db.insert(docAnswers).values({ questionId: w.questionId, userId: null, text: "Ett annat svar" }).returning().get();
    moderateAnswer({ eventId: w.eventId, author: organiser, answerId: w.answer.id, change: { kind: "correct", text: "Regionen har en viktig roll" } });
    moderateAnswer({ eventId: w.eventId, author: organiser, answerId: w.answer.id, change: { kind: "quote", quote: true } });
    moderateAnswer({ eventId: w.eventId, author: organiser, answerId: other.id, change: { kind: "hide", hidden: true } });
    expect(deleteOwnAnswer({ userId: w.member.id, answerId: w.answer.id }).ok).toBe(true);
    const stored = JSON.stringify(db.select().from(docRevisions).where(eq(docRevisions.eventId, w.eventId)).all());
    expect(stored).not.toContain("viktg");
    expect(stored).not.toContain("viktig roll");
    expect(stored).toContain(REDACTED_ANSWER);
    // Another answer's revisions are left as they were.
    expect(stored).toContain("Ett annat svar");
    // Someone else's answer id: nothing happens.
    expect(deleteOwnAnswer({ userId: w.member.id, answerId: other.id })).toMatchObject({ ok: false });
  });

  test("the data export lists the answers; deleting the account keeps them without the link to the person", async () => {
    const w = world();
    expect(exportPersonalData({ userId: w.member.id })!.svarPaFragor).toEqual([
      expect.objectContaining({ event: w.f.event.name, eventSlug: w.f.event.slug, larpass: null, fraga: "Det här tar jag med mig", svar: "Regionen har en viktg roll", betyg: null }),
    ]);
    await deleteAccount({ userId: w.member.id });
    const kept = db.select().from(docAnswers).where(eq(docAnswers.id, w.answer.id)).get()!;
    expect([kept.userId, kept.text]).toEqual([null, "Regionen har en viktg roll"]);
  });
});
