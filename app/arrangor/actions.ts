"use server";

import { createEvent } from "@/lib/admin/events";
import { formAction } from "@/lib/action-form";
import { newEventFields, newEventSchema } from "@/lib/validation/admin";
import type { FormState } from "@/lib/validation/form";

export type NewEventState = FormState<(typeof newEventFields)[number]>;

/** "Nytt evenemang" on /arrangor: a name and dates; the rest is filled in on the event's own page. */
export const createEventAction = formAction("event.create", {
  fields: newEventFields,
  schema: newEventSchema,
  returnTo: () => "/arrangor",
  call: ({ input }) => createEvent({ input }),
  done: (r) => `/arrangor/evenemang/${r.id}?nytt=1`,
});
