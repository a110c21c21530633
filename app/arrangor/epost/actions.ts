"use server";

import { redirect } from "next/navigation";
import { serverAction } from "@/lib/action";
import { sendQueued } from "@/lib/mail";
import { retryMail } from "@/lib/mail-queue";
import { formId } from "@/lib/validation/form";

/** "Försök igen": a failed mail back in the queue, tried at once. */
export const retryMailAction = serverAction("mail.retry", {
  returnTo: "/arrangor/epost",
  run: async (_caller, formData: FormData): Promise<void> => {
    const id = formId(formData);
    if (!id.ok || !retryMail({ id: id.id })) redirect("/arrangor/epost?fel=1");
    await sendQueued([id.id]);
    redirect("/arrangor/epost?igen=1");
  },
});
