"use client";

import { useActionState } from "react";
import { deleteAccountAction, type DeleteState } from "./actions";

export function DeleteAccountForm() {
  const [state, action, pending] = useActionState<DeleteState, FormData>(deleteAccountAction, {});
  return (
    <form action={action} noValidate>
      <div className="field" style={{ flexDirection: "row", alignItems: "center", gap: "0.5rem" }}>
        <input
          id="confirm"
          name="confirm"
          type="checkbox"
          value="ja"
          aria-invalid={state.error ? true : undefined}
          aria-describedby="confirm-error"
        />
        <label htmlFor="confirm">Jag förstår att mitt konto och alla mina val tas bort och inte går att få tillbaka.</label>
      </div>
      <p id="confirm-error" className="field-error" aria-live="polite">
        {state.error ?? ""}
      </p>
      <button type="submit" disabled={pending} style={{ background: "var(--danger)", borderColor: "var(--danger)" }}>
        Ta bort mitt konto
      </button>
    </form>
  );
}
