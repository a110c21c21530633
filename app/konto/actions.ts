"use server";

import { redirect } from "next/navigation";
import { deleteAccount } from "@/lib/account";
import { serverAction } from "@/lib/action";
import { signOut } from "@/lib/auth";
import { LANDING_PATH } from "@/lib/auth/landing";
import { saveProfile, skipProfile } from "@/lib/profile";
import { safeReturnPath } from "@/lib/validation/auth";
import { profileSchema, type ProfileField } from "@/lib/validation/profile";

export type DeleteState = { error?: string };

export const deleteAccountAction = serverAction("account.delete", {
  run: async (user, _prev: DeleteState, formData: FormData): Promise<DeleteState> => {
    if (formData.get("confirm") !== "ja") {
      return { error: "Kryssa i rutan för att bekräfta att du vill ta bort ditt konto." };
    }
    const deleted = await deleteAccount({ userId: user.id });
    await signOut({ redirect: false });
    redirect(`/kontot-borttaget?platser=${deleted.seats}&koplatser=${deleted.waitlist}`);
  },
  returnTo: "/konto",
});

export type ProfileState = {
  errors?: Partial<Record<ProfileField | "form", string>>;
  values?: Partial<Record<ProfileField, string>>;
  saved?: boolean;
};

const field = (f: FormData, name: string) => (typeof f.get(name) === "string" ? String(f.get(name)) : "");
/** Where the step goes on to (local paths only). */
const nextOf = (formData: FormData) => (formData instanceof FormData ? safeReturnPath(formData.get("next"), LANDING_PATH) : LANDING_PATH);

/**
 * Name and organisation, from the welcome step and from Mitt konto: the member's own account only (the
 * session's user, whatever the form says). "Hoppa över" (steg=hoppa) records the skip and goes on.
 */
export const saveProfileAction = serverAction("own-account.save-profile", {
  run: async (user, _prev: ProfileState, formData: FormData): Promise<ProfileState> => {
    if (!(formData instanceof FormData)) return { errors: { form: "Formuläret kunde inte läsas. Ladda om sidan och försök igen." } };
    const next = nextOf(formData);
    if (formData.get("steg") === "hoppa") {
      skipProfile({ userId: user.id });
      redirect(next);
    }
    const values = { name: field(formData, "name"), organisation: field(formData, "organisation"), otherOrganisation: field(formData, "otherOrganisation") };
    const parsed = profileSchema.safeParse(values);
    if (!parsed.success) {
      const errors: ProfileState["errors"] = {};
      for (const issue of parsed.error.issues) {
        const key = (issue.path[0] as ProfileField | undefined) ?? "form";
        errors[key] ??= issue.message;
      }
      return { errors, values };
    }
    const result = saveProfile({ userId: user.id, input: parsed.data });
    if (!result.ok) return { errors: result.errors, values };
    if (formData.get("stanna") === "ja") return { saved: true, values };
    redirect(next);
  },
  returnTo: (_prev, formData) => nextOf(formData),
});
