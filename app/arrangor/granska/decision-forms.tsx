"use client";

import { useActionState } from "react";
import { FormError, TextArea } from "@/components/form-fields";
import type { ReviewFormState } from "./actions";

type Action = (prev: ReviewFormState, formData: FormData) => Promise<ReviewFormState>;

/** Approve, or send back with a message; the ids travel as hidden fields (see ../fields.tsx IdField). */
export function DecisionForms({
  editId,
  version,
  title,
  approve,
  sendBack,
}: {
  editId: number;
  version: number;
  title: string;
  approve: Action;
  sendBack: Action;
}) {
  const [approved, approveAction, approving] = useActionState<ReviewFormState, FormData>(approve, {});
  const [returned, returnAction, returning] = useActionState<ReviewFormState, FormData>(sendBack, {});
  const hidden = (
    <>
      <input type="hidden" name="editId" value={editId} />
      <input type="hidden" name="version" value={version} />
    </>
  );
  return (
    <div className="stack">
      <form action={approveAction} className="actions">
        {hidden}
        <FormError error={approved.errors?.form} />
        <button type="submit" disabled={approving}>
          Godkänn ändringen<span className="visually-hidden"> av {title}</span>
        </button>
      </form>
      <form action={returnAction} noValidate className="stack">
        {hidden}
        <FormError error={returned.errors?.form} />
        <TextArea
          name="message"
          idPrefix={`granska-${editId}-`}
          label="Meddelande till talaren"
          rows={3}
          defaultValue={returned.values?.message ?? ""}
          error={returned.errors?.message}
          hint="Skickas med mejlet när du skickar tillbaka ändringen: vad behöver ändras?"
        />
        <div className="actions">
          <button type="submit" className="secondary" disabled={returning}>
            Skicka tillbaka<span className="visually-hidden"> ändringen av {title}</span>
          </button>
        </div>
      </form>
    </div>
  );
}
