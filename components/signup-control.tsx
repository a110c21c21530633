"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import type { SignupResult } from "@/lib/signup-answer";
import { SeatsLine } from "./seats-line";
import { useSignupStore } from "./signup-store";
import { useHydrated } from "./use-hydrated";

/**
 * "Välj", "Byt till det här", "Ställ mig i kö", "Lämna platsen" and "Lämna kön" for one card, for a signed-in
 * member. The forms are server-action forms (useActionState), so they work without JavaScript: the browser
 * posts them and the action sends it back to the page. With JavaScript the form carries js=1, the action
 * answers with the cards it changed, and this card (and the one a move left, through SignupStore) updates in
 * place. Focus stays on the card's button and the outcome is read out from the card's status region.
 */
export function SignupControl({
  id,
  title,
  slotId,
  capacity,
  seats: rendered,
  notice: renderedNotice,
}: {
  id: number;
  title: string;
  slotId: number;
  capacity: number | null;
  seats: { confirmed: number; waitlisted: number };
  /** The outcome the page was loaded with (?anmalan=… after a post without JavaScript). */
  notice: { text: string; error: boolean } | null;
}) {
  const store = useSignupStore();
  const hydrated = useHydrated();
  const [chosen, choose] = useActionState(store.actions.choose, null);
  const [left, leave] = useActionState(store.actions.leave, null);
  const [latest, setLatest] = useState<SignupResult | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const handled = useRef(new Set<SignupResult>());

  // Each answer once: into the shared store (this card and any card a move left), then focus and message.
  useEffect(() => {
    for (const result of [chosen, left]) {
      if (!result || handled.current.has(result)) continue;
      handled.current.add(result);
      store.apply(result, { title, slotId });
      setLatest(result);
    }
  }, [chosen, left, store, title, slotId]);
  useEffect(() => {
    // The button pressed was replaced by the other form's ("Välj" became "Lämna platsen"): its focus went
    // to the page, so give it to this card's button again. Focus the user moved elsewhere stays there.
    if (latest && (document.activeElement === null || document.activeElement === document.body)) button.current?.focus();
  }, [latest]);

  const seats = store.seats.get(id) ?? rendered;
  const mine = store.held.get(id) ?? null;
  // This card's message, unless another card's action has changed this card since (a move that left its
  // seat): then the message would describe a state the card no longer has.
  const changedBy = store.lastChange.get(id);
  const notice = changedBy ? (changedBy === latest ? latest.notice : null) : renderedNotice;
  const hidden = (
    <>
      <input type="hidden" name="larpassId" value={id} />
      <input type="hidden" name="returnTo" value={store.returnTo} />
      {hydrated && store.live ? <input type="hidden" name="js" value="1" /> : null}
    </>
  );
  const hiddenTitle = <span className="visually-hidden"> {title}</span>;

  let body: React.ReactNode = null;
  if (mine?.status === "confirmed" || mine?.status === "waitlisted") {
    const waiting = mine.status === "waitlisted";
    body = (
      <>
        <p className={waiting ? "status-line waiting" : "status-line"}>{waiting ? `Du står i kö, plats ${mine.position}.` : "Du har en plats."}</p>
        <form action={leave}>
          {hidden}
          <button ref={button} type="submit" className="secondary">
            {waiting ? "Lämna kön" : "Lämna platsen"}
            {hiddenTitle}
          </button>
        </form>
      </>
    );
  } else if (store.open) {
    const full = capacity != null && seats.confirmed >= capacity;
    const seatHere = [...store.held.values()].find((h) => h.status === "confirmed" && h.slotId === slotId && h.id !== id);
    body = (
      <>
        {seatHere ? (
          <p className="meta">
            {full
              ? `Du behåller din plats på ”${seatHere.title}” tills en plats blir ledig här. Då byter du automatiskt.`
              : `Du har en plats på ”${seatHere.title}” vid samma tid. Väljer du det här lämnar du den.`}
          </p>
        ) : null}
        <form action={choose}>
          {hidden}
          {full ? <input type="hidden" name="waitlist" value="1" /> : null}
          <button ref={button} type="submit">
            {full ? "Ställ mig i kö" : seatHere ? "Byt till det här" : "Välj"}
            {hiddenTitle}
          </button>
        </form>
      </>
    );
  }

  return (
    <div className="signup">
      <SeatsLine capacity={capacity} seats={seats} mine={mine?.status === "confirmed"} />
      {body}
      {/* Always present, so that a screen reader announces what an action changed. */}
      <div role="status" className="signup-live">
        {notice && !notice.error ? <p className="inline-notice">{notice.text}</p> : null}
      </div>
      {notice?.error ? (
        <p className="inline-notice error" role="alert">
          {notice.text}
        </p>
      ) : null}
    </div>
  );
}
