"use client";

import { useActionState } from "react";
import { organisationKindLabels, organisationKinds } from "@/lib/domain";
import { FormError, IdField, SelectField, TextField } from "@/components/form-fields";
import type { OrganisationFormState } from "./actions";

export type OrganisationDefaults = { name: string; slug: string; kind: string };

export function OrganisationForm({
  action: save,
  id,
  defaults,
  mode,
}: {
  action: (prev: OrganisationFormState, formData: FormData) => Promise<OrganisationFormState>;
  /** The organisation being edited (a hidden field); none when creating. */
  id?: number;
  defaults: OrganisationDefaults;
  mode: "create" | "edit";
}) {
  const [state, action, pending] = useActionState<OrganisationFormState, FormData>(save, {});
  const v = { ...defaults, ...state.values };
  const e = state.errors ?? {};
  return (
    <form action={action} noValidate className="panel stack">
      {id ? <IdField value={id} /> : null}
      <FormError error={e.form} />
      <div className="form-grid">
        <TextField name="name" label="Namn" required defaultValue={v.name} error={e.name} />
        <SelectField
          name="kind"
          label="Typ"
          required
          defaultValue={v.kind}
          error={e.kind}
          options={organisationKinds.map((k) => ({ value: k, label: organisationKindLabels[k] }))}
        />
        <TextField
          name="slug"
          label="Adressnamn"
          defaultValue={v.slug}
          error={e.slug}
          hint={mode === "create" ? "Lämna tomt så görs det av namnet." : "Organisationssidans adress: /organisationer/adressnamn."}
        />
      </div>
      <div className="actions">
        <button type="submit" disabled={pending}>
          {pending ? "Sparar…" : mode === "create" ? "Skapa organisation" : "Spara organisationen"}
        </button>
      </div>
    </form>
  );
}
