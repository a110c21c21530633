// Authorization of every documentation action and route handler, called directly: members cannot moderate
// or publish, a speaker cannot write or read another lärpass's section or ratings, an anonymous visitor cannot
// answer when sign-in is required and cannot read an unpublished documentation. Refused calls change nothing.
// Each action's rule in the policy table (lib/policy.ts) is checked here too, so the table and these calls
// say the same thing; app/policy.guard.test.ts checks that every action has a rule and every rule is used.
// Only the request-time edges are mocked (test/mock-auth.ts); the lib code and SQLite are real.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, test, vi } from "vitest";

vi.mock("@/lib/auth", async () => (await import("@/test/mock-auth")).authModuleMock);
vi.mock("next/navigation", async () => (await import("@/test/mock-auth")).navigationMock);
vi.mock("next/headers", async () => (await import("@/test/mock-auth")).headersMock);
vi.mock("next-auth", async () => ({ AuthError: (await import("@/test/mock-auth")).AuthError }));

import { asc, eq } from "drizzle-orm";
import { db } from "@/db";
import { docAnswers, docAttachments, docQuestions, docRevisions, docThemes, documentations, larpassDocs, larpassSpeakers, speakers } from "@/db/schema";
import { createEvent, useTempOutbox } from "@/test/factories";
import { form, listEndpoints, makeUser, outcome } from "@/test/guard-harness";
import { resetRequestMocks, setRequestHeaders, signInAs, signOutAll } from "@/test/mock-auth";
import { saveSettings, createQuestion, createTheme, setPublished } from "@/lib/documentation/workspace";
import { addAttachment } from "@/lib/documentation/attachments";
import { ruleOf } from "@/lib/action";
import { policy } from "@/lib/policy";

import * as org from "@/app/arrangor/evenemang/[id]/dokumentation/actions";
import { GET as ratingsCsv } from "@/app/arrangor/evenemang/[id]/dokumentation/betyg.csv/route";
import { deleteOwnAnswerAction, submitAnswersAction } from "@/app/evenemang/[event]/dokumentation/actions";
import { GET as docx } from "@/app/evenemang/[event]/dokumentation/dokumentation.docx/route";
import { GET as markdown } from "@/app/evenemang/[event]/dokumentation/dokumentation.md/route";
import { deleteAttachmentAction, saveOwnLarpassDocAction, uploadAttachmentAction } from "@/app/mina-larpass/[id]/dokumentation/actions";
import { GET as attachmentRoute } from "@/app/evenemang/[event]/dokumentation/bilagor/[id]/route";
import OwnLarpassDocPage from "@/app/mina-larpass/[id]/dokumentation/page";
import DocumentationHistoryPage from "@/app/arrangor/evenemang/[id]/dokumentation/historik/page";

useTempOutbox();
// Attachments go to a folder of this test file's own (ATTACHMENTS_PATH is read at each call).
const attachmentsDir = fs.mkdtempSync(path.join(os.tmpdir(), "bilagor-"));
process.env.ATTACHMENTS_PATH = attachmentsDir;
const storedFiles = () => fs.readdirSync(attachmentsDir).sort();
beforeEach(() => {
  resetRequestMocks();
  vi.spyOn(console, "log").mockImplementation(() => {});
});

const author = { userId: null, label: "Test", role: "system" as const };
/** A small file that starts like a PDF. */
const pdfBytes = (size = 2000) => {
  const b = new Uint8Array(size);
  b.set(new TextEncoder().encode("%PDF-1.7\n"));
  return b;
};
/** The organisers' upload form, with a file. */
function organiserUpload(fields: Record<string, string>, bytes: Uint8Array, name: string) {
  const fd = form(fields);
  fd.append("file", new File([bytes as BlobPart], name, { type: "application/pdf" }));
  return org.uploadAttachmentAsOrganiserAction({}, fd);
}

/** An event answering now (window set around today), two lärpass with a speaker each, one text question with an answer and a theme. */
function world({ requireSignIn = true } = {}) {
  const f = createEvent(db);
  const eventId = f.event.id;
  const mine = f.larpass({ title: "Mitt lärpass" });
  const theirs = f.larpass({ title: "Annans lärpass" });
  const me = makeUser("speaker");
  const other = makeUser("speaker");
  const sp1 = db.insert(speakers).values({ name: "Jag", slug: `jag-${mine.id}`, userId: me.id }).returning().get();
  const sp2 = db.insert(speakers).values({ name: "Annan", slug: `annan-${mine.id}`, userId: other.id }).returning().get();
  db.insert(larpassSpeakers).values([{ larpassId: mine.id, speakerId: sp1.id }, { larpassId: theirs.id, speakerId: sp2.id }]).run();
  saveSettings({
    eventId,
    author,
    settings: { intro: "", sectionOrder: ["intro", "questions", "larpass", "ratings"], includeRatings: false, requireSignIn, answersOpenAt: new Date(Date.now() - 3600_000), answersCloseAt: new Date(Date.now() + 3600_000) },
  });
  const q = createQuestion({ eventId, author, scope: "event", larpassId: null, kind: "text", prompt: "Det här tar jag med mig" });
  const rating = createQuestion({ eventId, author, scope: "every-larpass", larpassId: null, kind: "rating", prompt: "Vad tyckte du?" });
  if (!q.ok || !rating.ok) throw new Error("setup");
  const theme = createTheme({ eventId, author, questionId: q.id, name: "Tema" });
  if (!theme.ok) throw new Error("setup");
  const member = makeUser("member");
  const answer = db.insert(docAnswers).values({ questionId: q.id, userId: member.id, text: "Mitt svar" }).returning().get();
  db.insert(docAnswers).values([{ questionId: rating.id, larpassId: theirs.id, rating: 2, text: "Annans kommentar" }]).run();
  const attachment = addAttachment({ larpassId: theirs.id, name: "annans.pdf", bytes: pdfBytes(), userId: other.id, rows: "any", author });
  if (!attachment.ok) throw new Error("setup");
  return { f, eventId, slug: f.event.slug, mine, theirs, me, other, questionId: q.id, ratingId: rating.id, themeId: theme.id, member, answer, attachmentId: attachment.id };
}

function snapshot() {
  return {
    questions: db.select().from(docQuestions).orderBy(asc(docQuestions.id)).all(),
    themes: db.select().from(docThemes).orderBy(asc(docThemes.id)).all(),
    answers: db.select().from(docAnswers).orderBy(asc(docAnswers.id)).all(),
    docs: db.select().from(documentations).all(),
    larpassDocs: db.select().from(larpassDocs).all(),
    attachments: db.select().from(docAttachments).all(),
    files: storedFiles(),
    revisions: db.select().from(docRevisions).all().length,
  };
}
async function unchanged<T>(fn: () => Promise<T>): Promise<T> {
  const before = snapshot();
  const r = await fn();
  expect(snapshot()).toEqual(before);
  return r;
}

type W = ReturnType<typeof world>;
const s0 = {};
/** Every organiser action, with input that would succeed for an organiser. */
const organiserCalls: Record<string, (w: W) => Promise<unknown>> = {
  "createQuestionAction": (w) => org.createQuestionAction(s0, form({ eventId: String(w.eventId), prompt: "Kapad fråga", kind: "text", about: "event" })),
  "questionOpAction": (w) => org.questionOpAction(form({ eventId: String(w.eventId), questionId: String(w.questionId), op: "delete" })),
  "enableRatingsAction": (w) => org.enableRatingsAction(form({ eventId: String(w.eventId) })),
  "saveSettingsAction": (w) => org.saveSettingsAction(s0, form({ eventId: String(w.eventId), intro: "Kapad", order1: "intro", order2: "questions", order3: "larpass", order4: "ratings" })),
  "publishAction": (w) => org.publishAction(form({ eventId: String(w.eventId), publish: "1" })),
  "moderateAction": (w) => org.moderateAction(form({ eventId: String(w.eventId), questionId: String(w.questionId), answerId: String(w.answer.id), op: "hide" })),
  "correctAnswerAction": (w) => org.correctAnswerAction(s0, form({ eventId: String(w.eventId), questionId: String(w.questionId), answerId: String(w.answer.id), text: "Kapat" })),
  "createThemeAction": (w) => org.createThemeAction(s0, form({ eventId: String(w.eventId), questionId: String(w.questionId), name: "Kapat tema" })),
  "themeOpAction": (w) => org.themeOpAction(form({ eventId: String(w.eventId), questionId: String(w.questionId), themeId: String(w.themeId), op: "delete" })),
  "pasteAnswersAction": (w) => org.pasteAnswersAction(s0, form({ eventId: String(w.eventId), questionId: String(w.questionId), text: "Kapat svar" })),
  "saveLarpassDocAsOrganiserAction": (w) => org.saveLarpassDocAsOrganiserAction(s0, form({ eventId: String(w.eventId), larpassId: String(w.mine.id), version: "0", summary: "Kapad" })),
  "uploadAttachmentAsOrganiserAction": (w) => organiserUpload({ eventId: String(w.eventId), larpassId: String(w.mine.id) }, pdfBytes(), "kapad.pdf"),
  "deleteAttachmentAsOrganiserAction": (w) => org.deleteAttachmentAsOrganiserAction(form({ eventId: String(w.eventId), larpassId: String(w.theirs.id), attachmentId: String(w.attachmentId) })),
};

describe("organiser actions", () => {
  test.each(Object.keys(organiserCalls))("%s: anonymous is sent to login, a member and a speaker get 403, nothing changes", async (name) => {
    const w = world();
    signOutAll();
    expect((await unchanged(() => outcome(() => organiserCalls[name](w)))).redirect).toMatch(/^\/logga-in\?next=/);
    for (const role of ["member", "speaker"] as const) {
      signInAs(makeUser(role));
      expect((await unchanged(() => outcome(() => organiserCalls[name](w)))).status).toBe(403);
    }
  });

  test.each(Object.keys(organiserCalls))("%s works for an organiser", async (name) => {
    const w = world();
    signInAs(makeUser("organiser"));
    // The world already asks for ratings on every lärpass; without it, switching it on makes the question.
    if (name === "enableRatingsAction") db.delete(docQuestions).where(eq(docQuestions.id, w.ratingId)).run();
    const before = snapshot();
    let r = await outcome(() => organiserCalls[name](w));
    // The paste action previews first (nothing written), and saves when the preview is confirmed.
    if (name === "pasteAnswersAction") {
      const preview = r.value as { notice?: string; values: Record<string, string> };
      expect(preview.notice).toMatch(/^Förhandsgranskning: 1 svar/);
      expect(snapshot()).toEqual(before);
      r = await outcome(() => org.pasteAnswersAction(s0, form({ eventId: String(w.eventId), questionId: String(w.questionId), text: "Kapat svar", confirm: preview.values.confirm })));
    }
    expect(r.redirect).toMatch(/^\/arrangor\/evenemang\/\d+\/dokumentation/);
    const after = snapshot();
    expect(after).not.toEqual(before);
    // "Every change in the workspace is a revision": each action that wrote also wrote one (who, what, before, after).
    expect(after.revisions, `${name} wrote no revision`).toBeGreaterThan(before.revisions);
  });

  test("a correction keeps the original in the workspace history", async () => {
    const w = world();
    signInAs(makeUser("organiser"));
    await outcome(() => organiserCalls.correctAnswerAction(w));
    expect(db.select().from(docAnswers).where(eq(docAnswers.id, w.answer.id)).get()!.text).toBe("Kapat");
    const rev = db.select().from(docRevisions).where(eq(docRevisions.what, "svar rättat")).all().at(-1)!;
    expect(rev.before).toMatchObject({ svar: "Mitt svar" });
    expect(rev.after).toMatchObject({ svar: "Kapat" });
  });

  test("the ratings CSV: 401 anonymous, 403 member, a CSV for an organiser", async () => {
    const w = world();
    const call = () => ratingsCsv(new Request("http://x/"), { params: Promise.resolve({ id: String(w.eventId) }) });
    signOutAll();
    expect((await call()).status).toBe(401);
    signInAs(makeUser("member"));
    expect((await call()).status).toBe(403);
    signInAs(makeUser("organiser"));
    const res = await call();
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Annans lärpass;1;2,0;0;1;0;0;0;Annans kommentar");
  });
});

describe("answering", () => {
  const answer = (w: W, text: string) => submitAnswersAction(s0, form({ eventId: String(w.eventId), larpassId: "", back: `/evenemang/${w.slug}/dokumentation/svara`, [`text-${w.questionId}`]: text }));

  test("anonymous cannot answer when sign-in is required", async () => {
    const w = world({ requireSignIn: true });
    signOutAll();
    const r = (await unchanged(() => outcome(() => answer(w, "Ett bra svar")))).value as { error: string; values: Record<string, string> };
    expect(r.error).toMatch(/^Logga in för att svara/);
    expect(r.values[`text-${w.questionId}`]).toBe("Ett bra svar");
  });

  test("anonymous may answer when the event allows it, without a name; empty, links and spam are refused; rate-limited", async () => {
    const w = world({ requireSignIn: false });
    signOutAll();
    setRequestHeaders({ "x-forwarded-for": `198.51.100.${w.eventId % 250}` });
    expect((await outcome(() => answer(w, "Ett bra svar"))).redirect).toBe(`/evenemang/${w.slug}/dokumentation/svara?tack=1`);
    const saved = db.select().from(docAnswers).where(eq(docAnswers.text, "Ett bra svar")).get()!;
    expect(saved.userId).toBeNull();
    expect(((await unchanged(() => outcome(() => answer(w, "   ")))).value as { error: string }).error).toBe("Skriv ett svar eller välj ett betyg innan du skickar.");
    expect(((await unchanged(() => outcome(() => answer(w, "Köp här https://spam.example")))).value as { errors: Record<string, string> }).errors[`text-${w.questionId}`]).toMatch(/länkar/);
    expect(((await unchanged(() => outcome(() => answer(w, "!!!!!!!!!!!!!!!!!!")))).value as { errors: Record<string, string> }).errors[`text-${w.questionId}`]).toMatch(/skräp/);
    for (let i = 1; i < 20; i++) await outcome(() => answer(w, `Svar nummer ${i}`));
    const r = (await unchanged(() => outcome(() => answer(w, "Ett svar för mycket")))).value as { error: string };
    expect(r.error).toMatch(/^Många svar har skickats från din anslutning/);
  });

  test("a member deletes only their own answer", async () => {
    const w = world();
    signInAs(makeUser("member"));
    const back = `/evenemang/${w.slug}/dokumentation/svara`;
    expect((await unchanged(() => outcome(() => deleteOwnAnswerAction(form({ answerId: String(w.answer.id), back }))))).redirect).toBe(`${back}?fel=svar`);
    signInAs(w.member);
    expect((await outcome(() => deleteOwnAnswerAction(form({ answerId: String(w.answer.id), back })))).redirect).toBe(`${back}?borttaget=1`);
    expect(db.select().from(docAnswers).where(eq(docAnswers.id, w.answer.id)).get()).toBeUndefined();
  });
});

describe("speakers' documentation", () => {
  const save = (larpassId: number) => saveOwnLarpassDocAction(s0, form({ larpassId: String(larpassId), version: "0", summary: "Sammanfattning", groups: "## Grupp 1\n- punkt" }));

  test("anonymous to login, a member refused, a speaker refused on another's lärpass; allowed on their own", async () => {
    const w = world();
    signOutAll();
    expect((await unchanged(() => outcome(() => save(w.mine.id)))).redirect).toMatch(/^\/logga-in/);
    signInAs(makeUser("member"));
    expect((await unchanged(() => outcome(() => save(w.mine.id)))).status).toBe(403);
    signInAs(w.me);
    expect(((await unchanged(() => outcome(() => save(w.theirs.id)))).value as { error: string }).error).toMatch(/^Du är inte talare i det här lärpasset/);
    expect((await outcome(() => save(w.mine.id))).redirect).toBe(`/mina-larpass/${w.mine.id}/dokumentation?sparat=1`);
    expect(db.select().from(larpassDocs).where(eq(larpassDocs.larpassId, w.mine.id)).get()!.groups).toEqual([{ title: "Grupp 1", points: ["punkt"] }]);
  });

  test("a speaker's changes to their section and its attachments are workspace revisions too, with the speaker as author", async () => {
    const w = world();
    signInAs(w.me);
    const count = () => db.select().from(docRevisions).where(eq(docRevisions.eventId, w.eventId)).all();
    const before = count().length;
    await outcome(() => save(w.mine.id));
    const fd = form({ larpassId: String(w.mine.id) });
    fd.append("file", new File([pdfBytes() as BlobPart], "talarens.pdf", { type: "application/pdf" }));
    await outcome(() => uploadAttachmentAction(s0, fd));
    const a = db.select().from(docAttachments).where(eq(docAttachments.larpassId, w.mine.id)).get()!;
    await outcome(() => deleteAttachmentAction(form({ larpassId: String(w.mine.id), attachmentId: String(a.id) })));
    const added = count().slice(before);
    expect(added.map((r) => r.what)).toEqual(["lärpassets dokumentation", "bilaga ny", "bilaga borttagen"]);
    expect(added.every((r) => r.authorId === w.me.id && r.authorRole === "speaker")).toBe(true);
    expect(added[0].after).toMatchObject({ lärpass: "Mitt lärpass", sammanfattning: "Sammanfattning", grupper: [{ title: "Grupp 1", points: ["punkt"] }] });
  });

  test("a speaker cannot open another lärpass's documentation page (and so its ratings)", async () => {
    const w = world();
    signInAs(w.me);
    const r = await outcome(() => OwnLarpassDocPage({ params: Promise.resolve({ id: String(w.theirs.id) }), searchParams: Promise.resolve({}) }));
    expect(r.status).toBe(403);
  });
});

describe("attachments", () => {
  const pdf = (size = 2000) => {
    const b = new Uint8Array(size);
    b.set(new TextEncoder().encode("%PDF-1.7\n"));
    return b;
  };
  const pptx = () => new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new Array(200).fill(0)]);
  const upload = (larpassId: number, bytes: Uint8Array, name: string, type = "application/pdf") => {
    const fd = form({ larpassId: String(larpassId) });
    fd.append("file", new File([bytes as BlobPart], name, { type }));
    return uploadAttachmentAction(s0, fd);
  };
  const download = (slug: string, id: number) => attachmentRoute(new Request("http://x/"), { params: Promise.resolve({ event: slug, id: String(id) }) });
  const fieldError = (r: { value?: unknown }) => (r.value as { errors?: Record<string, string> }).errors?.file;

  test("anonymous to login, a member 403, a speaker refused on another's lärpass: nothing stored", async () => {
    const w = world();
    signOutAll();
    expect((await unchanged(() => outcome(() => upload(w.mine.id, pdf(), "bilder.pdf")))).redirect).toBe(`/logga-in?next=${encodeURIComponent(`/mina-larpass/${w.mine.id}/dokumentation`)}`);
    signInAs(makeUser("member"));
    expect((await unchanged(() => outcome(() => upload(w.mine.id, pdf(), "bilder.pdf")))).status).toBe(403);
    signInAs(w.me);
    expect(((await unchanged(() => outcome(() => upload(w.theirs.id, pdf(), "bilder.pdf")))).value as { error: string }).error).toMatch(/^Du är inte talare i det här lärpasset/);
  });

  test("a wrong type or a too large file is refused beside the field and nothing is stored", async () => {
    const w = world();
    signInAs(w.me);
    // A text file named .pdf, an executable, a zip file that claims to be a PDF, one byte over 10 MB.
    expect(fieldError(await unchanged(() => outcome(() => upload(w.mine.id, new TextEncoder().encode("inte en pdf"), "bilder.pdf"))))).toMatch(/^Bara PDF, PowerPoint/);
    expect(fieldError(await unchanged(() => outcome(() => upload(w.mine.id, new Uint8Array([0x4d, 0x5a, 0x90, 0]), "program.exe", "application/octet-stream"))))).toMatch(/^Bara PDF/);
    expect(fieldError(await unchanged(() => outcome(() => upload(w.mine.id, pptx(), "bilder.pdf"))))).toMatch(/^Bara PDF/);
    expect(fieldError(await unchanged(() => outcome(() => upload(w.mine.id, pdf(10 * 1024 * 1024 + 1), "stor.pdf"))))).toBe("Filen är för stor: högst 10 MB.");
    expect(fieldError(await unchanged(() => outcome(() => upload(w.mine.id, new Uint8Array(0), "tom.pdf"))))).toBe("Välj en fil att ladda upp.");
  });

  test("an unpublished documentation's attachment is 404 for everyone; once published, served with its type and name", async () => {
    const w = world();
    signInAs(w.me);
    const before = storedFiles().length;
    expect((await outcome(() => upload(w.mine.id, pdf(10 * 1024 * 1024), "Bildspel ö.pdf"))).redirect).toBe(`/mina-larpass/${w.mine.id}/dokumentation?sparat=bilaga#bilagor`);
    expect((await outcome(() => upload(w.mine.id, pptx(), "Presentation.pptx", "application/octet-stream"))).redirect).toMatch(/sparat=bilaga/);
    expect(storedFiles().length).toBe(before + 2);
    const [a, b] = db.select().from(docAttachments).where(eq(docAttachments.larpassId, w.mine.id)).orderBy(asc(docAttachments.id)).all();
    expect([a.mime, a.size, b.mime]).toEqual(["application/pdf", 10 * 1024 * 1024, "application/vnd.openxmlformats-officedocument.presentationml.presentation"]);
    signOutAll();
    expect((await download(w.slug, a.id)).status).toBe(404);
    signInAs(makeUser("organiser"));
    expect((await download(w.slug, a.id)).status).toBe(404);
    setPublished({ eventId: w.eventId, author, published: true });
    signOutAll();
    expect((await download("ett-annat-evenemang", a.id)).status).toBe(404);
    const res = await download(w.slug, a.id);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toBe(`inline; filename="Bildspel _.pdf"; filename*=UTF-8''Bildspel%20%C3%B6.pdf`);
    expect((await res.arrayBuffer()).byteLength).toBe(10 * 1024 * 1024);
    const ppt = await download(w.slug, b.id);
    expect(ppt.headers.get("content-disposition")).toMatch(/^attachment; filename="Presentation\.pptx"/);
  });

  test("a speaker deletes only their own lärpass's attachment, and its file goes with it", async () => {
    const w = world();
    signInAs(w.me);
    await outcome(() => upload(w.mine.id, pdf(), "a.pdf"));
    const a = db.select().from(docAttachments).where(eq(docAttachments.larpassId, w.mine.id)).get()!;
    expect(storedFiles()).toContain(a.storedName);
    signInAs(w.other);
    expect((await unchanged(() => outcome(() => deleteAttachmentAction(form({ larpassId: String(w.mine.id), attachmentId: String(a.id) }))))).redirect).toMatch(/fel=bilaga/);
    signInAs(w.me);
    expect((await outcome(() => deleteAttachmentAction(form({ larpassId: String(w.mine.id), attachmentId: String(a.id) })))).redirect).toMatch(/sparat=bilaga-borttagen/);
    expect(db.select().from(docAttachments).where(eq(docAttachments.id, a.id)).get()).toBeUndefined();
    expect(storedFiles()).not.toContain(a.storedName);
  });
});

describe("the workspace history page", () => {
  test("anonymous to login, a member and a speaker 403", async () => {
    const w = world();
    const open = () => outcome(() => DocumentationHistoryPage({ params: Promise.resolve({ id: String(w.eventId) }), searchParams: Promise.resolve({}) }));
    signOutAll();
    expect((await open()).redirect).toMatch(/^\/logga-in/);
    for (const role of ["member", "speaker"] as const) {
      signInAs(makeUser(role));
      expect((await open()).status).toBe(403);
    }
  });
});

describe("organisers' attachments", () => {
  test("an organiser adds and removes attachments on any lärpass of the page's event, and a revision says so", async () => {
    const w = world();
    signInAs(makeUser("organiser"));
    const before = storedFiles().length;
    expect((await outcome(() => organiserUpload({ eventId: String(w.eventId), larpassId: String(w.mine.id) }, pdfBytes(), "program.pdf"))).redirect).toBe(
      `/arrangor/evenemang/${w.eventId}/dokumentation/larpass/${w.mine.id}?sparat=bilaga#bilagor`,
    );
    const a = db.select().from(docAttachments).where(eq(docAttachments.larpassId, w.mine.id)).get()!;
    expect([a.name, a.mime, storedFiles().length]).toEqual(["program.pdf", "application/pdf", before + 1]);
    expect(db.select().from(docRevisions).where(eq(docRevisions.what, "bilaga ny")).all().at(-1)!.after).toEqual({ lärpass: "Mitt lärpass", bilaga: "program.pdf" });
    const r = await outcome(() => org.deleteAttachmentAsOrganiserAction(form({ eventId: String(w.eventId), larpassId: String(w.mine.id), attachmentId: String(a.id) })));
    expect(r.redirect).toBe(`/arrangor/evenemang/${w.eventId}/dokumentation/larpass/${w.mine.id}?sparat=bilaga-borttagen#bilagor`);
    expect(db.select().from(docAttachments).where(eq(docAttachments.id, a.id)).get()).toBeUndefined();
    expect(storedFiles()).not.toContain(a.storedName);
  });

  test("a wrong type, a too large file, or a lärpass of another event is refused and nothing is stored", async () => {
    const w = world();
    const elsewhere = world();
    signInAs(makeUser("organiser"));
    const fields = { eventId: String(w.eventId), larpassId: String(w.mine.id) };
    const fileError = (r: { value?: unknown }) => (r.value as { errors?: Record<string, string> }).errors?.file;
    expect(fileError(await unchanged(() => outcome(() => organiserUpload(fields, new TextEncoder().encode("inte en pdf"), "bilder.pdf"))))).toMatch(/^Bara PDF, PowerPoint/);
    expect(fileError(await unchanged(() => outcome(() => organiserUpload(fields, pdfBytes(10 * 1024 * 1024 + 1), "stor.pdf"))))).toBe("Filen är för stor: högst 10 MB.");
    // The other event's lärpass under this event's page: refused, like an id that does not exist.
    const other = { eventId: String(w.eventId), larpassId: String(elsewhere.mine.id) };
    expect(((await unchanged(() => outcome(() => organiserUpload(other, pdfBytes(), "fel.pdf")))).value as { error: string }).error).toBe("Lärpasset finns inte.");
    // Removing another event's attachment through this event's page does nothing.
    const del = form({ eventId: String(w.eventId), larpassId: String(w.mine.id), attachmentId: String(elsewhere.attachmentId) });
    expect((await unchanged(() => outcome(() => org.deleteAttachmentAsOrganiserAction(del)))).redirect).toMatch(/fel=bilaga/);
  });
});

describe("the public documentation", () => {
  test("404 for the .docx and Markdown until published, then served", async () => {
    const w = world();
    signOutAll();
    const p = { params: Promise.resolve({ event: w.slug }) };
    expect((await docx(new Request("http://x/"), p)).status).toBe(404);
    expect((await markdown(new Request("http://x/"), { params: Promise.resolve({ event: w.slug }) })).status).toBe(404);
    setPublished({ eventId: w.eventId, author, published: true });
    const res = await docx(new Request("http://x/"), { params: Promise.resolve({ event: w.slug }) });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("wordprocessingml");
    const md = await (await markdown(new Request("http://x/"), { params: Promise.resolve({ event: w.slug }) })).text();
    expect(md).toContain("- Mitt svar");
    expect(md).not.toContain(w.member.email!);
  });
});

describe("the policy table", () => {
  test("the workspace's actions are organiser-only on any row; the CSV asks the same kind of rule", () => {
    for (const name of Object.keys(organiserCalls)) {
      const key = ruleOf(org[name as keyof typeof org]);
      expect(key, name).toMatch(/^documentation\./);
      expect(policy[key!], name).toEqual({ who: "organiser", rows: "any" });
    }
    expect(policy["documentation.ratings-csv"]).toEqual({ who: "organiser", rows: "any" });
  });

  test("a speaker's section is own-larpass, a member's answers own-account, answering public with a reason", () => {
    expect(ruleOf(saveOwnLarpassDocAction)).toBe("own-larpass.save-documentation");
    expect(policy["own-larpass.save-documentation"]).toEqual({ who: "speaker", rows: "own-larpass" });
    expect(ruleOf(uploadAttachmentAction)).toBe("own-larpass.add-attachment");
    expect(ruleOf(deleteAttachmentAction)).toBe("own-larpass.delete-attachment");
    for (const k of ["own-larpass.add-attachment", "own-larpass.delete-attachment"] as const) expect(policy[k]).toEqual({ who: "speaker", rows: "own-larpass" });
    expect(ruleOf(deleteOwnAnswerAction)).toBe("documentation.delete-own-answer");
    expect(policy["documentation.delete-own-answer"]).toEqual({ who: "member", rows: "own-account" });
    expect(ruleOf(submitAnswersAction)).toBe("documentation.answer");
    expect(policy["documentation.answer"]).toMatchObject({ who: "anyone", rows: "own-account", why: expect.stringMatching(/sign-in/) });
  });
});

describe("coverage", () => {
  test("every documentation action and route handler is in this file", async () => {
    const found = await listEndpoints(["app/arrangor/evenemang/[id]/dokumentation", "app/evenemang/[event]/dokumentation", "app/mina-larpass/[id]/dokumentation"]);
    expect(found).toEqual(
      [
        ...Object.keys(organiserCalls).map((k) => `app/arrangor/evenemang/[id]/dokumentation/actions.ts#${k}`),
        "app/arrangor/evenemang/[id]/dokumentation/betyg.csv/route.ts#GET",
        "app/evenemang/[event]/dokumentation/actions.ts#deleteOwnAnswerAction",
        "app/evenemang/[event]/dokumentation/actions.ts#submitAnswersAction",
        "app/evenemang/[event]/dokumentation/dokumentation.docx/route.ts#GET",
        "app/evenemang/[event]/dokumentation/dokumentation.md/route.ts#GET",
        "app/mina-larpass/[id]/dokumentation/actions.ts#saveOwnLarpassDocAction",
        "app/mina-larpass/[id]/dokumentation/actions.ts#uploadAttachmentAction",
        "app/mina-larpass/[id]/dokumentation/actions.ts#deleteAttachmentAction",
        "app/evenemang/[event]/dokumentation/bilagor/[id]/route.ts#GET",
      ].sort(),
    );
  });
});

describe("action modules", () => {
  test("no documentation action calls into a 'use client' module (Next refuses that at run time: a 500)", async () => {
    const fs = await import("node:fs");
    const path = await import("node:path");
    const root = path.resolve(__dirname, "../../../..");
    const files = [
      "app/arrangor/evenemang/[id]/dokumentation/actions.ts",
      "app/evenemang/[event]/dokumentation/actions.ts",
      "app/mina-larpass/[id]/dokumentation/actions.ts",
    ];
    for (const f of files) {
      const text = fs.readFileSync(path.join(root, f), "utf8");
      for (const m of text.matchAll(/^import (?!type )[^;]*? from "@\/([^"]+)";/gm)) {
        const base = path.join(root, m[1]);
        const target = [".ts", ".tsx", "/index.ts"].map((x) => base + x).find((p) => fs.existsSync(p));
        if (!target) continue;
        expect(/^(['"])use client\1/.test(fs.readFileSync(target, "utf8").trimStart()), `${f} imports a value from the client module ${m[1]}`).toBe(false);
      }
    }
  });
});
