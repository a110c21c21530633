"use client";

import { useActionState } from "react";
import { FormError, TextArea, TextField } from "@/components/form-fields";
import type { FormState } from "@/lib/validation/form";

type Action<S> = (prev: S, formData: FormData) => Promise<S>;

/** The call's settings. What was typed comes back with the errors (formAction's state). */
export function CallForm({ action, eventId, initial }: { action: Action<FormState>; eventId: number; initial: FormState }) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, initial);
  const v = state.values ?? initial.values ?? {};
  const e = state.errors ?? {};
  return (
    <form action={formAction} noValidate className="panel stack">
      <input type="hidden" name="eventId" value={eventId} />
      <FormError error={e.form} />
      <div className="form-grid">
        <TextField name="opensAt" type="datetime-local" label="Inlämningen öppnar" required defaultValue={v.opensAt} error={e.opensAt} hint="Svensk tid." />
        <TextField name="closesAt" type="datetime-local" label="Inlämningen stänger" required defaultValue={v.closesAt} error={e.closesAt} hint="Svensk tid. Efter det kan förslag inte skickas in eller ändras." />
      </div>
      <TextArea name="intro" label="Inledning" rows={5} defaultValue={v.intro} error={e.intro} hint="Markdown. Visas överst på förslagssidan." />
      <div className="form-grid">
        <TextArea name="formats" label="Format" rows={3} defaultValue={v.formats} error={e.formats} hint='Ett per rad, med längden i minuter: "Lärpass 45".' />
        <TextArea name="tracks" label="Spår" rows={3} defaultValue={v.tracks} error={e.tracks} hint="Ett per rad. Tomt: inga spår." />
        <TextArea name="languages" label="Språk" rows={3} defaultValue={v.languages} error={e.languages} hint="Språkkoder, en per rad: sv, en, fi, no, da, de, fr, es." />
        <TextArea name="criteria" label="Bedömningsgrunder" rows={3} defaultValue={v.criteria} error={e.criteria} hint="En per rad. Varje bedömare ger 1–5 på var och en." />
      </div>
      <TextArea name="acceptTemplate" label="Mejl när ett förslag antas" rows={4} defaultValue={v.acceptTemplate} error={e.acceptTemplate} hint="{namn} och {titel} fylls i. Beslutets meddelande skrivs under." />
      <TextArea name="rejectTemplate" label="Mejl när ett förslag inte antas" rows={4} defaultValue={v.rejectTemplate} error={e.rejectTemplate} />
      <TextArea name="changesTemplate" label="Mejl när ni ber om ändringar" rows={4} defaultValue={v.changesTemplate} error={e.changesTemplate} />
      <div className="actions">
        <button type="submit" disabled={pending}>
          {pending ? "Sparar…" : "Spara inlämningen"}
        </button>
      </div>
    </form>
  );
}

/** Adds a reviewer by the address of their account. */
export function ReviewerForm({ action, eventId }: { action: Action<FormState>; eventId: number }) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, {});
  const e = state.errors ?? {};
  return (
    <form action={formAction} noValidate className="stack">
      <input type="hidden" name="eventId" value={eventId} />
      <FormError error={e.form} />
      <TextField name="email" type="email" inputMode="email" label="Ny bedömare: e-postadress" idPrefix="bedomare-" defaultValue={state.values?.email} error={e.email} hint="Personen behöver ha loggat in en gång." />
      <div className="actions">
        <button type="submit" disabled={pending}>
          Lägg till bedömaren
        </button>
      </div>
    </form>
  );
}
