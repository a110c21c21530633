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
  updateEvent,
  updateRoom,
} from "@/lib/admin/events";
import {
  dayFields,
  daySchema,
  eventFields,
  eventSchema,
  fieldErrors,
  formValues,
  idSchema,
  isConfirmed,
  roomFields,
  roomSchema,
  slotFields,
  slotSchema,
  type AdminFormState,
} from "@/lib/validation/admin";
import { requireOrganiser } from "../../guard";

export type EventFormState = AdminFormState<(typeof eventFields)[number]>;
export type DayFormState = AdminFormState<(typeof dayFields)[number]>;
export type SlotFormState = AdminFormState<(typeof slotFields)[number]>;
export type RoomFormState = AdminFormState<(typeof roomFields)[number]>;

const hub = (eventId: number) => `/arrangor/evenemang/${eventId}`;

function idOrNotFound(raw: unknown): number {
  const id = idSchema.safeParse(raw);
  if (!id.success) notFound();
  return id.data;
}

// The event ------------------------------------------------------------------------------------------------

export async function updateEventAction(eventId: number, _prev: EventFormState, formData: FormData): Promise<EventFormState> {
  await requireOrganiser(hub(eventId));
  const id = idOrNotFound(eventId);
  const values = formValues(formData, eventFields);
  const parsed = eventSchema.safeParse({ ...values, published: values.published || undefined });
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  const result = updateEvent({ id, input: parsed.data });
  if (!result.ok) return { errors: result.errors, values };
  redirect(`${hub(id)}?sparat=evenemang`);
}

export async function deleteEventAction(eventId: number, formData: FormData): Promise<void> {
  await requireOrganiser(hub(eventId));
  const id = idOrNotFound(eventId);
  if (!isConfirmed(formData)) redirect(`/arrangor/ta-bort/evenemang/${id}`);
  await deleteEvent({ id });
  redirect("/arrangor?borttaget=evenemang");
}

// Days ---------------------------------------------------------------------------------------------------

export async function addDayAction(eventId: number, _prev: DayFormState, formData: FormData): Promise<DayFormState> {
  await requireOrganiser(hub(eventId));
  const id = idOrNotFound(eventId);
  const values = formValues(formData, dayFields);
  const parsed = daySchema.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  const result = addDay({ eventId: id, input: parsed.data });
  if (!result.ok) return { errors: result.errors, values };
  redirect(`${hub(id)}?sparat=dag#dagar`);
}

export async function deleteDayAction(dayId: number, formData: FormData): Promise<void> {
  await requireOrganiser("/arrangor");
  const id = idOrNotFound(dayId);
  if (!isConfirmed(formData)) redirect(`/arrangor/ta-bort/dag/${id}`);
  const eventId = await deleteDay({ id });
  redirect(eventId ? `${hub(eventId)}?borttaget=dag#dagar` : "/arrangor");
}

// Time slots ---------------------------------------------------------------------------------------------

export async function addSlotAction(eventId: number, _prev: SlotFormState, formData: FormData): Promise<SlotFormState> {
  await requireOrganiser(hub(eventId));
  const id = idOrNotFound(eventId);
  const values = formValues(formData, slotFields);
  const parsed = slotSchema.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  const result = addSlot({ eventId: id, input: parsed.data });
  if (!result.ok) return { errors: result.errors, values };
  // The day stays chosen for the next slot: organisers add a day's slots one after another.
  redirect(`${hub(id)}?sparat=tid&dag=${parsed.data.dayId}#tider`);
}

export async function deleteSlotAction(slotId: number, formData: FormData): Promise<void> {
  await requireOrganiser("/arrangor");
  const id = idOrNotFound(slotId);
  if (!isConfirmed(formData)) redirect(`/arrangor/ta-bort/tid/${id}`);
  const eventId = await deleteSlot({ id });
  redirect(eventId ? `${hub(eventId)}?borttaget=tid#tider` : "/arrangor");
}

// Rooms --------------------------------------------------------------------------------------------------

export async function addRoomAction(eventId: number, _prev: RoomFormState, formData: FormData): Promise<RoomFormState> {
  await requireOrganiser(hub(eventId));
  const id = idOrNotFound(eventId);
  const values = formValues(formData, roomFields);
  const parsed = roomSchema.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  const result = addRoom({ eventId: id, input: parsed.data });
  if (!result.ok) return { errors: result.errors, values };
  redirect(`${hub(id)}?sparat=lokal#lokaler`);
}

export async function updateRoomAction(roomId: number, _prev: RoomFormState, formData: FormData): Promise<RoomFormState> {
  await requireOrganiser("/arrangor");
  const id = idOrNotFound(roomId);
  const values = formValues(formData, roomFields);
  const parsed = roomSchema.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  const result = await updateRoom({ id, input: parsed.data });
  if (!result.ok) return { errors: result.errors, values };
  redirect(`${hub(result.id)}?sparat=lokal#lokaler`);
}

export async function deleteRoomAction(roomId: number, formData: FormData): Promise<void> {
  await requireOrganiser("/arrangor");
  const id = idOrNotFound(roomId);
  if (!isConfirmed(formData)) redirect(`/arrangor/ta-bort/lokal/${id}`);
  const eventId = await deleteRoom({ id });
  redirect(eventId ? `${hub(eventId)}?borttaget=lokal#lokaler` : "/arrangor");
}
