"use server";

import { redirect } from "next/navigation";
import { serverAction } from "@/lib/action";
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

/** Where the caller goes back to: the page the button was on (local paths only). */
const pageOf = (formData: FormData) => safeReturnPath(formData.get("returnTo"), "/program");

export const chooseAction = serverAction("registration.choose", {
  run: async (user, larpassId: number, formData: FormData) => {
    const to = pageOf(formData);
    const id = larpassIdSchema.safeParse(larpassId);
    if (!id.success) back(to, 0, "fel-not_found");
    const outcome = await chooseLarpass({ userId: user.id, larpassId: id.data, waitlist: formData.get("waitlist") === "1" });
    if (!outcome.ok) back(to, id.data, `fel-${outcome.reason}`);
    if (outcome.status === "waitlisted") back(to, id.data, "i-ko", { pos: String(outcome.position) });
    back(to, id.data, outcome.released.length ? "flyttad" : "vald");
  },
  returnTo: (_id, formData) => pageOf(formData),
});

export const leaveAction = serverAction("registration.leave", {
  run: async (user, larpassId: number, formData: FormData) => {
    const to = pageOf(formData);
    const id = larpassIdSchema.safeParse(larpassId);
    if (!id.success) back(to, 0, "fel-not_found");
    const outcome = await leaveLarpass({ userId: user.id, larpassId: id.data });
    if (!outcome.ok) back(to, id.data, `fel-${outcome.reason}`);
    back(to, id.data, outcome.was === "confirmed" ? "lamnad" : "lamnad-ko");
  },
  returnTo: (_id, formData) => pageOf(formData),
});
