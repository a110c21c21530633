"use server";

import { redirect } from "next/navigation";
import { inviteSpeaker, unlinkSpeaker } from "@/lib/speakers/invite";
import { fieldErrors, formValues, type AdminFormState } from "@/lib/validation/admin";
import { inviteFields, unlinkSchema, inviteSchema, type InviteField } from "@/lib/validation/speaker";
import { requireOrganiser } from "../../guard";

// The speaker page's invitation and un-linking. The speaker's id is a hidden field (no `.bind`, see
// app/arrangor/fields.tsx IdField), parsed with zod; the organiser role is checked first, always.

export type InviteFormState = AdminFormState<InviteField>;

export async function inviteSpeakerAction(_prev: InviteFormState, formData: FormData): Promise<InviteFormState> {
  await requireOrganiser("/arrangor/talare");
  const values = formValues(formData, inviteFields);
  const parsed = inviteSchema.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  const result = await inviteSpeaker({ speakerId: parsed.data.speakerId, email: parsed.data.email });
  if (!result.ok) return { errors: result.errors, values };
  redirect(`/arrangor/talare/${parsed.data.speakerId}?inbjuden=${result.linkedTo ? "kopplad" : "1"}#konto`);
}

export async function unlinkSpeakerAction(formData: FormData): Promise<void> {
  await requireOrganiser("/arrangor/talare");
  const parsed = unlinkSchema.safeParse({ speakerId: formData.get("speakerId") ?? "" });
  if (!parsed.success) redirect("/arrangor/talare");
  unlinkSpeaker({ speakerId: parsed.data.speakerId });
  redirect(`/arrangor/talare/${parsed.data.speakerId}?bortkopplad=1#konto`);
}
