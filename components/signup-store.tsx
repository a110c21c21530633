"use client";

import { createContext, useActionState, useCallback, useContext, useEffect, useMemo, useRef, useState } from "react";
import type { RegistrationStatus } from "@/lib/domain";
import type { SignupResult } from "@/lib/signup-answer";
import type { SignupActions } from "@/lib/signup-context";
import { useHydrated } from "./use-hydrated";

/** A place the member holds, with what the cards need to name it ("Du har en plats på ”…” vid samma tid"). */
export type HeldPlace = { id: number; status: RegistrationStatus; position: number; title: string; slotId: number | null };

/** The page's two sign-up forms: every card's button submits one of them (the button's `form` attribute). */
export const CHOOSE_FORM = "anmalan-valj";
export const LEAVE_FORM = "anmalan-lamna";

type Store = {
  open: boolean;
  held: Map<number, HeldPlace>;
  seats: Map<number, { confirmed: number; waitlisted: number }>;
  /** The last answer that changed each card: a card shows its own message only while it is still the last. */
  lastChange: Map<number, SignupResult>;
  /** A card says what it is (for the places it may come to hold) and that its button was pressed. */
  register: (id: number, card: { title: string; slotId: number | null }) => void;
  pressed: (id: number) => void;
};

const SignupStoreContext = createContext<Store | null>(null);

/**
 * The member's places and the seat counts the actions have answered with, shared by every card on the page:
 * a move updates the card chosen and the card whose seat it left. Seeded by the server's render.
 *
 * The page has one form per action (choose, leave) instead of one per card: each card's button names the
 * lärpass (name/value) and submits the page's form, so the action's hidden fields are on the page once, not
 * on each of a large event's hundred cards (#11). Without JavaScript the browser posts the form itself, with
 * the pressed button's name and value. With JavaScript (`live`, js=1) the action answers with the cards it
 * changed and they update in place; without `live` (Mitt program) the action sends the page back instead.
 */
export function SignupStore({
  actions,
  live,
  returnTo,
  open,
  held: initial,
  children,
}: {
  actions: SignupActions;
  live: boolean;
  returnTo: string;
  open: boolean;
  held: HeldPlace[];
  children: React.ReactNode;
}) {
  const hydrated = useHydrated();
  const [chosen, choose] = useActionState(actions.choose, null);
  const [left, leave] = useActionState(actions.leave, null);
  const [held, setHeld] = useState(() => new Map(initial.map((h) => [h.id, h])));
  const [seats, setSeats] = useState(() => new Map<number, { confirmed: number; waitlisted: number }>());
  const [lastChange, setLastChange] = useState(() => new Map<number, SignupResult>());
  const cards = useRef(new Map<number, { title: string; slotId: number | null }>());
  const lastPressed = useRef(0);
  const handled = useRef(new Set<SignupResult>());

  const apply = useCallback((result: SignupResult) => {
    // The card the answer is about; a refusal for a lärpass that does not exist names none (id 0): then the
    // card whose button was pressed shows it.
    const about = result.larpassId || lastPressed.current;
    const target = cards.current.get(about) ?? { title: "", slotId: null };
    setLastChange((prev) => {
      const next = new Map(prev);
      next.set(about, result);
      for (const c of result.cards) next.set(c.id, result);
      return next;
    });
    setSeats((prev) => {
      const next = new Map(prev);
      for (const c of result.cards) next.set(c.id, { confirmed: c.confirmed, waitlisted: c.waitlisted });
      return next;
    });
    setHeld((prev) => {
      const next = new Map(prev);
      for (const c of result.cards) {
        if (!c.mine) next.delete(c.id);
        else if (c.id === result.larpassId) next.set(c.id, { id: c.id, ...c.mine, ...target });
        else {
          const known = next.get(c.id);
          if (known) next.set(c.id, { ...known, ...c.mine });
        }
      }
      return next;
    });
  }, []);

  // Each answer once.
  useEffect(() => {
    for (const result of [chosen, left]) {
      if (!result || handled.current.has(result)) continue;
      handled.current.add(result);
      apply(result);
    }
  }, [chosen, left, apply]);

  const register = useCallback((id: number, card: { title: string; slotId: number | null }) => void cards.current.set(id, card), []);
  const pressed = useCallback((id: number) => void (lastPressed.current = id), []);
  const value = useMemo(() => ({ open, held, seats, lastChange, register, pressed }), [open, held, seats, lastChange, register, pressed]);
  const fields = (
    <>
      <input type="hidden" name="returnTo" value={returnTo} />
      {hydrated && live ? <input type="hidden" name="js" value="1" /> : null}
    </>
  );
  return (
    <SignupStoreContext.Provider value={value}>
      <form id={CHOOSE_FORM} action={choose} hidden>
        {fields}
      </form>
      <form id={LEAVE_FORM} action={leave} hidden>
        {fields}
      </form>
      {children}
    </SignupStoreContext.Provider>
  );
}

export function useSignupStore(): Store {
  const store = useContext(SignupStoreContext);
  if (!store) throw new Error("SignupControl needs a SignupStore around it.");
  return store;
}
