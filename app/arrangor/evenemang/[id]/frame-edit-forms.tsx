"use client";

// Changing what is already there in the event's frame: a day's name, and a time slot (day, time, name).
import Link from "next/link";
import { useActionState } from "react";
import { FormError, IdField, SelectField, TextField } from "@/components/form-fields";
import type { SlotField } from "@/lib/validation/admin";
import type { FieldErrors } from "@/lib/validation/form";
import type { DayNameFormState, SlotEditState } from "./actions";

type Action<S> = (prev: S, formData: FormData) => Promise<S>;

export function DayNameForm({
  action: save,
  day,
  label,
}: {
  action: Action<DayNameFormState>;
  day: { id: number; name: string };
  /** The day's date as people read it, for the button's accessible name. */
  label: string;
}) {
  const [state, action, pending] = useActionState<DayNameFormState, FormData>(save, {});
  const e = state.errors ?? {};
  return (
    <form action={action} noValidate className="stack">
      <IdField value={day.id} />
      <FormError error={e.form} />
      <div className="row-actions">
        <TextField
          name="name"
          idPrefix={`dag-${day.id}-`}
          label={
            <>
              Namn<span className="visually-hidden"> på dagen {label}</span> (valfritt)
            </>
          }
          defaultValue={state.values?.name ?? day.name}
          error={e.name}
        />
        <div className="field">
          <button type="submit" className="secondary" disabled={pending}>
            Spara namnet<span className="visually-hidden"> på dagen {label}</span>
          </button>
        </div>
      </div>
    </form>
  );
}

/** Day, start, end and name of a time slot: the fields of "Lägg till tid" and of changing a slot. */
export function SlotFields({
  idPrefix,
  days,
  values: v,
  errors: e,
  withExamples = false,
}: {
  idPrefix: string;
  days: { id: number; label: string }[];
  values: Partial<Record<SlotField, string>>;
  errors: FieldErrors<SlotField>;
  withExamples?: boolean;
}) {
  return (
    <div className="form-grid">
      <SelectField
        name="dayId"
        idPrefix={idPrefix}
        label="Dag"
        required
        defaultValue={v.dayId}
        error={e.dayId}
        options={days.map((d) => ({ value: String(d.id), label: d.label }))}
      />
      <TextField name="start" idPrefix={idPrefix} type="time" label="Börjar" required defaultValue={v.start} error={e.start} />
      <TextField
        name="end"
        idPrefix={idPrefix}
        type="time"
        label="Slutar"
        defaultValue={v.end}
        error={e.end}
        hint="Tomt: 45 minuter efter start, ett lärpass."
      />
      <TextField
        name="label"
        idPrefix={idPrefix}
        label="Namn (valfritt)"
        defaultValue={v.label}
        error={e.label}
        hint={withExamples ? "Till exempel Lärpass 1." : undefined}
      />
    </div>
  );
}

export type SlotDefaults = { id: number; dayId: string; start: string; end: string; label: string };

const people = (n: number) => (n === 1 ? "1 medlem" : `${n} medlemmar`);

/**
 * One time slot's form. A new time is a move for every lärpass in the slot: when members have chosen
 * them, the first "Spara" comes back with what will happen, and "Ja, ändra tiden" (the same form with
 * bekraftat=ja) carries it out. Works without JavaScript.
 */
export function SlotEditForm({
  action: save,
  slot,
  days,
  cancelHref,
}: {
  action: Action<SlotEditState>;
  slot: SlotDefaults;
  days: { id: number; label: string }[];
  cancelHref: string;
}) {
  const [state, action, pending] = useActionState<SlotEditState, FormData>(save, {});
  const e = state.errors ?? {};
  const v = { ...slot, ...state.values };
  const c = state.confirm;
  return (
    <form action={action} noValidate className="panel stack">
      <IdField value={slot.id} />
      <FormError error={e.form} />
      <SlotFields idPrefix="andra-tid-" days={days} values={v} errors={e} />
      {c ? (
        <div role="alert" className="notice stack">
          <p>
            <strong>
              {people(c.members)} har valt {c.larpass === 1 ? "lärpasset" : "lärpass"} vid den här tiden.
            </strong>{" "}
            Tiden ändras från {c.from} till {c.to}, och {c.members === 1 ? "medlemmen" : "alla"} får ett mejl om den nya tiden.
          </p>
          {c.released > 0 ? (
            <p>
              {people(c.released)} har redan valt något annat vid den nya tiden. Deras val här släpps (platsen går till den
              första i kön).
            </p>
          ) : (
            <p>
              {c.members === 1
                ? "Medlemmen har inget annat valt vid den nya tiden och behåller sitt val."
                : "Ingen av dem har något annat valt vid den nya tiden, så alla behåller sina val."}
            </p>
          )}
          <div className="actions">
            <button type="submit" name="bekraftat" value="ja" disabled={pending}>
              Ja, ändra tiden
            </button>
            <Link href={cancelHref}>Nej, avbryt</Link>
          </div>
        </div>
      ) : (
        <div className="actions">
          <button type="submit" disabled={pending}>
            {pending ? "Sparar…" : "Spara tiden"}
          </button>
          <Link href={cancelHref}>Avbryt</Link>
        </div>
      )}
    </form>
  );
}
