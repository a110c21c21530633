"use server";

import { redirect } from "next/navigation";
import { createSpeaker, deleteSpeaker } from "@/lib/admin/speakers";
import { serverAction } from "@/lib/action";
import { deleteAction, formAction } from "@/lib/action-form";
import { authorOf } from "@/lib/revisions";
import { speakerFields, speakerSchema } from "@/lib/validation/admin";
import { formId, formValues } from "@/lib/validation/form";

import { saveSpeakerForm, type SpeakerFormState } from "./speaker-save";

export type { SpeakerFormState };

const page = (id: number | null) => (id ? `/arrangor/talare/${id}` : "/arrangor/talare");

export const createSpeakerAction = formAction("speaker.create", {
  fields: speakerFields,
  schema: speakerSchema,
  returnTo: () => "/arrangor/talare",
  call: ({ caller, input }) => createSpeaker({ input, author: authorOf(caller) }),
  done: (r) => `/arrangor/talare/${r.id}?sparat=ny`,
});

export const updateSpeakerAction = serverAction("speaker.update", {
  run: async (caller, _prev: SpeakerFormState, formData: FormData): Promise<SpeakerFormState> => {
    const id = formId(formData);
    if (!id.ok) return { errors: { form: id.message }, values: formValues(formData, speakerFields) };
    const answer = saveSpeakerForm({ id: id.id, formData, user: caller });
    if (answer) return answer;
    redirect(`/arrangor/talare/${id.id}?sparat=1`);
  },
  returnTo: (_prev, formData) => {
    const id = formId(formData);
    return page(id.ok ? id.id : null);
  },
});

export const deleteSpeakerAction = deleteAction("speaker.delete", {
  kind: "talare",
  returnTo: page,
  call: ({ caller, id }) => deleteSpeaker({ id, author: authorOf(caller) }),
  done: () => "/arrangor/talare?borttaget=talare",
});
