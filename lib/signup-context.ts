import "server-only";
import type { Event } from "@/db/schema";
import type { RegistrationStatus } from "./domain";
import { getCurrentUser, type CurrentUser } from "./auth/current-user";
import type { LarpassView } from "./programme";
import {
  describeWindow,
  getMyRegistrations,
  getSeatCounts,
  refusalMessage,
  signupWindow,
  type MyRegistration,
  type SignupWindow,
} from "./registrations";

export type SignupNotice = { larpassId: number; code: string; position: number | null };

/** One card as the database has it right after an action: seats, queue and the caller's own place. */
export type SignupCardState = {
  id: number;
  confirmed: number;
  waitlisted: number;
  mine: { status: RegistrationStatus; position: number } | null;
};

/**
 * What "Välj", "Byt", "Ställ mig i kö" and "Lämna" answer a browser with JavaScript: the message for the
 * card, and the exact state of every card the action changed (the chosen one, and a seat a move left).
 * The page updates those cards from it and renders nothing else.
 */
export type SignupResult = {
  larpassId: number;
  code: string;
  notice: { text: string; error: boolean };
  cards: SignupCardState[];
};

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

/** The sentence a card shows for an action's outcome code ("vald", "i-ko", "fel-full", …). */
export function signupNoticeText(
  code: string,
  position: number | null,
  window: SignupWindow,
  timeZone: string,
): { text: string; error: boolean } {
  switch (code) {
    case "vald":
      return { text: "Klart! Du har en plats på det här lärpasset.", error: false };
    case "flyttad":
      return { text: "Klart! Du har bytt till det här lärpasset. Din plats på det andra lärpasset vid samma tid är lämnad.", error: false };
    case "i-ko":
      return {
        text: `Du står i kö${position ? `, plats ${position}` : ""}. Blir en plats ledig får du den automatiskt och ett mejl.`,
        error: false,
      };
    case "lamnad":
      return { text: "Du har lämnat din plats.", error: false };
    case "lamnad-ko":
      return { text: "Du har lämnat kön.", error: false };
    default: {
      const reason = code.replace(/^fel-/, "");
      if (reason === "not_open" || reason === "closed") return { text: describeWindow(window, timeZone), error: true };
      return { text: refusalMessage(reason), error: true };
    }
  }
}

/**
 * The answer to a browser with JavaScript, read after the action's transaction: the cards' seats and the
 * caller's own places are exact at that moment, whatever a cached page showed before.
 */
export function signupResult({
  userId,
  larpassId,
  code,
  position = null,
  touched = [],
  refusal,
}: {
  userId: string;
  larpassId: number;
  code: string;
  position?: number | null;
  /** Other cards the action changed: seats a move left. */
  touched?: number[];
  /** A refusal's message from lib/registrations (it words the signup window in the event's own zone). */
  refusal?: string;
}): SignupResult {
  const ids = [...new Set([larpassId, ...touched])].filter((id) => id > 0);
  const seats = getSeatCounts({ larpassIds: ids });
  const mine = getMyRegistrations({ userId, larpassIds: ids });
  const cards = ids.map((id) => {
    const m = mine.get(id);
    return { id, ...(seats.get(id) ?? { confirmed: 0, waitlisted: 0 }), mine: m ? { status: m.status, position: m.position } : null };
  });
  // Without a refusal the window does not word the message (only "fel-not_open" and "fel-closed" use it).
  const notice = refusal ? { text: refusal, error: true } : signupNoticeText(code, position, { state: "open", closesAt: null }, "Europe/Stockholm");
  return { larpassId, code, notice, cards };
}

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
