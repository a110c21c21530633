"use server";

import { notFound, redirect } from "next/navigation";
import { createOrganisation, deleteOrganisation, updateOrganisation } from "@/lib/admin/people";
import {
  fieldErrors,
  formValues,
  idSchema,
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

export async function updateOrganisationAction(
  organisationId: number,
  _prev: OrganisationFormState,
  formData: FormData,
): Promise<OrganisationFormState> {
  await requireOrganiser(`/arrangor/organisationer/${organisationId}`);
  const id = idSchema.safeParse(organisationId);
  if (!id.success) notFound();
  const values = formValues(formData, organisationFields);
  const parsed = organisationSchema.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  const result = updateOrganisation({ id: id.data, input: parsed.data });
  if (!result.ok) return { errors: result.errors, values };
  redirect(`/arrangor/organisationer/${id.data}?sparat=1`);
}

export async function deleteOrganisationAction(organisationId: number, formData: FormData): Promise<void> {
  await requireOrganiser(`/arrangor/organisationer/${organisationId}`);
  const id = idSchema.safeParse(organisationId);
  if (!id.success) notFound();
  if (!isConfirmed(formData)) redirect(`/arrangor/ta-bort/organisation/${id.data}`);
  deleteOrganisation({ id: id.data });
  redirect("/arrangor/organisationer?borttaget=organisation");
}
