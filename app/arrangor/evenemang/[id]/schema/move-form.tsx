"use client";

import Link from "next/link";
import { useActionState } from "react";
import { moveAction, type MoveState } from "./actions";
import { describePlan, occupiedWarning } from "./plan-text";

export type Option = { id: number; label: string };

/**
 * The way to move a lärpass without dragging (and without JavaScript): choose a time and a room,
 * "Flytta". When members are affected, the counts come back for a second, confirming press.
 */
export function MoveForm({
  eventId,
  larpass,
  slots,
  rooms,
}: {
  eventId: number;
  larpass: { id: number; title: string; version: number; timeSlotId: number | null; roomId: number | null };
  slots: Option[];
  rooms: Option[];
}) {
  const [state, formAction, pending] = useActionState<MoveState, FormData>(moveAction, {});
  const base = `mv-${larpass.id}`;
  const slotValue = state.values?.timeSlotId ?? (larpass.timeSlotId == null ? "" : String(larpass.timeSlotId));
  const roomValue = state.values?.roomId ?? (larpass.roomId == null ? "" : String(larpass.roomId));
  const open = Boolean(state.confirm || state.errors);
  return (
    <details className="move" open={open || undefined}>
      <summary>
        Flytta<span className="visually-hidden"> {larpass.title}</span>
      </summary>
      <form action={formAction} className="move-form" aria-describedby={`${base}-error`}>
        <input type="hidden" name="eventId" value={eventId} />
        <input type="hidden" name="larpassId" value={larpass.id} />
        <input type="hidden" name="version" value={larpass.version} />
        <div className="field">
          <label htmlFor={`${base}-slot`}>Tid</label>
          <select
            id={`${base}-slot`}
            name="timeSlotId"
            defaultValue={slotValue}
            aria-invalid={state.errors?.timeSlotId ? true : undefined}
            aria-describedby={state.errors?.timeSlotId ? `${base}-slot-error` : undefined}
          >
            <option value="">Ingen tid</option>
            {slots.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </select>
          {state.errors?.timeSlotId ? (
            <p id={`${base}-slot-error`} className="field-error">
              {state.errors.timeSlotId}
            </p>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor={`${base}-room`}>Lokal</label>
          <select
            id={`${base}-room`}
            name="roomId"
            defaultValue={roomValue}
            aria-invalid={state.errors?.roomId ? true : undefined}
            aria-describedby={state.errors?.roomId ? `${base}-room-error` : undefined}
          >
            <option value="">Ingen lokal</option>
            {rooms.map((r) => (
              <option key={r.id} value={r.id}>
                {r.label}
              </option>
            ))}
          </select>
          {state.errors?.roomId ? (
            <p id={`${base}-room-error`} className="field-error">
              {state.errors.roomId}
            </p>
          ) : null}
        </div>
        <button type="submit" className="secondary" disabled={pending}>
          Flytta<span className="visually-hidden"> {larpass.title}</span>
        </button>
        <p id={`${base}-error`} className="field-error" aria-live="polite">
          {state.errors?.form ?? ""}
        </p>
      </form>
      {state.confirm ? (
        <div className="confirm-move" role="alert">
          <p>
            <strong>Bekräfta flytten av {larpass.title}.</strong>
          </p>
          {occupiedWarning(state.confirm) ? <p className="occupied-warning">{occupiedWarning(state.confirm)}</p> : null}
          {describePlan(state.confirm).map((line) => (
            <p key={line}>{line}</p>
          ))}
          <form action={formAction} className="actions">
            <input type="hidden" name="eventId" value={eventId} />
            <input type="hidden" name="larpassId" value={larpass.id} />
            <input type="hidden" name="version" value={larpass.version} />
            <input type="hidden" name="timeSlotId" value={state.values?.timeSlotId ?? ""} />
            <input type="hidden" name="roomId" value={state.values?.roomId ?? ""} />
            <input type="hidden" name="confirm" value="1" />
            <button type="submit" disabled={pending}>
              Bekräfta flytten
            </button>
            <Link className="button secondary" href={`/arrangor/evenemang/${eventId}/schema#lp-${larpass.id}`}>
              Avbryt
            </Link>
          </form>
        </div>
      ) : null}
    </details>
  );
}
