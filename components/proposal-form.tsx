"use client";

import { useActionState, useEffect, useState } from "react";
import { CO_SPEAKER_ROWS, languageLabels } from "@/lib/domain";
import { useHydrated } from "@/components/use-hydrated";
import { Markdown } from "@/components/markdown";
import { SelectField, TextArea, TextField } from "@/components/form-fields";

/** The answer of the proposal form's action: typed values kept, errors next to the fields. */
export type ProposalFormState = {
  /** Grows with every answer, so the form is drawn afresh from `values`. */
  seq: number;
  values: Record<string, string>;
  errors?: Partial<Record<string, string>>;
  /** Show the abstract rendered (the "Förhandsgranska" button, for browsers without JavaScript). */
  preview?: boolean;
};

/**
 * The proposer's form, for a new proposal and for editing one. Every button is a plain submit to the same
 * server action (passed in: a component never imports a route's actions), so it works without JavaScript;
 * with JavaScript the abstract's preview follows the typing. Co-speakers have fixed rows for the same reason.
 */
export function ProposalForm({
  action,
  initial,
  eventId,
  proposalId,
  draftToken,
  choices,
  submitted,
}: {
  action: (prev: ProposalFormState, formData: FormData) => Promise<ProposalFormState>;
  initial: ProposalFormState;
  eventId: number;
  proposalId: number | null;
  /** The token of a draft kept over an expired session (dropped once saved). */
  draftToken: string;
  choices: { formats: { name: string; minutes: number }[]; tracks: string[]; languages: string[] };
  /** Already sent in: one save button, no "Spara utkast". */
  submitted: boolean;
}) {
  const [state, formAction, pending] = useActionState(action, initial);
  return (
    <Body
      key={state.seq}
      {...{ state, formAction, pending, eventId, proposalId, draftToken, choices, submitted }}
    />
  );
}

function Body({
  state,
  formAction,
  pending,
  eventId,
  proposalId,
  draftToken,
  choices,
  submitted,
}: {
  state: ProposalFormState;
  formAction: (formData: FormData) => void;
  pending: boolean;
  eventId: number;
  proposalId: number | null;
  draftToken: string;
  choices: { formats: { name: string; minutes: number }[]; tracks: string[]; languages: string[] };
  submitted: boolean;
}) {
  const v = state.values;
  const e = state.errors ?? {};
  const [abstract, setAbstract] = useState(v.abstract ?? "");
  const scripted = useHydrated();
  useEffect(() => {
    const first = state.errors ? Object.keys(state.errors)[0] : null;
    const target = first ? (first === "form" ? "forslag-fel" : first) : state.preview ? "forhandsvisning" : null;
    if (target) document.getElementById(target)?.focus();
  }, [state]);
  return (
    <form action={formAction} noValidate className="stack">
      <input type="hidden" name="eventId" value={eventId} />
      {proposalId ? <input type="hidden" name="proposalId" value={proposalId} /> : null}
      {draftToken ? <input type="hidden" name="utkast" value={draftToken} /> : null}
      {Object.keys(e).length ? (
        <div id="forslag-fel" tabIndex={-1} className="notice" role="alert">
          <p>{e.form ?? "Förslaget är inte sparat. Rätta det som är markerat nedan."}</p>
        </div>
      ) : null}
      <TextField name="title" label="Titel" required defaultValue={v.title} error={e.title} maxLength={200} />
      <SelectField
        name="format"
        label="Format"
        defaultValue={v.format || choices.formats[0]?.name}
        error={e.format}
        options={choices.formats.map((f) => ({ value: f.name, label: `${f.name} (${f.minutes} min)` }))}
      />
      {choices.tracks.length ? (
        <SelectField
          name="track"
          label="Spår"
          defaultValue={v.track}
          error={e.track}
          options={[{ value: "", label: "Inget särskilt spår" }, ...choices.tracks.map((t) => ({ value: t, label: t }))]}
        />
      ) : (
        <input type="hidden" name="track" value="" />
      )}
      <SelectField
        name="language"
        label="Språk"
        defaultValue={v.language || choices.languages[0]}
        error={e.language}
        options={choices.languages.map((l) => ({ value: l, label: languageLabels[l] ?? l }))}
      />
      <TextArea
        name="abstract"
        label="Sammanfattning"
        rows={10}
        defaultValue={v.abstract}
        error={e.abstract}
        onInput={setAbstract}
        maxLength={10_000}
        hint="Vad händer på lärpasset, och vad tar deltagarna med sig? Markdown: tom rad mellan stycken, *kursiv*, **fet**, listor med -."
      />
      {scripted || state.preview ? (
        <section id="forhandsvisning" tabIndex={-1} aria-labelledby="forhandsvisning-rubrik" className="preview-panel">
          <h2 id="forhandsvisning-rubrik">Förhandsvisning av sammanfattningen</h2>
          {abstract.trim() ? <Markdown>{abstract}</Markdown> : <p className="muted">Ingen sammanfattning ännu.</p>}
        </section>
      ) : null}
      <TextField name="organisation" label="Din organisation" defaultValue={v.organisation} error={e.organisation} maxLength={200} autoComplete="organization" />
      {Array.from({ length: CO_SPEAKER_ROWS }, (_, i) => i + 1).map((i) => (
        <fieldset key={i}>
          <legend>Medtalare {i} (frivilligt)</legend>
          <TextField name={`co${i}Name`} label="Namn" defaultValue={v[`co${i}Name`]} error={e[`co${i}Name`]} maxLength={200} />
          <TextField name={`co${i}Organisation`} label="Organisation" defaultValue={v[`co${i}Organisation`]} error={e[`co${i}Organisation`]} maxLength={200} />
          <TextField name={`co${i}Email`} label="E-postadress" type="email" inputMode="email" defaultValue={v[`co${i}Email`]} error={e[`co${i}Email`]} maxLength={320} />
        </fieldset>
      ))}
      <TextArea name="message" label="Meddelande till arrangörerna (frivilligt)" rows={4} defaultValue={v.message} error={e.message} maxLength={5_000} hint="Syns bara för arrangörerna." />
      <div className="actions">
        {submitted ? (
          <button type="submit" name="op" value="spara" disabled={pending}>
            {pending ? "Sparar…" : "Spara ändringarna"}
          </button>
        ) : (
          <>
            <button type="submit" name="op" value="skicka" disabled={pending}>
              {pending ? "Sparar…" : "Skicka in förslaget"}
            </button>
            <button type="submit" name="op" value="spara" className="secondary" disabled={pending}>
              Spara utkast
            </button>
          </>
        )}
        <button type="submit" name="op" value="forhandsgranska" className="secondary" disabled={pending}>
          Förhandsgranska
        </button>
      </div>
    </form>
  );
}
