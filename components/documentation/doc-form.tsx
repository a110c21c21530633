"use client";

import { useActionState } from "react";
import type { DocFormState } from "@/lib/documentation/form-state";

export type { DocFormState };

export type DocField = {
  name: string;
  label?: string;
  type: "text" | "textarea" | "select" | "hidden" | "checkbox" | "datetime-local" | "rating" | "file";
  /** For a file field: the types the picker offers (the server checks the file itself). */
  accept?: string;
  options?: { value: string; label: string }[];
  defaultValue?: string;
  hint?: string;
  rows?: number;
};

/**
 * The documentation's forms, described as data by the server pages: every field keeps what was typed when
 * the action refuses (state.values), errors sit beside the field, and the form works without JavaScript
 * (useActionState answers the plain POST with the same state).
 */
export function DocForm({
  action,
  fields,
  submit,
  id,
  className = "stack",
}: {
  action: (state: DocFormState, formData: FormData) => Promise<DocFormState>;
  fields: DocField[];
  submit: string;
  id: string;
  className?: string;
}) {
  const [state, formAction, pending] = useActionState<DocFormState, FormData>(action, {});
  const value = (f: DocField) => state.values?.[f.name] ?? f.defaultValue ?? "";
  return (
    <form action={formAction} className={`doc-form ${className}`} noValidate key={state.seq ?? 0}>
      {state.error ? (
        <p role="alert" className="inline-notice error">
          {state.error}
        </p>
      ) : null}
      {state.notice ? (
        <p role="status" className="inline-notice">
          {state.notice}
        </p>
      ) : null}
      {fields.map((f) => {
        const fid = `${id}-${f.name}`;
        const err = state.errors?.[f.name];
        const described = [f.hint ? `${fid}-hint` : null, err ? `${fid}-error` : null].filter(Boolean).join(" ") || undefined;
        if (f.type === "hidden") return <input key={f.name} type="hidden" name={f.name} value={value(f)} />;
        const hint = f.hint ? (
          <p id={`${fid}-hint`} className="meta">
            {f.hint}
          </p>
        ) : null;
        const error = (
          <p id={`${fid}-error`} className="field-error" aria-live="polite">
            {err ?? ""}
          </p>
        );
        if (f.type === "rating") {
          return (
            <fieldset key={f.name} className="rating-field" aria-describedby={described}>
              <legend>{f.label}</legend>
              {hint}
              <div className="rating-options">
                {(f.options ?? []).map((o) => (
                  <label key={o.value}>
                    <input type="radio" name={f.name} value={o.value} defaultChecked={value(f) === o.value} />
                    {o.label}
                  </label>
                ))}
              </div>
              {error}
            </fieldset>
          );
        }
        if (f.type === "checkbox") {
          return (
            <div key={f.name} className="field checkbox-field">
              <label>
                <input type="checkbox" name={f.name} value="1" defaultChecked={value(f) === "1"} aria-describedby={described} /> {f.label}
              </label>
              {hint}
              {error}
            </div>
          );
        }
        return (
          <div key={f.name} className="field">
            <label htmlFor={fid}>{f.label}</label>
            {hint}
            {f.type === "textarea" ? (
              <textarea id={fid} name={f.name} rows={f.rows ?? 4} defaultValue={value(f)} aria-invalid={err ? true : undefined} aria-describedby={described} />
            ) : f.type === "select" ? (
              <select id={fid} name={f.name} defaultValue={value(f)} aria-invalid={err ? true : undefined} aria-describedby={described}>
                {(f.options ?? []).map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            ) : f.type === "file" ? (
              <input id={fid} name={f.name} type="file" accept={f.accept} aria-invalid={err ? true : undefined} aria-describedby={described} />
            ) : (
              <input id={fid} name={f.name} type={f.type} defaultValue={value(f)} aria-invalid={err ? true : undefined} aria-describedby={described} />
            )}
            {error}
          </div>
        );
      })}
      <div className="actions">
        <button type="submit" disabled={pending}>
          {submit}
        </button>
      </div>
    </form>
  );
}
