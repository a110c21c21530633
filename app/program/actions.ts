"use server";

import { redirect } from "next/navigation";
import { serverAction } from "@/lib/action";
import { signupAnswer, signupAnswerResult, type SignupAnswer } from "@/lib/signup-answer";
import type { SignupResult } from "@/lib/signup-answer";
import { safeReturnPath } from "@/lib/validation/auth";

/**
 * Choose / leave buttons on the programme, event, lärpass and Mitt program pages (components/signup-control.tsx,
 * through useActionState). The lärpass id travels in the form's `larpassId` field.
 *
 * - With JavaScript the form also carries `js=1`: the action answers with the exact state of the cards it
 *   changed (SignupResult) and the page updates those cards. Nothing is re-rendered.
 * - Without JavaScript (no `js` field) the outcome travels back as a short code in the URL of the page the
 *   button was on, which the browser loads again, and the card shows it next to the button.
 */
function back(returnTo: string, larpassId: number, code: string, extra: Record<string, string> = {}): never {
  const url = new URL(returnTo, "http://x");
  for (const key of ["anmalan", "lp", "pos"]) url.searchParams.delete(key);
  url.searchParams.set("anmalan", code);
  url.searchParams.set("lp", String(larpassId));
  for (const [k, v] of Object.entries(extra)) url.searchParams.set(k, v);
  redirect(`${url.pathname}${url.search}#lp-${larpassId}`);
}

/** Where the caller goes back to: the page the button was on (local paths only). */
const pageOf = (formData: FormData) => safeReturnPath(formData.get("returnTo"), "/program");

/** One answer, in the form the caller can use: a result for script, a redirect for a plain form post. */
function answer(userId: string, formData: FormData, a: SignupAnswer): SignupResult {
  if (formData.get("js") !== "1") back(pageOf(formData), a.larpassId, a.code, a.position ? { pos: String(a.position) } : {});
  return signupAnswerResult(userId, a);
}

export const chooseAction = serverAction("registration.choose", {
  run: async (user, _previous: SignupResult | null, formData: FormData): Promise<SignupResult> =>
    answer(user.id, formData, await signupAnswer("choose", user.id, formData)),
  returnTo: (_previous, formData) => pageOf(formData),
});

export const leaveAction = serverAction("registration.leave", {
  run: async (user, _previous: SignupResult | null, formData: FormData): Promise<SignupResult> =>
    answer(user.id, formData, await signupAnswer("leave", user.id, formData)),
  returnTo: (_previous, formData) => pageOf(formData),
});
