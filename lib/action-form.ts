import "server-only";
// The usual form action, declared instead of written out: after the pipeline's caller check, read the typed
// values, parse the hidden id and the form's zod schema, call one lib function, and answer with the form
// state (errors next to the fields, what was typed kept) or redirect. Used by the organisers' plain forms;
// forms with more steps (versions, previews, confirmations) use serverAction directly.
import { notFound, redirect } from "next/navigation";
import type { z } from "zod";
import { serverAction, type CallerOf } from "@/lib/action";
import type { PolicyKey } from "@/lib/policy";
import { fieldErrors, formId, formValues, isConfirmed, type FieldErrors, type FormState } from "@/lib/validation/form";

type NotSaved<F extends string> = { ok: false; errors: FieldErrors<F> };

/** The id from the form's hidden field, or null; only for naming the page the login sends back to. */
const idFor = (formData: FormData, field: string | undefined) => {
  if (!field) return null;
  const id = formId(formData, field);
  return id.ok ? id.id : null;
};

export function formAction<K extends PolicyKey, F extends string, S extends z.ZodType, R extends { ok: true }>(
  key: K,
  spec: {
    fields: readonly F[];
    schema: S;
    /** The hidden field with the row's id ("id", or "eventId" when adding to an event). */
    idField?: string;
    /** Where the login page sends an anonymous caller back to (id: the hidden id, when it parses). */
    returnTo: (id: number | null) => string;
    /** From the typed values to the schema's input, when they differ (a checkbox, say). */
    prepare?: (values: Record<F, string>) => unknown;
    call: (a: { caller: CallerOf<K>; id: number; input: z.output<S> }) => R | NotSaved<F> | Promise<R | NotSaved<F>>;
    /** Where to go once it is saved. */
    done: (result: R, a: { id: number; input: z.output<S> }) => string;
  },
): (prev: FormState<F>, formData: FormData) => Promise<FormState<F>> {
  return serverAction(key, {
    returnTo: (_prev: FormState<F>, formData: FormData) => spec.returnTo(idFor(formData, spec.idField)),
    run: async (caller, _prev: FormState<F>, formData: FormData): Promise<FormState<F>> => {
      const values = formValues(formData, spec.fields);
      let id = 0;
      if (spec.idField) {
        const parsedId = formId(formData, spec.idField);
        if (!parsedId.ok) return { errors: { form: parsedId.message } as FieldErrors<F>, values };
        id = parsedId.id;
      }
      const parsed = spec.schema.safeParse(spec.prepare ? spec.prepare(values) : values);
      if (!parsed.success) return { errors: fieldErrors<F>(parsed.error), values };
      const result = await spec.call({ caller, id, input: parsed.data });
      if (!result.ok) return { errors: result.errors, values };
      redirect(spec.done(result, { id, input: parsed.data }));
    },
  });
}

/**
 * A delete button: the hidden id (malformed: the 404 page), the confirmation page first unless the form says
 * bekraftat=ja, then one lib call and a redirect.
 */
export function deleteAction<K extends PolicyKey, T>(
  key: K,
  spec: {
    /** The kind in /arrangor/ta-bort/<kind>/<id>. */
    kind: string;
    returnTo: (id: number | null) => string;
    call: (a: { caller: CallerOf<K>; id: number }) => T | Promise<T>;
    done: (result: T, id: number) => string;
  },
): (formData: FormData) => Promise<void> {
  return serverAction(key, {
    returnTo: (formData: FormData) => spec.returnTo(idFor(formData, "id")),
    run: async (caller, formData: FormData): Promise<void> => {
      const id = formId(formData);
      if (!id.ok) notFound();
      if (!isConfirmed(formData)) redirect(`/arrangor/ta-bort/${spec.kind}/${id.id}`);
      const result = await spec.call({ caller, id: id.id });
      redirect(spec.done(result, id.id));
    },
  });
}
