// The organiser's speaker form after the role check: the version the form was opened with, the choices
// after a version conflict ("deras": take the saved version; "mina:N": save over version N), and the save
// itself as a revision by the organiser. Kept out of actions.ts so that file stays "who may do this".
import "server-only";
import { getAdminSpeaker, speakerFormValuesOf, updateSpeaker } from "@/lib/admin/speakers";
import type { CurrentUser } from "@/lib/auth/current-user";
import { authorOf } from "@/lib/revisions";
import { versionChoice } from "@/lib/version-choice";
import { speakerFields, speakerSchema } from "@/lib/validation/admin";
import { fieldErrors, formValues, type FormState } from "@/lib/validation/form";
import type { SpeakerDisplay, SpeakerVersion } from "@/lib/admin/speakers";

export type SpeakerFormState = FormState<(typeof speakerFields)[number]> & {
  /** The version the form is based on (speakers.version); a save is refused if the speaker changed since. */
  version?: number;
  /** Someone else saved since the form was opened: nothing written, both versions shown. */
  conflict?: { current: SpeakerVersion; yours: SpeakerDisplay };
};

const staleForm = "Formuläret saknar versionsnummer. Ladda om sidan och gör ändringen igen.";

/**
 * Saves the speaker form for `user` (already checked to be an organiser). Returns the state to show, or
 * null when the speaker was saved (the action redirects).
 */
export function saveSpeakerForm({ id, formData, user }: { id: number; formData: FormData; user: CurrentUser }): SpeakerFormState | null {
  const values = formValues(formData, speakerFields);
  const op = String(formData.get("op") ?? "spara");
  const raw = formData.get("version");
  const formVersion = typeof raw === "string" && /^\d{1,9}$/.test(raw.trim()) ? Number(raw.trim()) : null;

  const choice = versionChoice(op);
  if (choice.theirs) {
    const current = getAdminSpeaker({ id });
    if (!current) return { errors: { form: "Talaren finns inte längre. Någon kan ha tagit bort den." }, values };
    return {
      values: speakerFormValuesOf(current),
      version: current.version,
      message: `Formuläret visar nu den sparade versionen (version ${current.version}).`,
    };
  }
  const expectedVersion = choice.onto ?? formVersion;
  if (expectedVersion == null) return { errors: { form: staleForm }, values };
  const parsed = speakerSchema.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values, version: expectedVersion };
  const result = updateSpeaker({ id, input: parsed.data, expectedVersion, author: authorOf(user) });
  if (result.ok) return null;
  if ("conflict" in result) return { values, version: expectedVersion, conflict: result.conflict };
  return { errors: result.errors, values, version: expectedVersion };
}
