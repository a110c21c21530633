"use client";

import { useActionState } from "react";

export type ProfileFormState = {
  errors?: Partial<Record<"name" | "organisation" | "otherOrganisation" | "form", string>>;
  values?: Partial<Record<"name" | "organisation" | "otherOrganisation", string>>;
  saved?: boolean;
};

type Props = {
  action: (state: ProfileFormState, formData: FormData) => Promise<ProfileFormState>;
  organisations: { id: number; name: string }[];
  initial: { name: string; organisation: string };
  next: string;
  /** The welcome step offers "Hoppa över"; Mitt konto stays on the page and says "Sparat". */
  mode: "welcome" | "account";
};

/**
 * Name and organisation. The organisation is a plain select of the known organisations (type the first
 * letters to jump, with or without JavaScript) plus "Annan organisation", whose name is typed below.
 */
export function ProfileForm({ action, organisations, initial, next, mode }: Props) {
  const [state, formAction, pending] = useActionState<ProfileFormState, FormData>(action, {});
  const v = { ...initial, otherOrganisation: "", ...state.values };
  const e = state.errors ?? {};
  const describedBy = (name: keyof typeof e, hint?: string) => [hint, e[name] ? `${name}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <form action={formAction} noValidate className="panel" style={{ maxWidth: "36rem" }}>
      {e.form ? (
        <p role="alert" className="notice">
          {e.form}
        </p>
      ) : null}
      {state.saved ? (
        <p role="status" className="notice">
          Sparat.
        </p>
      ) : null}
      <input type="hidden" name="next" value={next} />
      {mode === "account" ? <input type="hidden" name="stanna" value="ja" /> : null}
      <div className="field">
        <label htmlFor="profile-name">Namn</label>
        <input
          id="profile-name"
          name="name"
          type="text"
          autoComplete="name"
          defaultValue={v.name}
          key={`name-${v.name}`}
          aria-invalid={e.name ? true : undefined}
          aria-describedby={describedBy("name")}
        />
        <p id="name-error" className="field-error" aria-live="polite">
          {e.name ?? ""}
        </p>
      </div>
      <div className="field">
        <label htmlFor="profile-organisation">Organisation</label>
        <select
          id="profile-organisation"
          name="organisation"
          // Uncontrolled, keyed by what was sent: React resets a form after its action, back to these defaults.
          defaultValue={v.organisation}
          key={`organisation-${v.organisation}`}
          aria-invalid={e.organisation ? true : undefined}
          aria-describedby={describedBy("organisation", "organisation-hint")}
        >
          <option value="">Välj organisation</option>
          {organisations.map((o) => (
            <option key={o.id} value={String(o.id)}>
              {o.name}
            </option>
          ))}
          <option value="annan">Annan organisation (skriv namnet nedan)</option>
        </select>
        <p id="organisation-hint" className="meta">
          Visas för arrangörerna på deltagarlistan, så att de ser vilka regioner och organisationer som deltar.
        </p>
        <p id="organisation-error" className="field-error" aria-live="polite">
          {e.organisation ?? ""}
        </p>
      </div>
      <div className="field">
        <label htmlFor="profile-other">Annan organisation</label>
        <input
          id="profile-other"
          name="otherOrganisation"
          type="text"
          autoComplete="organization"
          defaultValue={v.otherOrganisation}
          key={`other-${v.otherOrganisation}`}
          aria-invalid={e.otherOrganisation ? true : undefined}
          aria-describedby={describedBy("otherOrganisation", "other-hint")}
        />
        <p id="other-hint" className="meta">
          Bara om din organisation saknas i listan. Arrangörerna bekräftar nya organisationer.
        </p>
        <p id="otherOrganisation-error" className="field-error" aria-live="polite">
          {e.otherOrganisation ?? ""}
        </p>
      </div>
      <div className="actions">
        <button type="submit" name="steg" value="spara" disabled={pending}>
          {pending ? "Sparar…" : "Spara"}
        </button>
        {mode === "welcome" ? (
          <button type="submit" name="steg" value="hoppa" className="secondary" disabled={pending}>
            Hoppa över nu
          </button>
        ) : null}
      </div>
    </form>
  );
}
