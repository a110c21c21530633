"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { refusedState, type DocFormState } from "@/lib/documentation/form-state";
import { getCurrentUser } from "@/lib/auth/current-user";
import { deleteOwnAnswer, submitAnswers, type AnswerEntry } from "@/lib/documentation/answers";

const id = z.coerce.number().int().positive();

function clientKey(h: Headers): string {
  return h.get("x-forwarded-for")?.split(",").at(-1)?.trim() || h.get("x-real-ip") || "okänd";
}

/**
 * A member's (or, when the event allows it, an anonymous visitor's) answers to one page's questions. Who may
 * answer is decided in submitAnswers from the session: sign-in required per event, window, rate limit.
 * Fields: eventId, larpassId (empty for the event's own questions), back (the page), text-<id>, rating-<id>.
 */
export async function submitAnswersAction(_prev: DocFormState, formData: FormData): Promise<DocFormState> {
  const user = await getCurrentUser();
  const event = id.safeParse(formData.get("eventId"));
  const rawLarpass = formData.get("larpassId");
  const larpass = rawLarpass ? id.safeParse(rawLarpass) : { success: true as const, data: null };
  const back = String(formData.get("back") ?? "");
  if (!event.success || !larpass.success || !/^\/evenemang\/[^/]+\/dokumentation\/svara(\/[^/?#]+)?$/.test(back)) {
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
}

/** A signed-in member deletes one of their own answers (the id of anyone else's answer does nothing). */
export async function deleteOwnAnswerAction(formData: FormData): Promise<void> {
  const back = String(formData.get("back") ?? "");
  const safeBack = /^\/evenemang\/[^/]+\/dokumentation\/svara(\/[^/?#]+)?$/.test(back) ? back : "/";
  const user = await getCurrentUser();
  if (!user) redirect(`/logga-in?next=${encodeURIComponent(safeBack)}`);
  const answer = id.safeParse(formData.get("answerId"));
  const r = answer.success ? deleteOwnAnswer({ userId: user.id, answerId: answer.data }) : { ok: false };
  redirect(`${safeBack}?${r.ok ? "borttaget=1" : "fel=svar"}`);
}
