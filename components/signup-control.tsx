"use client";

import { useEffect, useRef } from "react";
import type { SignupResult } from "@/lib/signup-answer";
import { useCard } from "./card-view";
import { SeatsLine } from "./seats-line";
import { CHOOSE_FORM, LEAVE_FORM, useSignupStore } from "./signup-store";

/**
 * "Välj", "Byt till det här", "Ställ mig i kö", "Lämna platsen" and "Lämna kön" for one card, for a signed-in
 * member. Each is a submit button of one of the page's two sign-up forms (components/signup-store.tsx),
 * naming this lärpass: `larpassId`, or `waitlistFor` to join the queue. They work without JavaScript (the
 * browser posts the form and the action sends it back to the page). With JavaScript the action answers with
 * the cards it changed, and this card (and the one a move left) updates in place. Focus stays on the card's
 * button and the outcome is read out from the card's status region.
 */
export function SignupControl({
  slotId,
  capacity,
  seats: rendered,
  notice: renderedNotice = null,
  ...named
}: {
  /** The lärpass; inside a programme card it comes from the card (components/card-view.tsx). */
  id?: number;
  title?: string;
  slotId: number;
  capacity: number | null;
  seats: { confirmed: number; waitlisted: number };
  /** The outcome the page was loaded with (?anmalan=… after a post without JavaScript). */
  notice?: { text: string; error: boolean } | null;
}) {
  const card = useCard();
  const id = named.id ?? card?.id ?? 0;
  const title = named.title ?? card?.title ?? "";
  const store = useSignupStore();
  const button = useRef<HTMLButtonElement>(null);
  const focused = useRef<SignupResult | null>(null);
  const { register } = store;
  useEffect(() => register(id, { title, slotId }), [register, id, title, slotId]);

  // This card's message: the last answer that changed this card, if it is about this card (a move that left
  // this card's seat is about the other card: its message would describe a state this card no longer has).
  const changedBy = store.lastChange.get(id);
  const own = changedBy && (changedBy.larpassId === id || changedBy.larpassId === 0) ? changedBy : null;
  const notice = changedBy ? (own?.notice ?? null) : renderedNotice;
  useEffect(() => {
    // The button pressed was replaced by the other form's ("Välj" became "Lämna platsen"): its focus went
    // to the page, so give it to this card's button again. Focus the user moved elsewhere stays there.
    if (!own || focused.current === own) return;
    focused.current = own;
    if (document.activeElement === null || document.activeElement === document.body) button.current?.focus();
  }, [own]);

  const seats = store.seats.get(id) ?? rendered;
  const mine = store.held.get(id) ?? null;
  const hiddenTitle = <span className="visually-hidden">{` ${title}`}</span>;
  const submit = (form: string, name: "larpassId" | "waitlistFor", label: string) => (
    <button ref={button} type="submit" form={form} name={name} value={id} onClick={() => store.pressed(id)} className={form === LEAVE_FORM ? "secondary" : undefined}>
      {label}
      {hiddenTitle}
    </button>
  );

  let body: React.ReactNode = null;
  if (mine?.status === "confirmed" || mine?.status === "waitlisted") {
    const waiting = mine.status === "waitlisted";
    body = (
      <>
        <p className={waiting ? "status-line waiting" : "status-line"}>{waiting ? `Du står i kö, plats ${mine.position}.` : "Du har en plats."}</p>
        {submit(LEAVE_FORM, "larpassId", waiting ? "Lämna kön" : "Lämna platsen")}
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
        {submit(CHOOSE_FORM, full ? "waitlistFor" : "larpassId", full ? "Ställ mig i kö" : seatHere ? "Byt till det här" : "Välj")}
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
