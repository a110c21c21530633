import "server-only";
import type { SignupContext } from "@/components/registration-controls";
import { readSignupNotice } from "@/components/registration-controls";
import type { Event } from "@/db/schema";
import { getCurrentUser } from "./auth/current-user";
import type { LarpassView } from "./programme";
import { getMyRegistrations, signupWindow } from "./registrations";

/** Everything a page needs to show choose/leave buttons for the signed-in member (or a login link). */
export async function getSignupContext({
  event,
  larpass,
  returnTo,
  params,
}: {
  event: Event;
  larpass: LarpassView[];
  returnTo: string;
  params: Record<string, string | string[] | undefined>;
}): Promise<SignupContext> {
  const user = await getCurrentUser();
  return {
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
