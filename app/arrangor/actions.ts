"use server";

import { redirect } from "next/navigation";
import { createEvent } from "@/lib/admin/events";
import { fieldErrors, formValues, newEventFields, newEventSchema, type AdminFormState } from "@/lib/validation/admin";
import { requireOrganiser } from "./guard";

export type NewEventState = AdminFormState<(typeof newEventFields)[number]>;

/** "Nytt evenemang" on /arrangor: a name and dates; the rest is filled in on the event's own page. */
export async function createEventAction(_prev: NewEventState, formData: FormData): Promise<NewEventState> {
  await requireOrganiser("/arrangor");
  const values = formValues(formData, newEventFields);
  const parsed = newEventSchema.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  const result = createEvent({ input: parsed.data });
  if (!result.ok) return { errors: result.errors, values };
  redirect(`/arrangor/evenemang/${result.id}?nytt=1`);
}
