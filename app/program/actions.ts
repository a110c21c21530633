"use server";

import { redirect } from "next/navigation";
import { requireRole } from "@/lib/auth/current-user";
import { chooseLarpass, leaveLarpass } from "@/lib/registrations";
import { safeReturnPath } from "@/lib/validation/auth";
import { larpassIdSchema } from "@/lib/validation/registration";

/**
 * Choose / leave buttons on the programme and lärpass pages. Plain forms: they work without JavaScript.
 * The outcome travels back as a short code in the URL, and the card shows it next to the button.
 */
function back(returnTo: string, larpassId: number, code: string, extra: Record<string, string> = {}): never {
  const url = new URL(returnTo, "http://x");
  for (const key of ["anmalan", "lp", "pos"]) url.searchParams.delete(key);
  url.searchParams.set("anmalan", code);
  url.searchParams.set("lp", String(larpassId));
  for (const [k, v] of Object.entries(extra)) url.searchParams.set(k, v);
  redirect(`${url.pathname}${url.search}#lp-${larpassId}`);
}

async function guard(formData: FormData) {
  const returnTo = safeReturnPath(formData.get("returnTo"), "/program");
  const who = await requireRole("member");
  if (!who.ok) redirect(`/logga-in?next=${encodeURIComponent(returnTo)}`);
  return { user: who.user, returnTo };
}

export async function chooseAction(larpassId: number, formData: FormData) {
  const { user, returnTo } = await guard(formData);
  const id = larpassIdSchema.safeParse(larpassId);
  if (!id.success) back(returnTo, 0, "fel-not_found");
  const outcome = await chooseLarpass({ userId: user.id, larpassId: id.data, waitlist: formData.get("waitlist") === "1" });
  if (!outcome.ok) back(returnTo, id.data, `fel-${outcome.reason}`);
  if (outcome.status === "waitlisted") back(returnTo, id.data, "i-ko", { pos: String(outcome.position) });
  back(returnTo, id.data, outcome.released.length ? "flyttad" : "vald");
}

export async function leaveAction(larpassId: number, formData: FormData) {
  const { user, returnTo } = await guard(formData);
  const id = larpassIdSchema.safeParse(larpassId);
  if (!id.success) back(returnTo, 0, "fel-not_found");
  const outcome = await leaveLarpass({ userId: user.id, larpassId: id.data });
  if (!outcome.ok) back(returnTo, id.data, `fel-${outcome.reason}`);
  back(returnTo, id.data, outcome.was === "confirmed" ? "lamnad" : "lamnad-ko");
}
