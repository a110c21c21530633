"use client";

import { useActionState, useEffect, useState } from "react";
import { Markdown } from "@/components/markdown";
import { TextArea } from "@/app/arrangor/fields";
import { saveAbstractAction, type AbstractFormState } from "../actions";
import { FormErrors, SpeakerConflictPanel } from "../conflict-panel";

/**
 * The abstract of one lärpass. Every button is a plain submit to the same server action, so it works
 * without JavaScript ("Förhandsgranska" comes back rendered); with JavaScript the preview follows the typing.
 */
export function AbstractForm({ larpassId, initial }: { larpassId: number; initial: AbstractFormState }) {
  const [state, formAction, pending] = useActionState<AbstractFormState, FormData>(saveAbstractAction, initial);
  return <Body key={state.seq} larpassId={larpassId} state={state} formAction={formAction} pending={pending} />;
}

function Body({
  larpassId,
  state,
  formAction,
  pending,
}: {
  larpassId: number;
  state: AbstractFormState;
  formAction: (formData: FormData) => void;
  pending: boolean;
}) {
  const [abstract, setAbstract] = useState(state.values.abstract);
  const [scripted, setScripted] = useState(false);
  useEffect(() => setScripted(true), []);
  useEffect(() => {
    const target = state.conflict ? "konflikt" : state.errors ? (state.errors.abstract ? "abstract" : "fel-sammanfattning") : state.preview ? "forhandsvisning" : null;
    if (target) document.getElementById(target)?.focus();
  }, [state]);
  const e = state.errors ?? {};
  return (
    <form action={formAction} noValidate className="stack">
      <input type="hidden" name="larpassId" value={larpassId} />
      <input type="hidden" name="version" value={state.version} />
      <FormErrors errors={e} />
      {state.conflict ? (
        <SpeakerConflictPanel
          what="Sammanfattningen"
          version={state.conflict.current.version}
          updatedAt={state.conflict.current.updatedAt}
          rows={[{ label: "Sammanfattning", theirs: state.conflict.current.abstract, mine: state.conflict.yours.abstract }]}
        />
      ) : null}
      <TextArea
        name="abstract"
        label="Sammanfattning"
        rows={12}
        defaultValue={state.values.abstract}
        error={e.abstract}
        onInput={setAbstract}
        maxLength={10_000}
        hint="Markdown: tom rad mellan stycken, *kursiv*, **fet**, [länktext](https://adress), listor med -."
      />
      <div className="actions">
        <button type="submit" name="op" value="spara" disabled={pending}>
          {pending ? "Sparar…" : "Spara sammanfattningen"}
        </button>
        <button type="submit" name="op" value="forhandsgranska" className="secondary" disabled={pending}>
          Förhandsgranska
        </button>
      </div>
      {scripted || state.preview ? (
        <section id="forhandsvisning" tabIndex={-1} aria-labelledby="forhandsvisning-rubrik" className="preview-panel">
          <h2 id="forhandsvisning-rubrik">Förhandsvisning</h2>
          {abstract.trim() ? <Markdown>{abstract}</Markdown> : <p className="muted">Ingen sammanfattning ännu.</p>}
        </section>
      ) : null}
    </form>
  );
}
