import { VersionConflict } from "@/components/version-conflict";
import type { SpeakerDisplay } from "@/lib/admin/speakers";
import type { SpeakerFormState } from "./speaker-save";

const rows: { key: keyof SpeakerDisplay; label: string }[] = [
  { key: "name", label: "Namn" },
  { key: "role", label: "Roll" },
  { key: "organisation", label: "Organisation" },
  { key: "email", label: "E-post" },
  { key: "slug", label: "Adressnamn" },
  { key: "bio", label: "Presentation" },
];

/** The speaker was saved by someone else (another organiser, or the speaker) since the form was opened. */
export function SpeakerConflictPanel({ conflict }: { conflict: NonNullable<SpeakerFormState["conflict"]> }) {
  const { current, yours } = conflict;
  return (
    <VersionConflict
      heading="Talaren är ändrad av någon annan sedan du öppnade den"
      version={current.version}
      updatedAt={current.updatedAt}
      rows={rows.map(({ key, label }) => ({ key, label, theirs: current.display[key], mine: yours[key] }))}
    />
  );
}
