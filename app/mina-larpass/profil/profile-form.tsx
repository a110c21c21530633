"use client";

import { useActionState, useEffect, useState } from "react";
import { TextArea, TextField } from "@/components/form-fields";
import { VersionConflict } from "@/components/version-conflict";
import { saveProfileAction, type ProfileFormState } from "../actions";
import { FormErrors } from "../form-errors";
import { SaveAndPreview } from "../save-and-preview";

/**
 * The speaker's own role, organisation and bio. The organisation is a text field with the known names as
 * suggestions (a datalist): pick one or type a new name. Works without JavaScript, like the abstract form.
 */
export function ProfileForm({ initial, organisations }: { initial: ProfileFormState; organisations: string[] }) {
  const [state, formAction, pending] = useActionState<ProfileFormState, FormData>(saveProfileAction, initial);
  return <Body key={state.seq} state={state} formAction={formAction} pending={pending} organisations={organisations} />;
}

function Body({
  state,
  formAction,
  pending,
  organisations,
}: {
  state: ProfileFormState;
  formAction: (formData: FormData) => void;
  pending: boolean;
  organisations: string[];
}) {
  const [bio, setBio] = useState(state.values.bio);
  useEffect(() => {
    const e = state.errors;
    const field = e ? (["role", "organisation", "bio"] as const).find((f) => e[f]) : undefined;
    const target = state.conflict ? "konflikt" : field ?? (e ? "fel-sammanfattning" : state.preview ? "forhandsvisning" : null);
    if (target) document.getElementById(target)?.focus();
  }, [state]);
  const e = state.errors ?? {};
  const v = state.values;
  const c = state.conflict;
  return (
    <form action={formAction} noValidate className="stack">
      {/* The first submit button is the one Enter uses in a text field: make it "Spara". */}
      <button type="submit" name="op" value="spara" style={{ display: "none" }}>
        Spara
      </button>
      <input type="hidden" name="version" value={state.version} />
      <FormErrors errors={e} />
      {c ? (
        <VersionConflict
          heading="Presentationen är ändrad av någon annan sedan du öppnade den"
          version={c.current.version}
          updatedAt={c.current.updatedAt}
          rows={[
            { key: "role", label: "Roll", theirs: c.current.role, mine: c.yours.role },
            { key: "organisation", label: "Organisation", theirs: c.current.organisation, mine: c.yours.organisation },
            { key: "bio", label: "Presentation", theirs: c.current.bio, mine: c.yours.bio },
          ]}
        />
      ) : null}
      <div className="form-grid">
        <TextField name="role" label="Roll (titel)" defaultValue={v.role} error={e.role} maxLength={200} hint="Till exempel projektledare. Lämna tomt om du inte vill ha någon." />
        <TextField
          name="organisation"
          label="Organisation"
          defaultValue={v.organisation}
          error={e.organisation}
          list="organisationer"
          maxLength={200}
          hint="Välj i listan eller skriv namnet på en ny. Lämna tomt för ingen organisation."
        />
        <datalist id="organisationer">
          {organisations.map((o) => (
            <option key={o} value={o} />
          ))}
        </datalist>
        <div className="wide">
          <TextArea
            name="bio"
            label="Presentation"
            rows={8}
            defaultValue={v.bio}
            error={e.bio}
            onInput={setBio}
            maxLength={10_000}
            hint="Visas på din talarsida. Markdown: tom rad mellan stycken, *kursiv*, **fet**, [länktext](https://adress)."
          />
        </div>
      </div>
      <SaveAndPreview saveLabel="Spara presentationen" pending={pending} preview={state.preview} text={bio} empty="Ingen presentation ännu." />
    </form>
  );
}
