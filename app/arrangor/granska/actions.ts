"use server";

import { redirect } from "next/navigation";
import { serverAction } from "@/lib/action";
import { sendQueued } from "@/lib/mail";
import { authorOf } from "@/lib/revisions";
import { approveSpeakerEdit, returnSpeakerEdit } from "@/lib/speakers/review";
import { returnEditSchema, reviewDecisionSchema } from "@/lib/validation/review";

export type ReviewFormState = { errors?: { form?: string; message?: string }; values?: { message: string } };

const field = (formData: FormData, key: string) => {
  const v = formData.get(key);
  return typeof v === "string" ? v : "";
};

/**
 * The speaker's mail is queued in the decision's own transaction; this tries it at once (a failure stays
 * queued for the worker and never makes the decision look failed). The one place review mail is sent.
 */
async function tellSpeaker(mailIds: number[]) {
  await sendQueued(mailIds);
}

/** "Godkänn": the speaker's abstract goes public. Ids are hidden fields, checked by the domain function. */
export const approveSpeakerEditAction = serverAction("speaker-edit.approve", {
  run: async (user, _prev: ReviewFormState, formData: FormData): Promise<ReviewFormState> => {
    const parsed = reviewDecisionSchema.safeParse({ editId: field(formData, "editId"), version: field(formData, "version") });
    if (!parsed.success) return { errors: { form: parsed.error.issues[0].message } };
    const result = approveSpeakerEdit({ editId: parsed.data.editId, expectedVersion: parsed.data.version, organiser: authorOf(user) });
    if (!result.ok) return { errors: { form: result.message } };
    await tellSpeaker(result.mailIds);
    redirect(`/arrangor/granska?godkand=${result.larpassId}`);
  },
  returnTo: "/arrangor/granska",
});

/** "Skicka tillbaka" with a message: nothing public changes; the speaker gets the message by mail. */
export const returnSpeakerEditAction = serverAction("speaker-edit.send-back", {
  run: async (user, _prev: ReviewFormState, formData: FormData): Promise<ReviewFormState> => {
    const values = { message: field(formData, "message") };
    const parsed = returnEditSchema.safeParse({ editId: field(formData, "editId"), version: field(formData, "version"), message: values.message });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { errors: issue.path[0] === "message" ? { message: issue.message } : { form: issue.message }, values };
    }
    const result = returnSpeakerEdit({
      editId: parsed.data.editId,
      expectedVersion: parsed.data.version,
      message: parsed.data.message,
      organiser: authorOf(user),
    });
    if (!result.ok) return { errors: { form: result.message }, values };
    await tellSpeaker(result.mailIds);
    redirect(`/arrangor/granska?tillbaka=${result.larpassId}`);
  },
  returnTo: "/arrangor/granska",
});
