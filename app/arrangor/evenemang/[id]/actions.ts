"use server";

import { deleteEvent, updateEvent } from "@/lib/admin/events";
import { addRoom, deleteRoom, updateRoom } from "@/lib/admin/rooms";
import { addSlot, deleteSlot, updateSlot, type SlotChangePlan } from "@/lib/admin/slots";
import { addDay, deleteDay, renameDay } from "@/lib/admin/days";
import { serverAction } from "@/lib/action";
import { deleteAction, formAction } from "@/lib/action-form";
import { authorOf } from "@/lib/revisions";
import { dayFields, dayNameFields, dayNameSchema, daySchema, eventFields, eventSchema, roomFields, roomSchema, slotFields, slotSchema } from "@/lib/validation/admin";
import { fieldErrors, formId, formValues, isConfirmed, type FormState } from "@/lib/validation/form";
import { redirect } from "next/navigation";

export type EventFormState = FormState<(typeof eventFields)[number]>;
export type DayFormState = FormState<(typeof dayFields)[number]>;
export type DayNameFormState = FormState<(typeof dayNameFields)[number]>;
export type SlotFormState = FormState<(typeof slotFields)[number]>;
/** A changed time that affects members comes back with `confirm` for the organiser to accept. */
export type SlotEditState = SlotFormState & { confirm?: SlotChangePlan };
export type RoomFormState = FormState<(typeof roomFields)[number]>;

// The ids come from the forms' hidden fields (IdField in components/form-fields.tsx explains why not .bind),
// untrusted: the lib functions answer "not found" for an id that does not exist.
const hub = (eventId: number) => `/arrangor/evenemang/${eventId}`;
const hubOr = (id: number | null) => (id ? hub(id) : "/arrangor");
const organiserHome = () => "/arrangor";

// The event ------------------------------------------------------------------------------------------------

export const updateEventAction = formAction("event.update", {
  fields: eventFields,
  schema: eventSchema,
  idField: "id",
  returnTo: hubOr,
  prepare: (values) => ({ ...values, published: values.published || undefined }),
  call: ({ id, input }) => updateEvent({ id, input }),
  done: (_r, { id }) => `${hub(id)}?sparat=evenemang`,
});

export const deleteEventAction = deleteAction("event.delete", {
  kind: "evenemang",
  returnTo: hubOr,
  call: ({ id }) => deleteEvent({ id }),
  done: () => "/arrangor?borttaget=evenemang",
});

// Days ---------------------------------------------------------------------------------------------------

export const addDayAction = formAction("day.add", {
  fields: dayFields,
  schema: daySchema,
  idField: "eventId",
  returnTo: hubOr,
  call: ({ id, input }) => addDay({ eventId: id, input }),
  done: (_r, { id }) => `${hub(id)}?sparat=dag#dagar`,
});

export const renameDayAction = formAction("day.rename", {
  fields: dayNameFields,
  schema: dayNameSchema,
  idField: "id",
  returnTo: organiserHome,
  call: ({ id, input }) => renameDay({ id, input }),
  done: (r) => `${hub(r.id)}?sparat=dagnamn#dagar`,
});

export const deleteDayAction = deleteAction("day.delete", {
  kind: "dag",
  returnTo: organiserHome,
  call: ({ caller, id }) => deleteDay({ id, author: authorOf(caller) }),
  done: (eventId) => (eventId ? `${hub(eventId)}?borttaget=dag#dagar` : "/arrangor"),
});

// Time slots ---------------------------------------------------------------------------------------------

export const addSlotAction = formAction("slot.add", {
  fields: slotFields,
  schema: slotSchema,
  idField: "eventId",
  returnTo: hubOr,
  call: ({ id, input }) => addSlot({ eventId: id, input }),
  // The day stays chosen for the next slot: organisers add a day's slots one after another.
  done: (_r, { id, input }) => `${hub(id)}?sparat=tid&dag=${input.dayId}#tider`,
});

/**
 * Changes a slot. A new time that affects members first comes back as `confirm` (how many, how many lose
 * their choice; updateSlot decides); the same form sent again with bekraftat=ja carries it out.
 */
export const updateSlotAction = serverAction("slot.update", {
  returnTo: organiserHome,
  run: async (caller, _prev: SlotEditState, formData: FormData): Promise<SlotEditState> => {
    const id = formId(formData);
    const values = formValues(formData, slotFields);
    if (!id.ok) return { errors: { form: id.message }, values };
    const parsed = slotSchema.safeParse(values);
    if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
    const result = await updateSlot({ id: id.id, input: parsed.data, confirmed: isConfirmed(formData), author: authorOf(caller) });
    if (!result.ok) return "confirm" in result ? { confirm: result.confirm, values } : { errors: result.errors, values };
    redirect(`${hub(result.id)}?sparat=tidandrad#tider`);
  },
});

export const deleteSlotAction = deleteAction("slot.delete", {
  kind: "tid",
  returnTo: organiserHome,
  call: ({ caller, id }) => deleteSlot({ id, author: authorOf(caller) }),
  done: (eventId) => (eventId ? `${hub(eventId)}?borttaget=tid#tider` : "/arrangor"),
});

// Rooms --------------------------------------------------------------------------------------------------

export const addRoomAction = formAction("room.add", {
  fields: roomFields,
  schema: roomSchema,
  idField: "eventId",
  returnTo: hubOr,
  call: ({ id, input }) => addRoom({ eventId: id, input }),
  done: (_r, { id }) => `${hub(id)}?sparat=lokal#lokaler`,
});

export const updateRoomAction = formAction("room.update", {
  fields: roomFields,
  schema: roomSchema,
  idField: "id",
  returnTo: organiserHome,
  call: ({ id, input }) => updateRoom({ id, input }),
  done: (r) => `${hub(r.id)}?sparat=lokal#lokaler`,
});

export const deleteRoomAction = deleteAction("room.delete", {
  kind: "lokal",
  returnTo: organiserHome,
  call: ({ caller, id }) => deleteRoom({ id, author: authorOf(caller) }),
  done: (eventId) => (eventId ? `${hub(eventId)}?borttaget=lokal#lokaler` : "/arrangor"),
});
