"use server";

import { notFound, redirect } from "next/navigation";
import { createSpeaker, deleteSpeaker } from "@/lib/admin/people";
import { fieldErrors, formValues, idSchema, isConfirmed, speakerFields, speakerSchema } from "@/lib/validation/admin";
import { authorOf } from "@/lib/revisions";
import { requireOrganiser } from "../guard";

import { saveSpeakerForm, type SpeakerFormState } from "./speaker-save";

export type { SpeakerFormState };

export async function createSpeakerAction(_prev: SpeakerFormState, formData: FormData): Promise<SpeakerFormState> {
  const user = await requireOrganiser("/arrangor/talare");
  const values = formValues(formData, speakerFields);
  const parsed = speakerSchema.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  const result = createSpeaker({ input: parsed.data, author: authorOf(user) });
  if (!result.ok) return { errors: result.errors, values };
  redirect(`/arrangor/talare/${result.id}?sparat=ny`);
}

export async function updateSpeakerAction(speakerId: number, _prev: SpeakerFormState, formData: FormData): Promise<SpeakerFormState> {
  const user = await requireOrganiser(`/arrangor/talare/${speakerId}`);
  const id = idSchema.safeParse(speakerId);
  if (!id.success) notFound();
  const answer = saveSpeakerForm({ id: id.data, formData, user });
  if (answer) return answer;
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
