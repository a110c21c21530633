"use server";

import { redirect } from "next/navigation";
import { createOrganisation, deleteOrganisation, updateOrganisation } from "@/lib/admin/organisations";
import { serverAction } from "@/lib/action";
import { deleteAction, formAction } from "@/lib/action-form";
import { confirmOrganisation } from "@/lib/profile";
import { authorOf } from "@/lib/revisions";
import { organisationFields, organisationSchema } from "@/lib/validation/admin";
import { formId, type FormState } from "@/lib/validation/form";

export type OrganisationFormState = FormState<(typeof organisationFields)[number]>;

const page = (id: number | null) => (id ? `/arrangor/organisationer/${id}` : "/arrangor/organisationer");

export const createOrganisationAction = formAction("organisation.create", {
  fields: organisationFields,
  schema: organisationSchema,
  returnTo: () => "/arrangor/organisationer",
  call: ({ input }) => createOrganisation({ input }),
  done: (r) => `/arrangor/organisationer/${r.id}?sparat=ny`,
});

export const updateOrganisationAction = formAction("organisation.update", {
  fields: organisationFields,
  schema: organisationSchema,
  idField: "id",
  returnTo: page,
  call: ({ id, input }) => updateOrganisation({ id, input }),
  done: (_r, { id }) => `/arrangor/organisationer/${id}?sparat=1`,
});

export const deleteOrganisationAction = deleteAction("organisation.delete", {
  kind: "organisation",
  returnTo: page,
  call: ({ caller, id }) => deleteOrganisation({ id, author: authorOf(caller) }),
  done: () => "/arrangor/organisationer?borttaget=organisation",
});

/** An organisation a member typed in becomes one everyone can choose (lib/profile.ts). */
export const confirmOrganisationAction = serverAction("organisation.confirm", {
  returnTo: "/arrangor/organisationer",
  run: (_caller, formData: FormData): void => {
    const id = formId(formData);
    if (!id.ok) redirect("/arrangor/organisationer?fel=bekrafta");
    if (!confirmOrganisation({ id: id.id })) redirect("/arrangor/organisationer?fel=bekrafta");
    redirect("/arrangor/organisationer?bekraftad=1");
  },
});
