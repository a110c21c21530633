import "server-only";
import type { Event } from "@/db/schema";
import { getCurrentUser, type CurrentUser } from "./auth/current-user";
import type { LarpassView } from "./programme";
import { getMyRegistrations, signupWindow, type MyRegistration, type SignupWindow } from "./registrations";
import type { SignupResult } from "./signup-answer";

export type SignupNotice = { larpassId: number; code: string; position: number | null };

/** A choose/leave server action as useActionState calls it (the id is in the form's larpassId field). */
export type SignupActionFn = (previous: SignupResult | null, formData: FormData) => Promise<SignupResult | null>;

/** The choose/leave server actions; the page passes them in, so components never import a route's actions. */
export type SignupActions = { choose: SignupActionFn; leave: SignupActionFn };

export type SignupContext = {
  actions: SignupActions;
  user: CurrentUser | null;
  window: SignupWindow;
  timeZone: string;
  mine: Map<number, MyRegistration>;
  /** Titles of all lärpass of the event, to name the seat a move would leave. */
  titles: Map<number, { title: string; slotId: number | null }>;
  returnTo: string;
  notice: SignupNotice | null;
};

/** Reads ?anmalan=&lp=&pos= left by the choose/leave actions. */
export function readSignupNotice(params: Record<string, string | string[] | undefined>): SignupNotice | null {
  const code = typeof params.anmalan === "string" ? params.anmalan : null;
  const lp = Number(typeof params.lp === "string" ? params.lp : NaN);
  if (!code || !/^[a-z_-]{2,30}$/.test(code) || !Number.isInteger(lp) || lp <= 0) return null;
  const pos = Number(params.pos);
  return { larpassId: lp, code, position: Number.isInteger(pos) && pos > 0 ? pos : null };
}

/** Everything a page needs to show choose/leave buttons for the signed-in member (or a login link). */
export async function getSignupContext({
  event,
  larpass,
  returnTo,
  params,
  actions,
}: {
  actions: SignupActions;
  event: Event;
  larpass: LarpassView[];
  returnTo: string;
  params: Record<string, string | string[] | undefined>;
}): Promise<SignupContext> {
  const user = await getCurrentUser();
  return {
    actions,
    user,
    window: signupWindow(event),
    timeZone: event.timeZone,
    mine: user ? getMyRegistrations({ userId: user.id }) : new Map(),
    titles: new Map(larpass.map((l) => [l.id, { title: l.title, slotId: l.slot?.id ?? null }])),
    returnTo,
    notice: readSignupNotice(params),
  };
}

/** The page's own URL with its filters, without the one-off notice parameters. */
export function returnPath(pathname: string, params: Record<string, string | string[] | undefined>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (["anmalan", "lp", "pos"].includes(k) || typeof v !== "string" || v === "") continue;
    search.set(k, v);
  }
  const q = search.toString();
  return q ? `${pathname}?${q}` : pathname;
}
