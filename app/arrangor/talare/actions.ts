"use server";

import { notFound, redirect } from "next/navigation";
import { createSpeaker, deleteSpeaker } from "@/lib/admin/people";
import { fieldErrors, formValues, formId, isConfirmed, speakerFields, speakerSchema } from "@/lib/validation/admin";
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

export async function updateSpeakerAction(_prev: SpeakerFormState, formData: FormData): Promise<SpeakerFormState> {
  const id = formId(formData);
  const user = await requireOrganiser(id.ok ? `/arrangor/talare/${id.id}` : "/arrangor/talare");
  const values = formValues(formData, speakerFields);
  if (!id.ok) return { errors: { form: id.message }, values };
  const answer = saveSpeakerForm({ id: id.id, formData, user });
  if (answer) return answer;
  redirect(`/arrangor/talare/${id.id}?sparat=1`);
}

export async function deleteSpeakerAction(formData: FormData): Promise<void> {
  const id = formId(formData);
  const user = await requireOrganiser(id.ok ? `/arrangor/talare/${id.id}` : "/arrangor/talare");
  if (!id.ok) notFound();
  if (!isConfirmed(formData)) redirect(`/arrangor/ta-bort/talare/${id.id}`);
  deleteSpeaker({ id: id.id, author: authorOf(user) });
  redirect("/arrangor/talare?borttaget=talare");
}
