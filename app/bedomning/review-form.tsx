"use client";

import { useActionState } from "react";
import { TextArea } from "@/components/form-fields";

export type ReviewFormState = {
  seq: number;
  values: { comment: string; scores: string[] };
  errors?: { form?: string; comment?: string; scores?: string };
};

/** Scores 1–5 on each of the call's criteria and a comment. A plain form: works without JavaScript. */
export function ReviewForm({
  action,
  proposalId,
  criteria,
  initial,
}: {
  action: (prev: ReviewFormState, formData: FormData) => Promise<ReviewFormState>;
  proposalId: number;
  criteria: string[];
  initial: ReviewFormState;
}) {
  const [state, formAction, pending] = useActionState(action, initial);
  const e = state.errors ?? {};
  return (
    <form action={formAction} className="stack" key={state.seq}>
      <input type="hidden" name="proposalId" value={proposalId} />
      <input type="hidden" name="criteria" value={criteria.length} />
      {e.form || e.scores ? (
        <p role="alert" className="notice">
          {e.form ?? e.scores}
        </p>
      ) : null}
      {criteria.map((c, i) => (
        <fieldset key={c}>
          <legend>{c}</legend>
          <div className="actions">
            {[1, 2, 3, 4, 5].map((s) => (
              <label key={s}>
                <input type="radio" name={`score${i}`} value={s} defaultChecked={state.values.scores[i] === String(s)} required /> {s}
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      <TextArea name="comment" label="Kommentar" rows={4} defaultValue={state.values.comment} error={e.comment} maxLength={5_000} hint="Syns för arrangörerna och de andra som bedömer, aldrig för den som föreslog." />
      <div className="actions">
        <button type="submit" disabled={pending}>
          {pending ? "Sparar…" : "Spara bedömningen"}
        </button>
      </div>
    </form>
  );
}
