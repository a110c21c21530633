"use server";

import { redirect } from "next/navigation";
import { serverAction } from "@/lib/action";
import { formAction } from "@/lib/action-form";
import { inviteSpeaker, unlinkSpeaker } from "@/lib/speakers/invite";
import type { FormState } from "@/lib/validation/form";
import { inviteFields, unlinkSchema, inviteSchema, type InviteField } from "@/lib/validation/speaker";

// The speaker page's invitation and un-linking. The speaker's id is a hidden field (no `.bind`, see
// components/form-fields.tsx IdField), parsed with zod after the pipeline's organiser check.

export type InviteFormState = FormState<InviteField>;

export const inviteSpeakerAction = formAction("speaker.invite", {
  fields: inviteFields,
  schema: inviteSchema,
  returnTo: () => "/arrangor/talare",
  call: async ({ input }) => {
    const result = await inviteSpeaker({ speakerId: input.speakerId, email: input.email });
    return result.ok ? { ...result, ok: true as const } : result;
  },
  done: (r, { input }) => `/arrangor/talare/${input.speakerId}?inbjuden=${r.linkedTo ? "kopplad" : "1"}#konto`,
});

export const unlinkSpeakerAction = serverAction("speaker.unlink", {
  returnTo: "/arrangor/talare",
  run: (_caller, formData: FormData): void => {
    const parsed = unlinkSchema.safeParse({ speakerId: formData.get("speakerId") ?? "" });
    if (!parsed.success) redirect("/arrangor/talare");
    unlinkSpeaker({ speakerId: parsed.data.speakerId });
    redirect(`/arrangor/talare/${parsed.data.speakerId}?bortkopplad=1#konto`);
  },
});
