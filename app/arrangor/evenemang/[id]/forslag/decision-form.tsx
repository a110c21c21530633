"use client";

import { useActionState, type ReactNode } from "react";
import { proposalDecisionLabels, proposalDecisions } from "@/lib/domain";
import { TextArea } from "@/components/form-fields";

export type DecisionFormState = {
  seq: number;
  values: { decision: string; message: string };
  errors?: { form?: string; decision?: string; message?: string };
};

/**
 * A decision for one proposal or for the ticked ones (`children`: the list with its check boxes, inside the
 * form), with the call's mail template and an optional message. A plain form: works without JavaScript.
 */
export function DecisionForm({
  action,
  eventId,
  ids,
  back,
  children,
  idPrefix = "",
}: {
  action: (prev: DecisionFormState, formData: FormData) => Promise<DecisionFormState>;
  eventId: number;
  /** Fixed ids (one proposal's page); otherwise the check boxes in `children`. */
  ids?: number[];
  back?: "forslag";
  children?: ReactNode;
  idPrefix?: string;
}) {
  const [state, formAction, pending] = useActionState(action, { seq: 0, values: { decision: "", message: "" } });
  const e = state.errors ?? {};
  return (
    <form action={formAction} className="stack">
      <input type="hidden" name="eventId" value={eventId} />
      {back ? <input type="hidden" name="tillbaka" value={back} /> : null}
      {(ids ?? []).map((id) => (
        <input key={id} type="hidden" name="ids" value={id} />
      ))}
      {e.form ? (
        <p role="alert" className="notice">
          {e.form}
        </p>
      ) : null}
      {children}
      <fieldset key={`d-${state.seq}`} aria-describedby={e.decision ? `${idPrefix}decision-error` : undefined}>
        <legend>Beslut</legend>
        <div className="actions">
          {proposalDecisions.map((d) => (
            <label key={d}>
              <input type="radio" name="decision" value={d} defaultChecked={state.values.decision === d} /> {proposalDecisionLabels[d]}
            </label>
          ))}
        </div>
        <p id={`${idPrefix}decision-error`} className="field-error" aria-live="polite">
          {e.decision ?? ""}
        </p>
      </fieldset>
      <TextArea
        key={`m-${state.seq}`}
        idPrefix={idPrefix}
        name="message"
        label="Meddelande i mejlet (frivilligt)"
        rows={3}
        defaultValue={state.values.message}
        error={e.message}
        maxLength={5_000}
        hint="Skrivs under beslutets mejltext, som ni ställer in under Inlämning."
      />
      <div className="actions">
        <button type="submit" disabled={pending}>
          {pending ? "Sparar…" : "Spara beslutet och skicka mejl"}
        </button>
      </div>
    </form>
  );
}
