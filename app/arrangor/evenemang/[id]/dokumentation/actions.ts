"use server";

import { createHash } from "node:crypto";
import { redirect } from "next/navigation";
import { z } from "zod";
import { serverAction } from "@/lib/action";
import { refusedState, type DocFormState } from "@/lib/documentation/form-state";
import type { DocumentationSection } from "@/lib/domain";
import { parsePastedAnswers } from "@/lib/documentation/rules";
import {
  createQuestion,
  createTheme,
  deleteQuestion,
  deleteTheme,
  enableRatingForEveryLarpass,
  moderateAnswer,
  moveQuestion,
  moveTheme,
  pasteAnswers,
  renameTheme,
  saveSettings,
  setPublished,
} from "@/lib/documentation/workspace";
import { addAttachment, deleteAttachment, readUploadedFile } from "@/lib/documentation/attachments";
import { saveLarpassDoc } from "@/lib/documentation/larpass-doc";
import { parseLarpassDocForm } from "@/lib/documentation/larpass-doc-form";
import { authorOf } from "@/lib/revisions";
import { zonedToUtc } from "@/lib/time";

// Every action goes through the pipeline (lib/action.ts) under its policy rule (lib/policy.ts, organisers,
// rows "any"): the caller is checked before the form is read, then zod, then one lib call that checks, in
// its transaction, that the row belongs to the event. Ids travel in hidden fields (see the README on bound
// actions without JS); the event id names the login page's way back, never who may do what.

const id = z.coerce.number().int().positive();
const base = (eventId: unknown) => `/arrangor/evenemang/${id.safeParse(eventId).data ?? ""}/dokumentation`;
const str = (fd: FormData, k: string) => String(fd.get(k) ?? "");
/**
 * A query part that differs on every save. With JavaScript, Next follows an action's redirect by URL: a
 * redirect to the page's own address that differs only after "#" (the answer just moved, then the next one)
 * left the page as it was. The answers' and themes' buttons are pressed many times in a row.
 */
const fresh = () => `&n=${Date.now().toString(36)}`;

const questionSchema = z.object({
  eventId: id,
  prompt: z.string().trim().min(1, "Skriv frågan.").max(300, "Frågan får vara högst 300 tecken."),
  kind: z.enum(["text", "rating"], { message: "Välj typ av fråga." }),
  about: z.string().regex(/^(event|every-larpass|larpass-\d+)$/, "Välj vad frågan gäller."),
});

export const createQuestionAction = serverAction("documentation.create-question", {
  run: async (user, _prev: DocFormState, fd: FormData): Promise<DocFormState> => {
    const p = questionSchema.safeParse({
      eventId: fd.get("eventId"),
      prompt: str(fd, "prompt"),
      kind: str(fd, "kind"),
      about: str(fd, "about"),
    });
    if (!p.success) {
      const errors = Object.fromEntries(p.error.issues.map((i) => [String(i.path[0]), i.message]));
      return refusedState(fd, "Frågan är inte sparad.", errors);
    }
    const scope = p.data.about.startsWith("larpass-") ? "larpass" : (p.data.about as "event" | "every-larpass");
    const r = createQuestion({
      eventId: p.data.eventId,
      author: authorOf(user),
      scope,
      larpassId: scope === "larpass" ? Number(p.data.about.slice(8)) : null,
      kind: p.data.kind,
      prompt: p.data.prompt,
    });
    if (!r.ok)
      return refusedState(
        fd,
        r.message,
        r.field ? { [r.field === "larpassId" ? "about" : r.field]: r.message } : undefined,
      );
    redirect(`${base(p.data.eventId)}?sparat=fraga`);
  },
  returnTo: (_prev, fd) => base(fd.get("eventId")),
});

export const questionOpAction = serverAction("documentation.edit-question", {
  run: async (user, fd: FormData): Promise<void> => {
    const eventId = id.safeParse(fd.get("eventId"));
    const questionId = id.safeParse(fd.get("questionId"));
    const op = z.enum(["up", "down", "delete"]).safeParse(fd.get("op"));
    if (!eventId.success || !questionId.success || !op.success) redirect(`${base(fd.get("eventId"))}?fel=ogiltigt`);
    const args = { eventId: eventId.data, author: authorOf(user), questionId: questionId.data };
    const r = op.data === "delete" ? deleteQuestion(args) : moveQuestion({ ...args, direction: op.data });
    redirect(`${base(eventId.data)}?${r.ok ? "sparat=fragor" : "fel=borta"}${fresh()}#fragor`);
  },
  returnTo: (fd) => base(fd.get("eventId")),
});

export const enableRatingsAction = serverAction("documentation.enable-ratings", {
  run: async (user, fd: FormData): Promise<void> => {
    const eventId = id.safeParse(fd.get("eventId"));
    if (!eventId.success) redirect("/arrangor");
    enableRatingForEveryLarpass({ eventId: eventId.data, author: authorOf(user) });
    redirect(`${base(eventId.data)}?sparat=betyg#fragor`);
  },
  returnTo: (fd) => base(fd.get("eventId")),
});

function localTime(value: string, timeZone = "Europe/Stockholm"): Date | null | "bad" {
  if (!value) return null;
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/.exec(value);
  return m ? zonedToUtc(m[1], m[2], timeZone) : "bad";
}

export const saveSettingsAction = serverAction("documentation.save-settings", {
  run: async (user, _prev: DocFormState, fd: FormData): Promise<DocFormState> => {
    const eventId = id.safeParse(fd.get("eventId"));
    if (!eventId.success) return refusedState(fd, "Evenemanget finns inte.");
    const intro = str(fd, "intro");
    if (intro.length > 20000) return refusedState(fd, "Inledningen är för lång.", { intro: "Högst 20 000 tecken." });
    const order = [1, 2, 3, 4].map((n) => str(fd, `order${n}`)) as DocumentationSection[];
    if (new Set(order).size !== 4)
      return refusedState(fd, "Välj varje del en gång i ordningen.", { order1: "Varje del ska finnas med en gång." });
    const opens = localTime(str(fd, "answersOpenAt"));
    const closes = localTime(str(fd, "answersCloseAt"));
    if (opens === "bad")
      return refusedState(fd, "Skriv datum och tid.", {
        answersOpenAt: "Skriv datum och tid, t.ex. 2018-03-15 09:00.",
      });
    if (closes === "bad")
      return refusedState(fd, "Skriv datum och tid.", {
        answersCloseAt: "Skriv datum och tid, t.ex. 2018-03-29 23:59.",
      });
    const r = saveSettings({
      eventId: eventId.data,
      author: authorOf(user),
      settings: {
        intro,
        sectionOrder: order,
        includeRatings: fd.get("includeRatings") === "1",
        requireSignIn: fd.get("requireSignIn") === "1",
        answersOpenAt: opens,
        answersCloseAt: closes,
      },
    });
    if (!r.ok) return refusedState(fd, r.message, r.field ? { [r.field]: r.message } : undefined);
    redirect(`${base(eventId.data)}?sparat=installningar`);
  },
  returnTo: (_prev, fd) => base(fd.get("eventId")),
});

export const publishAction = serverAction("documentation.publish", {
  run: async (user, fd: FormData): Promise<void> => {
    const eventId = id.safeParse(fd.get("eventId"));
    if (!eventId.success) redirect("/arrangor");
    setPublished({ eventId: eventId.data, author: authorOf(user), published: fd.get("publish") === "1" });
    redirect(`${base(eventId.data)}?sparat=${fd.get("publish") === "1" ? "publicerad" : "avpublicerad"}`);
  },
  returnTo: (fd) => base(fd.get("eventId")),
});

const questionPage = (eventId: number, questionId: number) =>
  `/arrangor/evenemang/${eventId}/dokumentation/fragor/${questionId}`;

/** Hide/show, quote/unquote, or "flytta till tema" (themeId, empty for none) for one answer. */
export const moderateAction = serverAction("documentation.moderate-answer", {
  run: async (user, fd: FormData): Promise<void> => {
    const eventId = id.safeParse(fd.get("eventId"));
    const questionId = id.safeParse(fd.get("questionId"));
    const answerId = id.safeParse(fd.get("answerId"));
    const op = z.enum(["hide", "show", "quote", "unquote", "theme"]).safeParse(fd.get("op"));
    if (!eventId.success || !questionId.success || !answerId.success || !op.success)
      redirect(`${base(fd.get("eventId"))}?fel=ogiltigt`);
    const theme = str(fd, "themeId");
    const themeId = theme ? id.safeParse(theme) : { success: true as const, data: null };
    if (!themeId.success) redirect(`${questionPage(eventId.data, questionId.data)}?fel=tema`);
    const change =
      op.data === "hide" || op.data === "show"
        ? { kind: "hide" as const, hidden: op.data === "hide" }
        : op.data === "quote" || op.data === "unquote"
          ? { kind: "quote" as const, quote: op.data === "quote" }
          : { kind: "theme" as const, themeId: themeId.data };
    const r = moderateAnswer({ eventId: eventId.data, author: authorOf(user), answerId: answerId.data, change });
    redirect(
      `${questionPage(eventId.data, questionId.data)}?${r.ok ? "sparat=svar" : "fel=svar"}${fresh()}#svar-${answerId.data}`,
    );
  },
  returnTo: (fd) => base(fd.get("eventId")),
});

export const correctAnswerAction = serverAction("documentation.correct-answer", {
  run: async (user, _prev: DocFormState, fd: FormData): Promise<DocFormState> => {
    const eventId = id.safeParse(fd.get("eventId"));
    const questionId = id.safeParse(fd.get("questionId"));
    const answerId = id.safeParse(fd.get("answerId"));
    if (!eventId.success || !questionId.success || !answerId.success)
      return refusedState(fd, "Formuläret är ogiltigt. Ladda om sidan.");
    const text = str(fd, "text");
    if (text.length > 2000) return refusedState(fd, "Svaret är för långt.", { text: "Högst 2000 tecken." });
    const r = moderateAnswer({
      eventId: eventId.data,
      author: authorOf(user),
      answerId: answerId.data,
      change: { kind: "correct", text },
    });
    if (!r.ok) return refusedState(fd, r.message, r.field ? { [r.field]: r.message } : undefined);
    redirect(`${questionPage(eventId.data, questionId.data)}?sparat=rattat${fresh()}#svar-${answerId.data}`);
  },
  returnTo: (_prev, fd) => base(fd.get("eventId")),
});

const themeName = z.string().trim().min(1, "Skriv temats namn.").max(200, "Högst 200 tecken.");

export const createThemeAction = serverAction("documentation.create-theme", {
  run: async (user, _prev: DocFormState, fd: FormData): Promise<DocFormState> => {
    const eventId = id.safeParse(fd.get("eventId"));
    const questionId = id.safeParse(fd.get("questionId"));
    if (!eventId.success || !questionId.success) return refusedState(fd, "Formuläret är ogiltigt. Ladda om sidan.");
    const name = themeName.safeParse(str(fd, "name"));
    if (!name.success) return refusedState(fd, "Temat är inte sparat.", { name: name.error.issues[0].message });
    const r = createTheme({
      eventId: eventId.data,
      author: authorOf(user),
      questionId: questionId.data,
      name: name.data,
    });
    if (!r.ok) return refusedState(fd, r.message, r.field ? { [r.field]: r.message } : undefined);
    redirect(`${questionPage(eventId.data, questionId.data)}?sparat=tema${fresh()}#teman`);
  },
  returnTo: (_prev, fd) => base(fd.get("eventId")),
});

export const themeOpAction = serverAction("documentation.edit-theme", {
  run: async (user, fd: FormData): Promise<void> => {
    const eventId = id.safeParse(fd.get("eventId"));
    const questionId = id.safeParse(fd.get("questionId"));
    const themeId = id.safeParse(fd.get("themeId"));
    const op = z.enum(["up", "down", "delete", "rename"]).safeParse(fd.get("op"));
    if (!eventId.success || !questionId.success || !themeId.success || !op.success)
      redirect(`${base(fd.get("eventId"))}?fel=ogiltigt`);
    const args = { eventId: eventId.data, author: authorOf(user), themeId: themeId.data };
    let ok = true;
    if (op.data === "delete") ok = deleteTheme(args).ok;
    else if (op.data === "rename") {
      const name = themeName.safeParse(str(fd, "name"));
      ok = name.success && renameTheme({ ...args, name: name.data }).ok;
    } else ok = moveTheme({ ...args, direction: op.data }).ok;
    redirect(`${questionPage(eventId.data, questionId.data)}?${ok ? "sparat=tema" : "fel=tema"}${fresh()}#teman`);
  },
  returnTo: (fd) => base(fd.get("eventId")),
});

const digest = (text: string) => createHash("sha256").update(text).digest("hex").slice(0, 16);

/**
 * Answers pasted in, one per line: the first press shows a preview (how many answers, under which themes),
 * the second saves exactly the previewed text (a changed text gets a new preview instead).
 */
export const pasteAnswersAction = serverAction("documentation.paste-answers", {
  run: async (user, _prev: DocFormState, fd: FormData): Promise<DocFormState> => {
    const eventId = id.safeParse(fd.get("eventId"));
    const questionId = id.safeParse(fd.get("questionId"));
    if (!eventId.success || !questionId.success) return refusedState(fd, "Formuläret är ogiltigt. Ladda om sidan.");
    const text = str(fd, "text");
    if (text.length > 200_000)
      return refusedState(fd, "Texten är för lång.", { text: "Högst 200 000 tecken åt gången." });
    const rawLarpass = str(fd, "larpassId");
    const larpassId = rawLarpass ? id.safeParse(rawLarpass) : { success: true as const, data: null };
    if (!larpassId.success) return refusedState(fd, "Välj ett lärpass.", { larpassId: "Välj ett lärpass." });
    const preview = parsePastedAnswers(text);
    if (preview.answers.length === 0)
      return refusedState(fd, "Klistra in minst ett svar (ett per rad).", { text: "Inga svar hittades i texten." });
    if (str(fd, "confirm") !== digest(text)) {
      const themes = preview.themes.map((t) => `${t} (${preview.answers.filter((a) => a.theme === t).length})`);
      const loose = preview.answers.filter((a) => !a.theme).length;
      const state = refusedState(fd, "");
      return {
        ...state,
        error: undefined,
        values: { ...state.values, confirm: digest(text) },
        notice: `Förhandsgranskning: ${preview.answers.length} svar${themes.length ? ` i teman: ${themes.join(", ")}` : ""}${loose && themes.length ? `, ${loose} utan tema` : ""}. Första svaret: "${preview.answers[0].text}". Klicka på Spara inklistrade svar igen för att spara.`,
      };
    }
    const r = pasteAnswers({
      eventId: eventId.data,
      author: authorOf(user),
      questionId: questionId.data,
      larpassId: larpassId.data,
      text,
    });
    if (!r.ok) return refusedState(fd, r.message, r.field ? { [r.field]: r.message } : undefined);
    redirect(`${questionPage(eventId.data, questionId.data)}?sparat=inklistrat&antal=${r.answers}`);
  },
  returnTo: (_prev, fd) => base(fd.get("eventId")),
});

/** An organiser edits any lärpass's documentation section (the lärpass must belong to the page's event). */
export const saveLarpassDocAsOrganiserAction = serverAction("documentation.edit-larpass-section", {
  run: async (user, _prev: DocFormState, fd: FormData): Promise<DocFormState> => {
    const p = parseLarpassDocForm(fd);
    if (!p.ok) return refusedState(fd, p.message, p.errors);
    if (p.eventId == null) return refusedState(fd, "Formuläret är ogiltigt. Ladda om sidan.");
    const r = saveLarpassDoc({
      larpassId: p.larpassId,
      eventId: p.eventId,
      userId: user.id,
      rows: "any", // policy "documentation.edit-larpass-section": organisers, any lärpass of the event
      author: authorOf(user),
      expectedVersion: p.version,
      input: p.input,
    });
    if (!r.ok) return refusedState(fd, r.message);
    redirect(`${base(p.eventId)}/larpass/${p.larpassId}?sparat=1`);
  },
  returnTo: (_prev, fd) => base(fd.get("eventId")),
});

const sectionPage = (fd: FormData) => {
  const eventId = id.safeParse(fd.get("eventId"));
  const larpassId = id.safeParse(fd.get("larpassId"));
  return eventId.success && larpassId.success ? `${base(eventId.data)}/larpass/${larpassId.data}` : base(fd.get("eventId"));
};

/**
 * An organiser adds an attachment to any lärpass of the page's event: the speakers' rules (size checked
 * before the file is read, type from its first bytes, nothing stored on refusal), rows "any" within the event.
 */
export const uploadAttachmentAsOrganiserAction = serverAction("documentation.add-attachment", {
  run: async (user, _prev: DocFormState, fd: FormData): Promise<DocFormState> => {
    const eventId = id.safeParse(fd.get("eventId"));
    const larpassId = id.safeParse(fd.get("larpassId"));
    if (!eventId.success || !larpassId.success) return refusedState(fd, "Formuläret är ogiltigt. Ladda om sidan.");
    const file = await readUploadedFile(fd.get("file"));
    if (!file.ok) return refusedState(fd, "Bilagan är inte sparad.", { file: file.problem });
    const r = addAttachment({
      larpassId: larpassId.data,
      eventId: eventId.data,
      name: file.name,
      bytes: file.bytes,
      userId: user.id,
      rows: "any", // policy "documentation.add-attachment": organisers, any lärpass of the event
      author: authorOf(user),
    });
    if (!r.ok) return refusedState(fd, r.message, r.field ? { [r.field]: r.message } : undefined);
    redirect(`${sectionPage(fd)}?sparat=bilaga#bilagor`);
  },
  returnTo: (_prev, fd) => sectionPage(fd),
});

/** An organiser removes an attachment of a lärpass of the page's event. */
export const deleteAttachmentAsOrganiserAction = serverAction("documentation.delete-attachment", {
  run: async (user, fd: FormData): Promise<void> => {
    const eventId = id.safeParse(fd.get("eventId"));
    const attachmentId = id.safeParse(fd.get("attachmentId"));
    const r =
      eventId.success && attachmentId.success
        ? deleteAttachment({ attachmentId: attachmentId.data, eventId: eventId.data, userId: user.id, rows: "any", author: authorOf(user) })
        : { ok: false as const };
    redirect(`${sectionPage(fd)}?${r.ok ? "sparat=bilaga-borttagen" : "fel=bilaga"}#bilagor`);
  },
  returnTo: (fd) => sectionPage(fd),
});
