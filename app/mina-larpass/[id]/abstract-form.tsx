"use client";

import { useActionState, useEffect, useState } from "react";
import { TextArea } from "@/components/form-fields";
import { VersionConflict } from "@/components/version-conflict";
import { saveAbstractAction, type AbstractFormState } from "../actions";
import { FormErrors } from "../form-errors";
import { SaveAndPreview } from "../save-and-preview";

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
        <VersionConflict
          heading="Sammanfattningen är ändrad av någon annan sedan du öppnade den"
          version={state.conflict.current.version}
          updatedAt={state.conflict.current.updatedAt}
          rows={[{ key: "abstract", label: "Sammanfattning", theirs: state.conflict.current.abstract, mine: state.conflict.yours.abstract }]}
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
      <SaveAndPreview saveLabel="Spara sammanfattningen" pending={pending} preview={state.preview} text={abstract} empty="Ingen sammanfattning ännu." />
    </form>
  );
}
