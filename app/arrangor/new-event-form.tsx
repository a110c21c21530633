"use client";

import { useActionState } from "react";
import { createEventAction, type NewEventState } from "./actions";
import { FormError, TextField } from "@/components/form-fields";

export function NewEventForm() {
  const [state, action, pending] = useActionState<NewEventState, FormData>(createEventAction, {});
  const v = state.values ?? {};
  const e = state.errors ?? {};
  return (
    <form action={action} noValidate className="panel stack">
      <FormError error={e.form} />
      <div className="form-grid">
        <TextField name="name" idPrefix="nytt-" label="Namn" required defaultValue={v.name} error={e.name} />
        <TextField
          name="slug"
          idPrefix="nytt-"
          label="Adressnamn (valfritt)"
          defaultValue={v.slug}
          error={e.slug}
          hint="Blir en del av adressen, t.ex. arskonferens-2019. Lämnas det tomt görs det av namnet."
        />
        <TextField name="startsOn" idPrefix="nytt-" type="date" label="Första dagen" required defaultValue={v.startsOn} error={e.startsOn} />
        <TextField name="endsOn" idPrefix="nytt-" type="date" label="Sista dagen" required defaultValue={v.endsOn} error={e.endsOn} />
      </div>
      <div className="actions">
        <button type="submit" disabled={pending}>
          {pending ? "Skapar…" : "Skapa evenemang"}
        </button>
      </div>
    </form>
  );
}
