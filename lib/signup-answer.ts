import "server-only";
import type { RegistrationStatus } from "./domain";
import { chooseLarpass, describeWindow, getMyRegistrations, getSeatCounts, leaveLarpass, refusalMessage, type SignupWindow } from "./registrations";
import { larpassIdSchema } from "./validation/registration";

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


/**
 * What a click on Välj / Byt / Ställ mig i kö (choose) or Lämna (leave) did, for the caller `userId`: the
 * outcome code the card shows, and the other cards it changed. The one sign-up step both ways a click can
 * reach the server share: the server actions (app/program/actions.ts) and the direct answer to a hydrated
 * card's post (lib/net/signup-direct.ts).
 */
export type SignupAnswer = { code: string; larpassId: number; position?: number; touched?: number[]; refusal?: string };

/** The form's fields, as a server action's FormData or the direct answer's parsed body has them. */
export type SignupFields = { get(name: string): unknown };

export async function signupAnswer(kind: "choose" | "leave", userId: string, fields: SignupFields): Promise<SignupAnswer> {
  // The pressed button names the lärpass: `larpassId`, or `waitlistFor` for "Ställ mig i kö".
  const queueFor = kind === "choose" ? fields.get("waitlistFor") : null;
  const id = larpassIdSchema.safeParse(queueFor ?? fields.get("larpassId"));
  if (!id.success) return { code: "fel-not_found", larpassId: 0, refusal: refusalMessage("not_found") };
  if (kind === "leave") {
    const outcome = await leaveLarpass({ userId, larpassId: id.data });
    if (!outcome.ok) return { code: `fel-${outcome.reason}`, larpassId: id.data, refusal: outcome.message };
    return { code: outcome.was === "confirmed" ? "lamnad" : "lamnad-ko", larpassId: id.data };
  }
  const outcome = await chooseLarpass({ userId, larpassId: id.data, waitlist: queueFor != null });
  if (!outcome.ok) return { code: `fel-${outcome.reason}`, larpassId: id.data, refusal: outcome.message };
  if (outcome.status === "waitlisted") return { code: "i-ko", larpassId: id.data, position: outcome.position };
  return { code: outcome.released.length ? "flyttad" : "vald", larpassId: id.data, touched: outcome.released.map((r) => r.id) };
}

/** The answer as the card takes it: the exact seats and the caller's places on every card it changed. */
export function signupAnswerResult(userId: string, a: SignupAnswer): SignupResult {
  return signupResult({ userId, larpassId: a.larpassId, code: a.code, position: a.position ?? null, touched: a.touched, refusal: a.refusal });
}
