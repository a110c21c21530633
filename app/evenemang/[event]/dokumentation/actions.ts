"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { refusedState, type DocFormState } from "@/lib/documentation/form-state";
import { serverAction } from "@/lib/action";
import { deleteOwnAnswer, submitAnswers, type AnswerEntry } from "@/lib/documentation/answers";

const id = z.coerce.number().int().positive();

function clientKey(h: Headers): string {
  return h.get("x-forwarded-for")?.split(",").at(-1)?.trim() || h.get("x-real-ip") || "okänd";
}

const answerPage = /^\/evenemang\/[^/]+\/dokumentation\/svara(\/[^/?#]+)?$/;
/** The answer page the form came from, or "/" for anything else (never a redirect elsewhere). */
const backOf = (formData: FormData) => {
  const back = String(formData.get("back") ?? "");
  return answerPage.test(back) ? back : "/";
};

/**
 * A member's (or, when the event allows it, an anonymous visitor's) answers to one page's questions. A public
 * rule (lib/policy.ts "documentation.answer"): whether this event needs sign-in is decided in submitAnswers
 * from the session, with the window and the rate limit. The answer belongs to the session's account (or to
 * no one); no user id is read from the form.
 * Fields: eventId, larpassId (empty for the event's own questions), back (the page), text-<id>, rating-<id>.
 */
export const submitAnswersAction = serverAction("documentation.answer", {
  run: async (user, _prev: DocFormState, formData: FormData): Promise<DocFormState> => {
    const event = id.safeParse(formData.get("eventId"));
    const rawLarpass = formData.get("larpassId");
    const larpass = rawLarpass ? id.safeParse(rawLarpass) : { success: true as const, data: null };
    const back = String(formData.get("back") ?? "");
    if (!event.success || !larpass.success || !answerPage.test(back)) {
      return refusedState(formData, "Formuläret är ogiltigt. Ladda om sidan.");
    }
    const entries = new Map<number, AnswerEntry>();
    for (const [key, value] of formData.entries()) {
      const m = /^(text|rating)-(\d+)$/.exec(key);
      if (!m || typeof value !== "string") continue;
      const qid = Number(m[2]);
      const e = entries.get(qid) ?? { questionId: qid, text: "", rating: null };
      if (m[1] === "text") e.text = value;
      else e.rating = value ? Number(value) : null;
      entries.set(qid, e);
    }
    const result = submitAnswers({
      eventId: event.data,
      larpassId: larpass.data,
      userId: user?.id ?? null,
      clientKey: clientKey(await headers()),
      entries: [...entries.values()],
    });
    if (!result.ok) {
      const errors = Object.fromEntries(Object.entries(result.errors ?? {}).map(([q, msg]) => [`text-${q}`, msg]));
      return refusedState(formData, result.message, errors);
    }
    redirect(`${back}?tack=${result.saved}`);
  },
  returnTo: (_prev, formData) => backOf(formData),
});

/** A signed-in member deletes one of their own answers (the id of anyone else's answer does nothing). */
export const deleteOwnAnswerAction = serverAction("documentation.delete-own-answer", {
  run: async (user, formData: FormData): Promise<void> => {
    const back = backOf(formData);
    const answer = id.safeParse(formData.get("answerId"));
    const r = answer.success ? deleteOwnAnswer({ userId: user.id, answerId: answer.data }) : { ok: false };
    redirect(`${back}?${r.ok ? "borttaget=1" : "fel=svar"}`);
  },
  returnTo: (formData) => backOf(formData),
});
