"use client";

import { useActionState, useState } from "react";
import { Markdown } from "@/components/markdown";
import { FormError, IdField, SelectField, TextArea, TextField } from "@/components/form-fields";
import type { SpeakerFormState } from "./actions";
import { SpeakerConflictPanel } from "./speaker-conflict";

export type SpeakerDefaults = { name: string; slug: string; role: string; organisationId: string; bio: string; email: string };

export function SpeakerForm({
  action: save,
  id,
  defaults,
  organisations,
  mode,
  version,
}: {
  action: (prev: SpeakerFormState, formData: FormData) => Promise<SpeakerFormState>;
  /** The speaker being edited (a hidden field); none when creating. */
  id?: number;
  defaults: SpeakerDefaults;
  organisations: { id: number; name: string }[];
  mode: "create" | "edit";
  /** The speaker's version when the page was drawn (edit): a save from a stale form is refused. */
  version?: number;
}) {
  const [state, action, pending] = useActionState<SpeakerFormState, FormData>(save, { version });
  const v = { ...defaults, ...state.values };
  const e = state.errors ?? {};
  const [bio, setBio] = useState(v.bio);
  return (
    <form action={action} noValidate className="panel stack">
      {id ? <IdField value={id} /> : null}
      {state.version != null ? <input type="hidden" name="version" value={state.version} /> : null}
      <FormError error={e.form} />
      {state.message ? (
        <p role="status" className="inline-notice">
          {state.message}
        </p>
      ) : null}
      {state.conflict ? <SpeakerConflictPanel conflict={state.conflict} /> : null}
      <div className="form-grid">
        <TextField name="name" label="Namn" required defaultValue={v.name} error={e.name} />
        <TextField name="role" label="Roll (valfritt)" defaultValue={v.role} error={e.role} hint="Till exempel projektledare." />
        <SelectField
          name="organisationId"
          label="Organisation"
          defaultValue={v.organisationId}
          error={e.organisationId}
          options={[{ value: "", label: "Ingen organisation" }, ...organisations.map((o) => ({ value: String(o.id), label: o.name }))]}
        />
        <TextField
          name="email"
          type="email"
          label="E-post (visas inte)"
          defaultValue={v.email}
          error={e.email}
          hint="Bara för arrangörerna; syns aldrig på webbplatsen."
        />
        <TextField
          name="slug"
          label="Adressnamn"
          defaultValue={v.slug}
          error={e.slug}
          hint={mode === "create" ? "Lämna tomt så görs det av namnet." : "Talarsidans adress: /talare/adressnamn."}
        />
        <div className="wide">
          <TextArea name="bio" label="Presentation" rows={5} defaultValue={v.bio} error={e.bio} onInput={setBio} hint="Markdown går bra." />
          {bio.trim() ? (
            <section aria-label="Förhandsvisning av presentationen" className="preview-panel">
              <Markdown>{bio}</Markdown>
            </section>
          ) : null}
        </div>
      </div>
      <div className="actions">
        <button type="submit" disabled={pending}>
          {pending ? "Sparar…" : mode === "create" ? "Skapa talare" : "Spara talaren"}
        </button>
      </div>
    </form>
  );
}
