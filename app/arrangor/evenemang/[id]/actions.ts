"use server";

import { notFound, redirect } from "next/navigation";
import {
  addDay,
  addRoom,
  addSlot,
  deleteDay,
  deleteEvent,
  deleteRoom,
  deleteSlot,
  renameDay,
  updateEvent,
  updateRoom,
  updateSlot,
  type SlotChangePlan,
} from "@/lib/admin/events";
import {
  dayFields,
  dayNameFields,
  dayNameSchema,
  daySchema,
  eventFields,
  eventSchema,
  fieldErrors,
  formId,
  formValues,
  isConfirmed,
  roomFields,
  roomSchema,
  slotFields,
  slotSchema,
  type AdminFormState,
} from "@/lib/validation/admin";
import { authorOf } from "@/lib/revisions";
import { requireOrganiser } from "../../guard";

export type EventFormState = AdminFormState<(typeof eventFields)[number]>;
export type DayFormState = AdminFormState<(typeof dayFields)[number]>;
export type DayNameFormState = AdminFormState<(typeof dayNameFields)[number]>;
export type SlotFormState = AdminFormState<(typeof slotFields)[number]>;
/** A changed time that affects members comes back with `confirm` for the organiser to accept. */
export type SlotEditState = SlotFormState & { confirm?: SlotChangePlan };
export type RoomFormState = AdminFormState<(typeof roomFields)[number]>;

const hub = (eventId: number) => `/arrangor/evenemang/${eventId}`;

/**
 * The ids come from the forms' hidden fields (IdField in ../../fields.tsx explains why not .bind). They
 * are untrusted: the role is checked first, and the domain functions answer "not found" for an id that
 * does not exist. The returnTo for the login page is built from the id only when it parses.
 */
const returnTo = (id: ReturnType<typeof formId>, path: (id: number) => string) => (id.ok ? path(id.id) : "/arrangor");

/** For the delete buttons (no form state to answer with): a malformed id is the 404 page. */
function idOrNotFound(formData: FormData): number {
  const id = formId(formData);
  if (!id.ok) notFound();
  return id.id;
}

// The event ------------------------------------------------------------------------------------------------

export async function updateEventAction(_prev: EventFormState, formData: FormData): Promise<EventFormState> {
  const id = formId(formData);
  await requireOrganiser(returnTo(id, hub));
  const values = formValues(formData, eventFields);
  if (!id.ok) return { errors: { form: id.message }, values };
  const parsed = eventSchema.safeParse({ ...values, published: values.published || undefined });
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  const result = updateEvent({ id: id.id, input: parsed.data });
  if (!result.ok) return { errors: result.errors, values };
  redirect(`${hub(id.id)}?sparat=evenemang`);
}

export async function deleteEventAction(formData: FormData): Promise<void> {
  await requireOrganiser(returnTo(formId(formData), hub));
  const id = idOrNotFound(formData);
  if (!isConfirmed(formData)) redirect(`/arrangor/ta-bort/evenemang/${id}`);
  await deleteEvent({ id });
  redirect("/arrangor?borttaget=evenemang");
}

// Days ---------------------------------------------------------------------------------------------------

export async function addDayAction(_prev: DayFormState, formData: FormData): Promise<DayFormState> {
  const eventId = formId(formData, "eventId");
  await requireOrganiser(returnTo(eventId, hub));
  const values = formValues(formData, dayFields);
  if (!eventId.ok) return { errors: { form: eventId.message }, values };
  const parsed = daySchema.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  const result = addDay({ eventId: eventId.id, input: parsed.data });
  if (!result.ok) return { errors: result.errors, values };
  redirect(`${hub(eventId.id)}?sparat=dag#dagar`);
}

export async function renameDayAction(_prev: DayNameFormState, formData: FormData): Promise<DayNameFormState> {
  await requireOrganiser("/arrangor");
  const id = formId(formData);
  const values = formValues(formData, dayNameFields);
  if (!id.ok) return { errors: { form: id.message }, values };
  const parsed = dayNameSchema.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  const result = renameDay({ id: id.id, input: parsed.data });
  if (!result.ok) return { errors: result.errors, values };
  redirect(`${hub(result.id)}?sparat=dagnamn#dagar`);
}

export async function deleteDayAction(formData: FormData): Promise<void> {
  const user = await requireOrganiser("/arrangor");
  const id = idOrNotFound(formData);
  if (!isConfirmed(formData)) redirect(`/arrangor/ta-bort/dag/${id}`);
  const eventId = await deleteDay({ id, author: authorOf(user) });
  redirect(eventId ? `${hub(eventId)}?borttaget=dag#dagar` : "/arrangor");
}

// Time slots ---------------------------------------------------------------------------------------------

export async function addSlotAction(_prev: SlotFormState, formData: FormData): Promise<SlotFormState> {
  const eventId = formId(formData, "eventId");
  await requireOrganiser(returnTo(eventId, hub));
  const values = formValues(formData, slotFields);
  if (!eventId.ok) return { errors: { form: eventId.message }, values };
  const parsed = slotSchema.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  const result = addSlot({ eventId: eventId.id, input: parsed.data });
  if (!result.ok) return { errors: result.errors, values };
  // The day stays chosen for the next slot: organisers add a day's slots one after another.
  redirect(`${hub(eventId.id)}?sparat=tid&dag=${parsed.data.dayId}#tider`);
}

/**
 * Changes a slot. A new time that affects members first comes back as `confirm` (how many, how many lose
 * their choice); the same form sent again with bekraftat=ja carries it out.
 */
export async function updateSlotAction(_prev: SlotEditState, formData: FormData): Promise<SlotEditState> {
  const user = await requireOrganiser("/arrangor");
  const id = formId(formData);
  const values = formValues(formData, slotFields);
  if (!id.ok) return { errors: { form: id.message }, values };
  const parsed = slotSchema.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  const result = await updateSlot({ id: id.id, input: parsed.data, confirmed: isConfirmed(formData), author: authorOf(user) });
  if (!result.ok) return "confirm" in result ? { confirm: result.confirm, values } : { errors: result.errors, values };
  redirect(`${hub(result.id)}?sparat=tidandrad#tider`);
}

export async function deleteSlotAction(formData: FormData): Promise<void> {
  const user = await requireOrganiser("/arrangor");
  const id = idOrNotFound(formData);
  if (!isConfirmed(formData)) redirect(`/arrangor/ta-bort/tid/${id}`);
  const eventId = await deleteSlot({ id, author: authorOf(user) });
  redirect(eventId ? `${hub(eventId)}?borttaget=tid#tider` : "/arrangor");
}

// Rooms --------------------------------------------------------------------------------------------------

export async function addRoomAction(_prev: RoomFormState, formData: FormData): Promise<RoomFormState> {
  const eventId = formId(formData, "eventId");
  await requireOrganiser(returnTo(eventId, hub));
  const values = formValues(formData, roomFields);
  if (!eventId.ok) return { errors: { form: eventId.message }, values };
  const parsed = roomSchema.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  const result = addRoom({ eventId: eventId.id, input: parsed.data });
  if (!result.ok) return { errors: result.errors, values };
  redirect(`${hub(eventId.id)}?sparat=lokal#lokaler`);
}

export async function updateRoomAction(_prev: RoomFormState, formData: FormData): Promise<RoomFormState> {
  await requireOrganiser("/arrangor");
  const id = formId(formData);
  const values = formValues(formData, roomFields);
  if (!id.ok) return { errors: { form: id.message }, values };
  const parsed = roomSchema.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  const result = await updateRoom({ id: id.id, input: parsed.data });
  if (!result.ok) return { errors: result.errors, values };
  redirect(`${hub(result.id)}?sparat=lokal#lokaler`);
}

export async function deleteRoomAction(formData: FormData): Promise<void> {
  const user = await requireOrganiser("/arrangor");
  const id = idOrNotFound(formData);
  if (!isConfirmed(formData)) redirect(`/arrangor/ta-bort/lokal/${id}`);
  const eventId = await deleteRoom({ id, author: authorOf(user) });
  redirect(eventId ? `${hub(eventId)}?borttaget=lokal#lokaler` : "/arrangor");
}
