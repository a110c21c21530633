"use server";

import { redirect } from "next/navigation";
import { signOut } from "@/lib/auth";
import { requireRole } from "@/lib/auth/current-user";
import { deleteAccount } from "@/lib/registrations";

export type DeleteState = { error?: string };

export async function deleteAccountAction(_prev: DeleteState, formData: FormData): Promise<DeleteState> {
  const who = await requireRole("member");
  if (!who.ok) redirect("/logga-in?next=/konto");
  if (formData.get("confirm") !== "ja") {
    return { error: "Kryssa i rutan för att bekräfta att du vill ta bort ditt konto." };
  }
  const deleted = await deleteAccount({ userId: who.user.id });
  await signOut({ redirect: false });
  redirect(`/kontot-borttaget?platser=${deleted.seats}&koplatser=${deleted.waitlist}`);
}
