"use client";

import { useActionState, useEffect, useState } from "react";
import { Markdown } from "@/components/markdown";
import { TextArea, TextField } from "@/app/arrangor/fields";
import { saveProfileAction, type ProfileFormState } from "../actions";
import { FormErrors, SpeakerConflictPanel } from "../conflict-panel";

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
  const [scripted, setScripted] = useState(false);
  useEffect(() => setScripted(true), []);
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
        <SpeakerConflictPanel
          what="Presentationen"
          version={c.current.version}
          updatedAt={c.current.updatedAt}
          rows={[
            { label: "Roll", theirs: c.current.role, mine: c.yours.role },
            { label: "Organisation", theirs: c.current.organisation, mine: c.yours.organisation },
            { label: "Presentation", theirs: c.current.bio, mine: c.yours.bio },
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
      <div className="actions">
        <button type="submit" name="op" value="spara" disabled={pending}>
          {pending ? "Sparar…" : "Spara presentationen"}
        </button>
        <button type="submit" name="op" value="forhandsgranska" className="secondary" disabled={pending}>
          Förhandsgranska
        </button>
      </div>
      {scripted || state.preview ? (
        <section id="forhandsvisning" tabIndex={-1} aria-labelledby="forhandsvisning-rubrik" className="preview-panel">
          <h2 id="forhandsvisning-rubrik">Förhandsvisning</h2>
          {bio.trim() ? <Markdown>{bio}</Markdown> : <p className="muted">Ingen presentation ännu.</p>}
        </section>
      ) : null}
    </form>
  );
}
