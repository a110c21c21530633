"use server";

import { notFound, redirect } from "next/navigation";
import { createOrganisation, deleteOrganisation, updateOrganisation } from "@/lib/admin/people";
import { confirmOrganisation } from "@/lib/profile";
import { authorOf } from "@/lib/revisions";
import {
  fieldErrors,
  formValues,
  formId,
  isConfirmed,
  organisationFields,
  organisationSchema,
  type AdminFormState,
} from "@/lib/validation/admin";
import { requireOrganiser } from "../guard";

export type OrganisationFormState = AdminFormState<(typeof organisationFields)[number]>;

export async function createOrganisationAction(_prev: OrganisationFormState, formData: FormData): Promise<OrganisationFormState> {
  await requireOrganiser("/arrangor/organisationer");
  const values = formValues(formData, organisationFields);
  const parsed = organisationSchema.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  const result = createOrganisation({ input: parsed.data });
  if (!result.ok) return { errors: result.errors, values };
  redirect(`/arrangor/organisationer/${result.id}?sparat=ny`);
}

export async function updateOrganisationAction(_prev: OrganisationFormState, formData: FormData): Promise<OrganisationFormState> {
  const id = formId(formData);
  await requireOrganiser(id.ok ? `/arrangor/organisationer/${id.id}` : "/arrangor/organisationer");
  const values = formValues(formData, organisationFields);
  if (!id.ok) return { errors: { form: id.message }, values };
  const parsed = organisationSchema.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  const result = updateOrganisation({ id: id.id, input: parsed.data });
  if (!result.ok) return { errors: result.errors, values };
  redirect(`/arrangor/organisationer/${id.id}?sparat=1`);
}

export async function deleteOrganisationAction(formData: FormData): Promise<void> {
  const id = formId(formData);
  const user = await requireOrganiser(id.ok ? `/arrangor/organisationer/${id.id}` : "/arrangor/organisationer");
  if (!id.ok) notFound();
  if (!isConfirmed(formData)) redirect(`/arrangor/ta-bort/organisation/${id.id}`);
  deleteOrganisation({ id: id.id, author: authorOf(user) });
  redirect("/arrangor/organisationer?borttaget=organisation");
}

/** An organisation a member typed in becomes one everyone can choose (lib/profile.ts). */
export async function confirmOrganisationAction(formData: FormData): Promise<void> {
  await requireOrganiser("/arrangor/organisationer");
  const id = formId(formData);
  if (!id.ok) redirect("/arrangor/organisationer?fel=bekrafta");
  if (!confirmOrganisation({ id: id.id })) redirect("/arrangor/organisationer?fel=bekrafta");
  redirect("/arrangor/organisationer?bekraftad=1");
}
