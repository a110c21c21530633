"use client";

import { useActionState } from "react";
import { signInAction, type SignInState } from "./actions";

export function SignInForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, {});
  const emailError = state.errors?.email;
  return (
    <form action={action} noValidate className="panel" style={{ maxWidth: "32rem" }}>
      {state.errors?.form ? (
        <p role="alert" className="notice" id="signin-form-error">
          {state.errors.form}
        </p>
      ) : null}
      <input type="hidden" name="next" value={next} />
      <div className="field">
        <label htmlFor="email">E-postadress</label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={state.values?.email ?? ""}
          aria-invalid={emailError ? true : undefined}
          aria-describedby={emailError ? "email-error" : "email-hint"}
        />
        <p id="email-hint" className="meta">
          Vi mejlar en länk som loggar in dig. Inget lösenord behövs.
        </p>
        <p id="email-error" className="field-error" aria-live="polite">
          {emailError ?? ""}
        </p>
      </div>
      <button type="submit" disabled={pending}>
        {pending ? "Skickar…" : "Skicka inloggningslänk"}
      </button>
    </form>
  );
}
