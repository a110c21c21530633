import { VersionConflict } from "@/components/version-conflict";
import type { LarpassDisplay } from "@/lib/admin/larpass-read";
import type { LarpassFormState } from "./actions";

const rows: { key: keyof LarpassDisplay; label: string }[] = [
  { key: "title", label: "Titel" },
  { key: "abstract", label: "Sammanfattning" },
  { key: "speakers", label: "Talare" },
  { key: "timeSlot", label: "Tid" },
  { key: "room", label: "Lokal" },
  { key: "capacity", label: "Antal platser" },
  { key: "status", label: "Status" },
  { key: "track", label: "Spår" },
  { key: "language", label: "Språk" },
  { key: "slug", label: "Adressnamn" },
];

const text = (d: LarpassDisplay, k: keyof LarpassDisplay) => {
  const value = d[k];
  return Array.isArray(value) ? value.join("\n") || "Inga talare" : value;
};

/** The lärpass was saved by someone else since the form was opened (see VersionConflict). */
export function ConflictPanel({ conflict }: { conflict: NonNullable<LarpassFormState["conflict"]> }) {
  const { current, yours } = conflict;
  return (
    <VersionConflict
      heading="Lärpasset har ändrats av någon annan sedan du öppnade det"
      version={current.version}
      updatedAt={current.updatedAt}
      rows={rows.map(({ key, label }) => ({ key, label, theirs: text(current.display, key), mine: text(yours, key) }))}
    />
  );
}
