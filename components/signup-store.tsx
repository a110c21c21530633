"use client";

import { createContext, useCallback, useContext, useMemo, useState } from "react";
import type { RegistrationStatus } from "@/lib/domain";
import type { SignupResult } from "@/lib/signup-answer";
import type { SignupActions } from "@/lib/signup-context";

/** A place the member holds, with what the cards need to name it ("Du har en plats på ”…” vid samma tid"). */
export type HeldPlace = { id: number; status: RegistrationStatus; position: number; title: string; slotId: number | null };

type Store = {
  actions: SignupActions;
  /** With JavaScript, update the cards from the action's answer (the programme pages); else reload the page. */
  live: boolean;
  returnTo: string;
  open: boolean;
  held: Map<number, HeldPlace>;
  seats: Map<number, { confirmed: number; waitlisted: number }>;
  /** The last answer that changed each card: a card shows its own message only while it is still the last. */
  lastChange: Map<number, SignupResult>;
  apply: (result: SignupResult, target: { title: string; slotId: number | null }) => void;
};

const SignupStoreContext = createContext<Store | null>(null);

/**
 * The member's places and the seat counts the actions have answered with, shared by every card on the page:
 * a move updates the card chosen and the card whose seat it left. Seeded by the server's render.
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
  const [held, setHeld] = useState(() => new Map(initial.map((h) => [h.id, h])));
  const [seats, setSeats] = useState(() => new Map<number, { confirmed: number; waitlisted: number }>());
  const [lastChange, setLastChange] = useState(() => new Map<number, SignupResult>());
  const apply = useCallback((result: SignupResult, target: { title: string; slotId: number | null }) => {
    setLastChange((prev) => {
      const next = new Map(prev);
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
  const value = useMemo(
    () => ({ actions, live, returnTo, open, held, seats, lastChange, apply }),
    [actions, live, returnTo, open, held, seats, lastChange, apply],
  );
  return <SignupStoreContext.Provider value={value}>{children}</SignupStoreContext.Provider>;
}

export function useSignupStore(): Store {
  const store = useContext(SignupStoreContext);
  if (!store) throw new Error("SignupControl needs a SignupStore around it.");
  return store;
}
