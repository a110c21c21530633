// Form fields shared by the organisers' and the speakers' forms: a label, an optional hint, and the error next to the field
// (aria-describedby, aria-live), so a screen reader hears what is wrong where it is. Server and client safe.
import type { ReactNode } from "react";

type Common = {
  name: string;
  label: ReactNode;
  /** Prefix for ids when one page has several forms with the same field names. */
  idPrefix?: string;
  error?: string;
  hint?: ReactNode;
  required?: boolean;
};

function ids({ name, idPrefix, error, hint }: Common) {
  const id = `${idPrefix ?? ""}${name}`;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return { id, describedBy };
}

function Hint({ id, hint }: { id: string; hint?: ReactNode }) {
  return hint ? (
    <p id={`${id}-hint`} className="meta">
      {hint}
    </p>
  ) : null;
}

export function FieldError({ id, error }: { id: string; error?: string }) {
  return (
    <p id={`${id}-error`} className="field-error" aria-live="polite">
      {error ?? ""}
    </p>
  );
}

/** Label, the control, hint and error: the frame every field of the workspace shares. */
function FieldShell({ id, label, required, hint, error, children }: { id: string; label: ReactNode; required?: boolean; hint?: ReactNode; error?: string; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
      {children}
      <Hint id={id} hint={hint} />
      <FieldError id={id} error={error} />
    </div>
  );
}

export function TextField(
  props: Common & {
    type?: "text" | "email" | "number" | "date" | "time" | "datetime-local";
    defaultValue?: string;
    autoComplete?: string;
    inputMode?: "numeric" | "text" | "email";
    list?: string;
    pattern?: string;
    maxLength?: number;
  },
) {
  const { id, describedBy } = ids(props);
  return (
    <FieldShell id={id} {...props}>
      <input
        id={id}
        name={props.name}
        type={props.type ?? "text"}
        defaultValue={props.defaultValue}
        required={props.required}
        autoComplete={props.autoComplete ?? "off"}
        inputMode={props.inputMode}
        list={props.list}
        maxLength={props.maxLength}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy}
      />
    </FieldShell>
  );
}

export function TextArea(
  props: Common & { defaultValue?: string; rows?: number; onInput?: (value: string) => void; maxLength?: number },
) {
  const { id, describedBy } = ids(props);
  return (
    <FieldShell id={id} {...props}>
      <textarea
        id={id}
        name={props.name}
        rows={props.rows ?? 6}
        defaultValue={props.defaultValue}
        required={props.required}
        maxLength={props.maxLength}
        onInput={props.onInput ? (e) => props.onInput!((e.target as HTMLTextAreaElement).value) : undefined}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy}
      />
    </FieldShell>
  );
}

export function SelectField(
  props: Common & { defaultValue?: string; options: { value: string; label: string }[] },
) {
  const { id, describedBy } = ids(props);
  return (
    <FieldShell id={id} {...props}>
      <select
        id={id}
        name={props.name}
        defaultValue={props.defaultValue}
        required={props.required}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function CheckboxField(props: Common & { defaultChecked?: boolean }) {
  const { id, describedBy } = ids(props);
  return (
    <div className="field checkbox-field">
      <div className="checkbox-row">
        <input
          id={id}
          name={props.name}
          type="checkbox"
          defaultChecked={props.defaultChecked}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={describedBy}
        />
        <label htmlFor={id}>{props.label}</label>
      </div>
      <Hint id={id} hint={props.hint} />
      <FieldError id={id} error={props.error} />
    </div>
  );
}

/**
 * The id of what a form edits (or of the event it adds to), as a hidden field the action parses with zod
 * (formId in lib/validation/admin.ts). The house guide passes ids with `.bind(null, id)`; we do not:
 * Next 16.4.5 hangs the server process (100 % CPU, no answer) when a bound action used with
 * useActionState is posted without JavaScript and returns a state, e.g. a field error. The id from the
 * form is untrusted input: every action still checks the role first, and the domain function checks
 * that the row exists.
 */
export function IdField({ name = "id", value }: { name?: string; value: number }) {
  return <input type="hidden" name={name} value={value} />;
}

/** The form's own error (not tied to one field), announced at once. */
export function FormError({ error, id }: { error?: string; id?: string }) {
  return error ? (
    <p role="alert" className="notice" id={id}>
      {error}
    </p>
  ) : null;
}

/** A one-line confirmation after a redirect (?sparat=...), announced politely. */
export function Saved({ children }: { children: ReactNode }) {
  return (
    <p role="status" className="inline-notice saved">
      {children}
    </p>
  );
}
