"use client";

import Link from "next/link";
import { useActionState } from "react";
import { applyRoomSuggestionAction, type SuggestionState } from "./actions";

/** "Använd förslaget" for one time slot, with a confirming second step that shows who is affected. */
export function SuggestionForm({
  eventId,
  slotId,
  slotLabel,
  moves,
  ignoreHref,
}: {
  eventId: number;
  slotId: number;
  slotLabel: string;
  /** "larpassId:version:roomId" per changed lärpass. */
  moves: string[];
  ignoreHref: string;
}) {
  const [state, formAction, pending] = useActionState<SuggestionState, FormData>(applyRoomSuggestionAction, {});
  const fields = (
    <>
      <input type="hidden" name="eventId" value={eventId} />
      <input type="hidden" name="slotId" value={slotId} />
      {moves.map((m) => (
        <input key={m} type="hidden" name="move" value={m} />
      ))}
    </>
  );
  return (
    <div className="suggestion-actions">
      {state.confirm ? (
        <div className="confirm-move" role="alert">
          <p>
            <strong>Bekräfta nya lokaler för {slotLabel}.</strong>
          </p>
          <p>
            {state.confirm.larpass === 1 ? "1 lärpass" : `${state.confirm.larpass} lärpass`} byter lokal.{" "}
            {state.confirm.members === 0
              ? "Ingen medlem har valt dem."
              : `${state.confirm.members === 1 ? "1 medlem påverkas" : `${state.confirm.members} medlemmar påverkas`}: alla följer med till den nya lokalen (tiden är densamma) och får mejl om ändringen.`}
          </p>
          {state.confirm.overfull.map((o) => (
            <p key={o}>Obs! {o}.</p>
          ))}
          <form action={formAction} className="actions">
            {fields}
            <input type="hidden" name="confirm" value="1" />
            <button type="submit" disabled={pending}>
              Bekräfta nya lokaler
            </button>
            <Link className="button secondary" href={`/arrangor/evenemang/${eventId}/efterfragan#forslag-${slotId}`}>
              Avbryt
            </Link>
          </form>
        </div>
      ) : (
        <form action={formAction} className="actions">
          {fields}
          <button type="submit" disabled={pending}>
            Använd förslaget<span className="visually-hidden"> för {slotLabel}</span>
          </button>
          <Link className="button secondary" href={ignoreHref}>
            Ignorera förslaget<span className="visually-hidden"> för {slotLabel}</span>
          </Link>
        </form>
      )}
      <p className="field-error" aria-live="polite">
        {state.error ?? ""}
      </p>
    </div>
  );
}
