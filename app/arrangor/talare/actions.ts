"use server";

import { notFound, redirect } from "next/navigation";
import { createSpeaker, deleteSpeaker, updateSpeaker } from "@/lib/admin/people";
import { fieldErrors, formValues, idSchema, isConfirmed, speakerFields, speakerSchema, type AdminFormState } from "@/lib/validation/admin";
import { requireOrganiser } from "../guard";

export type SpeakerFormState = AdminFormState<(typeof speakerFields)[number]>;

export async function createSpeakerAction(_prev: SpeakerFormState, formData: FormData): Promise<SpeakerFormState> {
  await requireOrganiser("/arrangor/talare");
  const values = formValues(formData, speakerFields);
  const parsed = speakerSchema.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  const result = createSpeaker({ input: parsed.data });
  if (!result.ok) return { errors: result.errors, values };
  redirect(`/arrangor/talare/${result.id}?sparat=ny`);
}

export async function updateSpeakerAction(speakerId: number, _prev: SpeakerFormState, formData: FormData): Promise<SpeakerFormState> {
  await requireOrganiser(`/arrangor/talare/${speakerId}`);
  const id = idSchema.safeParse(speakerId);
  if (!id.success) notFound();
  const values = formValues(formData, speakerFields);
  const parsed = speakerSchema.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  const result = updateSpeaker({ id: id.data, input: parsed.data });
  if (!result.ok) return { errors: result.errors, values };
  redirect(`/arrangor/talare/${id.data}?sparat=1`);
}

export async function deleteSpeakerAction(speakerId: number, formData: FormData): Promise<void> {
  await requireOrganiser(`/arrangor/talare/${speakerId}`);
  const id = idSchema.safeParse(speakerId);
  if (!id.success) notFound();
  if (!isConfirmed(formData)) redirect(`/arrangor/ta-bort/talare/${id.data}`);
  deleteSpeaker({ id: id.data });
  redirect("/arrangor/talare?borttaget=talare");
}
