"use client";

import { useActionState } from "react";
import { FormError, TextField } from "@/components/form-fields";
import { inviteSpeakerAction, type InviteFormState } from "../inbjudan/actions";

/**
 * "Bjud in talaren": the address the invitation goes to (prefilled with the speaker's e-mail). The id is
 * a hidden field (no `.bind`, see IdField in components/form-fields.tsx); errors are shown next to the field.
 */
export function InviteForm({ speakerId, email, again }: { speakerId: number; email: string; again: boolean }) {
  const [state, action, pending] = useActionState<InviteFormState, FormData>(inviteSpeakerAction, {});
  const e = state.errors ?? {};
  return (
    <form action={action} noValidate className="stack">
      <input type="hidden" name="speakerId" value={speakerId} />
      <FormError error={e.form ?? e.speakerId} />
      <TextField
        name="email"
        idPrefix="inbjudan-"
        type="email"
        label="Talarens e-postadress"
        required
        autoComplete="off"
        defaultValue={state.values?.email ?? email}
        error={e.email}
        hint="Talaren får ett mejl med en inloggningslänk. Kontot kopplas till talaren när adressen loggar in (genast, om kontot redan finns)."
      />
      <div className="actions">
        <button type="submit" disabled={pending}>
          {pending ? "Skickar…" : again ? "Skicka inbjudan igen" : "Bjud in talaren"}
        </button>
      </div>
    </form>
  );
}
