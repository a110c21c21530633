"use client";

import { useActionState } from "react";
import { CheckboxField, FormError, IdField, TextArea, TextField } from "@/components/form-fields";
import { SlotFields } from "./frame-edit-forms";
import type {
  DayFormState,
  EventFormState,
  RoomFormState,
  SlotFormState,
} from "./actions";

export type EventFormDefaults = {
  name: string;
  slug: string;
  startsOn: string;
  endsOn: string;
  venue: string;
  description: string;
  signupOpensAt: string;
  signupClosesAt: string;
  published: boolean;
  speakerEditDeadline: string;
  speakersSeeParticipants: boolean;
};

type Action<S> = (prev: S, formData: FormData) => Promise<S>;

/** The forms carry their ids in hidden fields (IdField), never bound to the action: see components/form-fields.tsx. */
export function EventForm({ action: save, eventId, defaults }: { action: Action<EventFormState>; eventId: number; defaults: EventFormDefaults }) {
  const [state, action, pending] = useActionState<EventFormState, FormData>(save, {});
  const v = state.values;
  const e = state.errors ?? {};
  const value = (k: Exclude<keyof EventFormDefaults, "published" | "speakersSeeParticipants">) => (v ? v[k] : defaults[k]);
  return (
    <form action={action} noValidate className="panel stack">
      <IdField value={eventId} />
      <FormError error={e.form} />
      <div className="form-grid">
        <TextField name="name" label="Namn" required defaultValue={value("name")} error={e.name} />
        <TextField
          name="slug"
          label="Adressnamn"
          defaultValue={value("slug")}
          error={e.slug}
          hint="Programmet visas på /evenemang/adressnamn. Byt det inte efter att programmet har publicerats."
        />
        <TextField name="startsOn" type="date" label="Första dagen" required defaultValue={value("startsOn")} error={e.startsOn} />
        <TextField name="endsOn" type="date" label="Sista dagen" required defaultValue={value("endsOn")} error={e.endsOn} />
        <TextField name="venue" label="Plats" defaultValue={value("venue")} error={e.venue} hint="Till exempel Folkets hus, Umeå." />
        <TextField
          name="signupOpensAt"
          type="datetime-local"
          label="Anmälan öppnar"
          defaultValue={value("signupOpensAt")}
          error={e.signupOpensAt}
          hint="Svensk tid. Tomt: anmälan är inte öppen."
        />
        <TextField
          name="signupClosesAt"
          type="datetime-local"
          label="Anmälan stänger"
          defaultValue={value("signupClosesAt")}
          error={e.signupClosesAt}
          hint="Svensk tid. Tomt: anmälan stänger inte."
        />
        <div className="wide">
          <TextArea
            name="description"
            label="Beskrivning"
            rows={4}
            defaultValue={value("description")}
            error={e.description}
            hint="Visas överst i programmet. Markdown går bra."
          />
        </div>
        <div className="wide">
          <CheckboxField
            name="published"
            label="Publicerat: programmet syns på webbplatsen"
            defaultChecked={v ? v.published === "on" : defaults.published}
            error={e.published}
            hint="Bara publicerade lärpass i ett publicerat evenemang syns för besökarna."
          />
        </div>
        <TextField
          name="speakerEditDeadline"
          type="datetime-local"
          label="Talarna kan ändra till och med"
          defaultValue={value("speakerEditDeadline")}
          error={e.speakerEditDeadline}
          hint="Svensk tid. Fram till dess kan inbjudna talare själva ändra sina sammanfattningar och sin presentation. Tomt: ingen sista dag."
        />
        <div className="wide">
          <CheckboxField
            name="speakersSeeParticipants"
            label="Talarna ser vilka som har anmält sig till deras lärpass"
            defaultChecked={v ? v.speakersSeeParticipants === "on" : defaults.speakersSeeParticipants}
            error={e.speakersSeeParticipants}
            hint="Talarna ser alltid antalet anmälda och antalet i kö. Med den här rutan ser de också namnen (e-postadressen för den som inte har angett något namn)."
          />
        </div>
      </div>
      <div className="actions">
        <button type="submit" disabled={pending}>
          {pending ? "Sparar…" : "Spara evenemanget"}
        </button>
      </div>
    </form>
  );
}

export function AddDayForm({ action: add, eventId, defaultDate }: { action: Action<DayFormState>; eventId: number; defaultDate: string }) {
  const [state, action, pending] = useActionState<DayFormState, FormData>(add, {});
  const e = state.errors ?? {};
  return (
    <form action={action} noValidate className="panel stack">
      <h3>Lägg till dag</h3>
      <IdField name="eventId" value={eventId} />
      <FormError error={e.form} />
      <div className="form-grid">
        <TextField name="date" idPrefix="dag-" type="date" label="Datum" required defaultValue={state.values?.date ?? defaultDate} error={e.date} />
        <TextField
          name="name"
          idPrefix="dag-"
          label="Namn (valfritt)"
          defaultValue={state.values?.name}
          error={e.name}
          hint="Till exempel Dag 2: lärpass."
        />
      </div>
      <div className="actions">
        <button type="submit" disabled={pending}>
          Lägg till dag
        </button>
      </div>
    </form>
  );
}

export function AddSlotForm({
  action: add,
  eventId,
  days,
  defaultDayId,
}: {
  action: Action<SlotFormState>;
  eventId: number;
  days: { id: number; label: string }[];
  defaultDayId: string;
}) {
  const [state, action, pending] = useActionState<SlotFormState, FormData>(add, {});
  const e = state.errors ?? {};
  const v = state.values ?? {};
  return (
    <form action={action} noValidate className="panel stack">
      <h3>Lägg till tid</h3>
      <IdField name="eventId" value={eventId} />
      <FormError error={e.form} />
      <SlotFields idPrefix="tid-" days={days} values={{ ...v, dayId: v.dayId ?? defaultDayId }} errors={e} withExamples />
      <div className="actions">
        <button type="submit" disabled={pending}>
          Lägg till tid
        </button>
      </div>
    </form>
  );
}

export function AddRoomForm({ action: add, eventId }: { action: Action<RoomFormState>; eventId: number }) {
  const [state, action, pending] = useActionState<RoomFormState, FormData>(add, {});
  const e = state.errors ?? {};
  return (
    <form action={action} noValidate className="panel stack">
      <h3>Lägg till lokal</h3>
      <IdField name="eventId" value={eventId} />
      <FormError error={e.form} />
      <div className="form-grid">
        <TextField name="name" idPrefix="lokal-" label="Namn" required defaultValue={state.values?.name} error={e.name} />
        <TextField
          name="capacity"
          idPrefix="lokal-"
          type="number"
          inputMode="numeric"
          label="Antal platser"
          required
          defaultValue={state.values?.capacity}
          error={e.capacity}
        />
      </div>
      <div className="actions">
        <button type="submit" disabled={pending}>
          Lägg till lokal
        </button>
      </div>
    </form>
  );
}

export function RoomForm({ action: save, room }: { action: Action<RoomFormState>; room: { id: number; name: string; capacity: number } }) {
  const [state, action, pending] = useActionState<RoomFormState, FormData>(save, {});
  const e = state.errors ?? {};
  const prefix = `lokal-${room.id}-`;
  return (
    <form action={action} noValidate className="stack">
      <IdField value={room.id} />
      <FormError error={e.form} />
      <div className="row-actions">
        <TextField name="name" idPrefix={prefix} label="Namn" required defaultValue={state.values?.name ?? room.name} error={e.name} />
        <TextField
          name="capacity"
          idPrefix={prefix}
          type="number"
          inputMode="numeric"
          label="Antal platser"
          required
          defaultValue={state.values?.capacity ?? String(room.capacity)}
          error={e.capacity}
        />
        <div className="field">
          <button type="submit" disabled={pending}>
            Spara<span className="visually-hidden"> lokalen {room.name}</span>
          </button>
        </div>
      </div>
    </form>
  );
}
