// The state of the documentation's forms (components/documentation/doc-form.tsx), built by the server actions.
// Kept out of the client component's module: a server action cannot call a function from a "use client" file.

export type DocFormState = {
  /** The message for the whole form (role="alert"). */
  error?: string;
  /** Errors beside fields, by field name. */
  errors?: Record<string, string>;
  /** What was sent, so a refused form keeps what was typed. */
  values?: Record<string, string>;
  notice?: string;
  seq?: number;
};

/** The state a refused form answers with: the message(s) and everything that was sent. */
export function refusedState(formData: FormData, error: string, errors?: Record<string, string>): DocFormState {
  const values: Record<string, string> = {};
  for (const [k, v] of formData.entries()) if (typeof v === "string" && !k.startsWith("$ACTION")) values[k] = v;
  return { error, errors, values, seq: Date.now() };
}
