// What every form shares: the state an action answers with, field errors from zod, the typed values, and the
// hidden id fields. One module, so the sign-in form, the speakers' forms and the organisers' forms speak alike.
import { z } from "zod";

export type FieldErrors<F extends string = string> = Partial<Record<F | "form", string>>;

/** The state a form's action returns: what went wrong, next to which field, and what was typed. */
export type FormState<F extends string = string> = {
  errors?: FieldErrors<F>;
  values?: Partial<Record<F, string>>;
  message?: string;
};

/** The first message per field (the path's first key), ready to show next to the field. */
export function fieldErrors<F extends string>(error: z.ZodError): FieldErrors<F> {
  const out: FieldErrors<F> = {};
  for (const issue of error.issues) {
    const key = (issue.path[0] ?? "form") as F | "form";
    if (out[key] === undefined) out[key] = issue.message;
  }
  return out;
}

/** The named fields of a form as strings (files and absent fields as ""). */
export function formValues<F extends string>(formData: FormData, fields: readonly F[]): Record<F, string> {
  const out = {} as Record<F, string>;
  for (const f of fields) {
    // Not form data (a hand-made call of a public action): every field reads as empty.
    const v = formData instanceof FormData ? formData.get(f) : null;
    out[f] = typeof v === "string" ? v : "";
  }
  return out;
}

export const idSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

const formIdMessage = "Det här finns inte längre, eller så är sidan för gammal. Ladda om sidan och försök igen.";
/** An id from a form's hidden field (components/form-fields.tsx IdField): untrusted input like any other. */
export const formIdSchema = z.coerce
  .number({ error: formIdMessage })
  .int(formIdMessage)
  .positive(formIdMessage)
  .max(Number.MAX_SAFE_INTEGER, formIdMessage);

/**
 * The id a form carries in its hidden field `name`: the number, or the Swedish message for the form.
 * Whether the row exists (and belongs where the form says) is for the domain function to check.
 */
export function formId(formData: FormData, name = "id"): { ok: true; id: number } | { ok: false; message: string } {
  // Actions are public endpoints and read the id (for the return address) before the role check: a call
  // whose argument is not form data must get the guard's answer, not a crash.
  const raw = formData instanceof FormData ? formData.get(name) : null;
  const parsed = formIdSchema.safeParse(typeof raw === "string" && raw.trim() !== "" ? raw : undefined);
  return parsed.success ? { ok: true, id: parsed.data } : { ok: false, message: parsed.error.issues[0]?.message ?? formIdMessage };
}

/** The confirmation pages send bekraftat=ja: a delete without it is never carried out. */
export function isConfirmed(formData: FormData): boolean {
  return formData.get("bekraftat") === "ja";
}
