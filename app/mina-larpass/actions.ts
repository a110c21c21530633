"use server";

import { redirect } from "next/navigation";
import { serverAction } from "@/lib/action";
import { versionChoice } from "@/lib/version-choice";
import { updateOwnAbstract, updateOwnProfile, type ProfileValues } from "@/lib/speakers/edit";
import { getMyLarpassForEdit, getMyProfile } from "@/lib/speakers/mine";
import { fieldErrors } from "@/lib/validation/form";
import { abstractSchema, hiddenId, profileSchema, type AbstractField, type ProfileField, type SpeakerFormErrors } from "@/lib/validation/speaker";

// Every action here is a public POST endpoint: the pipeline (lib/action.ts) checks the session and the
// speaker role, and the domain function checks that the account speaks in the lärpass (lib/policy.ts). Ids come from hidden fields (no
// `.bind`, see components/form-fields.tsx IdField) and are never trusted for who may do what.

export type Conflict<C> = { current: C & { version: number; updatedAt: Date }; yours: C };

export type AbstractFormState = {
  /** Grows with every answer, so the form is drawn afresh from `values`. */
  seq: number;
  values: { abstract: string };
  /** The version the form is based on. */
  version: number;
  errors?: SpeakerFormErrors<AbstractField>;
  /** Show the abstract rendered (the "Förhandsgranska" button, for browsers without JavaScript). */
  preview?: boolean;
  conflict?: Conflict<{ abstract: string }>;
};

export type ProfileFormState = {
  seq: number;
  values: ProfileValues;
  version: number;
  errors?: SpeakerFormErrors<ProfileField>;
  preview?: boolean;
  conflict?: Conflict<ProfileValues>;
};

const text = (formData: FormData, key: string) => {
  const v = formData.get(key);
  return typeof v === "string" ? v : "";
};

/**
 * What every answer starts from: the button pressed, the typed values with the form's version (kept when
 * nothing is saved), and the version to save on top of ("mina:7" after a conflict: on top of version 7).
 */
function begin<V>(prev: { seq: number }, formData: FormData, values: V) {
  const op = text(formData, "op") || "spara";
  const base = { seq: prev.seq + 1, values, version: Number(text(formData, "version")) || 0 };
  const choice = versionChoice(op);
  return { op, choice, base, version: !choice.theirs && choice.onto !== null ? String(choice.onto) : text(formData, "version") };
}

/** A save the domain function refused: the conflict (both versions) or the errors, with what was typed. */
function notSaved<B, C, E>(base: B, result: { conflict: C } | { errors: E }) {
  return "conflict" in result ? { ...base, conflict: result.conflict } : { ...base, errors: result.errors };
}

export const saveAbstractAction = serverAction("own-larpass.save-abstract", {
  run: async (user, prev: AbstractFormState, formData: FormData): Promise<AbstractFormState> => {
    const { op, choice, base, version } = begin(prev, formData, { abstract: text(formData, "abstract") });
    if (op === "forhandsgranska") return { ...base, preview: true };
    if (choice.theirs) {
      const id = hiddenId.safeParse(text(formData, "larpassId"));
      const current = id.success ? getMyLarpassForEdit({ userId: user.id, larpassId: id.data }) : null;
      if (!current) return { ...base, errors: { form: "Du är inte talare i det här lärpasset och kan inte ändra det." } };
      return { seq: base.seq, values: { abstract: current.abstract }, version: current.version };
    }
    const parsed = abstractSchema.safeParse({ larpassId: text(formData, "larpassId"), version, abstract: base.values.abstract });
    if (!parsed.success) return { ...base, errors: fieldErrors(parsed.error) };
    const result = updateOwnAbstract({ user, input: parsed.data });
    if (!result.ok) return notSaved(base, result);
    redirect(`/mina-larpass/${parsed.data.larpassId}?sparat=1`);
  },
  returnTo: "/mina-larpass",
});

export const saveProfileAction = serverAction("own-speaker.save-profile", {
  run: async (user, prev: ProfileFormState, formData: FormData): Promise<ProfileFormState> => {
    const values = { role: text(formData, "role"), organisation: text(formData, "organisation"), bio: text(formData, "bio") };
    const { op, choice, base, version } = begin(prev, formData, values);
    if (op === "forhandsgranska") return { ...base, preview: true };
    if (choice.theirs) {
      const current = getMyProfile({ userId: user.id });
      if (!current) return { ...base, errors: { form: "Ditt konto är inte kopplat till någon talare." } };
      return { seq: base.seq, values: { role: current.role ?? "", organisation: current.organisation ?? "", bio: current.bio }, version: current.version };
    }
    const parsed = profileSchema.safeParse({ ...values, version });
    if (!parsed.success) return { ...base, errors: fieldErrors(parsed.error) };
    const result = updateOwnProfile({ user, input: parsed.data });
    if (!result.ok) return notSaved(base, result);
    redirect("/mina-larpass/profil?sparat=1");
  },
  returnTo: "/mina-larpass/profil",
});
