"use server";

import { redirect } from "next/navigation";
import { deleteAccount } from "@/lib/account";
import { serverAction } from "@/lib/action";
import { signOut } from "@/lib/auth";

export type DeleteState = { error?: string };

export const deleteAccountAction = serverAction("account.delete", {
  run: async (user, _prev: DeleteState, formData: FormData): Promise<DeleteState> => {
    if (formData.get("confirm") !== "ja") {
      return { error: "Kryssa i rutan för att bekräfta att du vill ta bort ditt konto." };
    }
    await deleteAccount({ userId: user.id });
    await signOut({ redirect: false });
    redirect("/?konto=borttaget");
  },
  returnTo: "/konto",
});
