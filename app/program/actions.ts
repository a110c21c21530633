"use server";

import { redirect } from "next/navigation";
import { serverAction } from "@/lib/action";
import { chooseLarpass, leaveLarpass, refusalMessage } from "@/lib/registrations";
import { signupResult, type SignupResult } from "@/lib/signup-context";
import { safeReturnPath } from "@/lib/validation/auth";
import { larpassIdSchema } from "@/lib/validation/registration";

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

type Answer = { code: string; larpassId: number; position?: number; touched?: number[]; refusal?: string };

/** One answer, in the form the caller can use: a result for script, a redirect for a plain form post. */
function answer(userId: string, formData: FormData, a: Answer): SignupResult {
  if (formData.get("js") !== "1") back(pageOf(formData), a.larpassId, a.code, a.position ? { pos: String(a.position) } : {});
  return signupResult({ userId, larpassId: a.larpassId, code: a.code, position: a.position ?? null, touched: a.touched, refusal: a.refusal });
}

export const chooseAction = serverAction("registration.choose", {
  run: async (user, _previous: SignupResult | null, formData: FormData): Promise<SignupResult> => {
    const id = larpassIdSchema.safeParse(formData.get("larpassId"));
    if (!id.success) return answer(user.id, formData, { code: "fel-not_found", larpassId: 0, refusal: refusalMessage("not_found") });
    const outcome = await chooseLarpass({ userId: user.id, larpassId: id.data, waitlist: formData.get("waitlist") === "1" });
    if (!outcome.ok) return answer(user.id, formData, { code: `fel-${outcome.reason}`, larpassId: id.data, refusal: outcome.message });
    if (outcome.status === "waitlisted") return answer(user.id, formData, { code: "i-ko", larpassId: id.data, position: outcome.position });
    return answer(user.id, formData, {
      code: outcome.released.length ? "flyttad" : "vald",
      larpassId: id.data,
      touched: outcome.released.map((r) => r.id),
    });
  },
  returnTo: (_previous, formData) => pageOf(formData),
});

export const leaveAction = serverAction("registration.leave", {
  run: async (user, _previous: SignupResult | null, formData: FormData): Promise<SignupResult> => {
    const id = larpassIdSchema.safeParse(formData.get("larpassId"));
    if (!id.success) return answer(user.id, formData, { code: "fel-not_found", larpassId: 0, refusal: refusalMessage("not_found") });
    const outcome = await leaveLarpass({ userId: user.id, larpassId: id.data });
    if (!outcome.ok) return answer(user.id, formData, { code: `fel-${outcome.reason}`, larpassId: id.data, refusal: outcome.message });
    return answer(user.id, formData, { code: outcome.was === "confirmed" ? "lamnad" : "lamnad-ko", larpassId: id.data });
  },
  returnTo: (_previous, formData) => pageOf(formData),
});
