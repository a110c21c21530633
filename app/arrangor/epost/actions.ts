"use server";

import { redirect } from "next/navigation";
import { retryMail } from "@/lib/mail-queue";
import { sendQueued } from "@/lib/mail";
import { formId } from "@/lib/validation/admin";
import { requireOrganiser } from "../guard";

/** "Försök igen": a failed mail back in the queue, tried at once. */
export async function retryMailAction(formData: FormData): Promise<void> {
  await requireOrganiser("/arrangor/epost");
  const id = formId(formData);
  if (!id.ok || !retryMail({ id: id.id })) redirect("/arrangor/epost?fel=1");
  await sendQueued([id.id]);
  redirect("/arrangor/epost?igen=1");
}
