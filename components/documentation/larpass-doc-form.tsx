import type { LarpassDoc } from "@/db/schema";
import { groupsToText, slidesToText } from "@/lib/documentation/larpass-doc";
import { DocForm, type DocFormState } from "./doc-form";

/** A lärpass's documentation section: the speaker's form on Mina lärpass and the organiser's copy. */
export function LarpassDocForm({
  action,
  larpassId,
  eventId,
  doc,
}: {
  action: (state: DocFormState, formData: FormData) => Promise<DocFormState>;
  larpassId: number;
  eventId?: number;
  doc: LarpassDoc | null;
}) {
  return (
    <DocForm
      id="larpass-dokumentation"
      action={action}
      submit="Spara dokumentationen"
      fields={[
        { name: "larpassId", type: "hidden", defaultValue: String(larpassId) },
        ...(eventId ? [{ name: "eventId", type: "hidden" as const, defaultValue: String(eventId) }] : []),
        { name: "version", type: "hidden", defaultValue: String(doc?.version ?? 0) },
        { name: "summary", label: "Sammanfattning (Markdown)", type: "textarea", rows: 8, defaultValue: doc?.summary ?? "" },
        {
          name: "groups",
          label: "Gruppernas resultat",
          type: "textarea",
          rows: 10,
          defaultValue: groupsToText(doc?.groups ?? []),
          hint: "Varje grupp: en rad med namnet (t.ex. ## Trädgårdsmästaren (grupp 1:1)) och sedan en rad per punkt som börjar med -.",
        },
        { name: "quotes", label: "Citat, ett per rad", type: "textarea", rows: 4, defaultValue: (doc?.quotes ?? []).join("\n") },
        { name: "slides", label: "Bildspel, en länk per rad", type: "textarea", rows: 3, defaultValue: slidesToText(doc?.slides ?? []), hint: "Titel | https://adress, eller bara adressen." },
      ]}
    />
  );
}
