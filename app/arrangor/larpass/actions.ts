"use server";

import { notFound, redirect } from "next/navigation";
import { createLarpass, deleteLarpass, updateLarpass, type SaveLarpassResult } from "@/lib/admin/larpass";
import { getLarpassForEdit, type LarpassDisplay, type LarpassFormValues, type LarpassVersion } from "@/lib/admin/larpass-read";
import { encodeSpeakerEntry } from "@/lib/speaker-entry";
import { versionChoice } from "@/lib/version-choice";
import { larpassFields, larpassSchema, newSpeakerInlineSchema, type LarpassField } from "@/lib/validation/admin";
import { fieldErrors, formId, idSchema, type FieldErrors } from "@/lib/validation/form";
import { authorOf } from "@/lib/revisions";
import { serverAction } from "@/lib/action";
import { deleteAction } from "@/lib/action-form";

export type InlineSpeakerField = "addSpeakerId" | "newSpeakerName" | "newSpeakerRole" | "newSpeakerOrg";
export type LarpassFormField = LarpassField | InlineSpeakerField;

export type LarpassFormState = {
  /** Grows with every answer, so the form is drawn afresh from `values`. */
  seq: number;
  values: LarpassFormValues & Partial<Record<InlineSpeakerField, string>>;
  /** The version the form is based on; a save is refused if the lärpass has changed since. */
  version: number;
  errors?: FieldErrors<LarpassFormField>;
  /** Show the abstract rendered (the "Förhandsgranska" button, for browsers without JavaScript). */
  preview?: boolean;
  /** Said aloud after a list change ("Anna Berg flyttades upp."). */
  notice?: string;
  /** Id of the element to focus after the answer. */
  focus?: string;
  conflict?: { current: LarpassVersion; yours: LarpassDisplay };
  confirm?: { consequences: string[] };
  /** "Ändra utan att meddela" was ticked: kept through every answer until the save. */
  silent?: boolean;
};

/** Where the login page sends an anonymous caller back to. */
function newLarpassPage(formData: FormData): string {
  const event = formId(formData, "eventId");
  return event.ok ? `/arrangor/evenemang/${event.id}/larpass/ny` : "/arrangor";
}

function larpassPage(formData: FormData): string {
  const id = formId(formData);
  return id.ok ? `/arrangor/larpass/${id.id}` : "/arrangor";
}

function readValues(formData: FormData): LarpassFormState["values"] {
  const text = (k: string) => {
    const v = formData.get(k);
    return typeof v === "string" ? v : "";
  };
  const values = Object.fromEntries(larpassFields.map((f) => [f, text(f)])) as Omit<LarpassFormValues, "speakers">;
  return {
    ...values,
    speakers: formData.getAll("speaker").filter((v): v is string => typeof v === "string"),
    addSpeakerId: text("addSpeakerId"),
    newSpeakerName: text("newSpeakerName"),
    newSpeakerRole: text("newSpeakerRole"),
    newSpeakerOrg: text("newSpeakerOrg"),
  };
}

function move<T>(list: T[], from: number, to: number): T[] {
  if (from < 0 || from >= list.length || to < 0 || to >= list.length) return list;
  const copy = [...list];
  const [item] = copy.splice(from, 1);
  copy.splice(to, 0, item);
  return copy;
}

/**
 * The buttons that only change the form (speaker list, preview): nothing is written, the form comes back
 * with the change. Returns null for the buttons that save.
 */
function formOnly(op: string, prev: LarpassFormState, values: LarpassFormState["values"], version: number): LarpassFormState | null {
  const base = { seq: prev.seq + 1, version, values };
  const m = /^(upp|ner|bort):(\d{1,3})$/.exec(op);
  if (m) {
    const i = Number(m[2]);
    const list = values.speakers;
    if (m[1] === "bort") {
      return { ...base, values: { ...values, speakers: list.filter((_, j) => j !== i) }, notice: "Talaren är borttagen ur listan. Spara för att behålla ändringen.", focus: "talare-rubrik" };
    }
    const to = m[1] === "upp" ? i - 1 : i + 1;
    return {
      ...base,
      values: { ...values, speakers: move(list, i, to) },
      notice: `Talaren flyttades ${m[1] === "upp" ? "upp" : "ner"} till plats ${Math.min(Math.max(to, 0), list.length - 1) + 1}.`,
      focus: `talare-${Math.min(Math.max(to, 0), list.length - 1)}-${m[1]}`,
    };
  }
  if (op === "lagg-till") {
    const id = idSchema.safeParse(values.addSpeakerId);
    if (!values.addSpeakerId || !id.success) {
      return { ...base, errors: { addSpeakerId: "Välj en talare i listan först." }, focus: "addSpeakerId" };
    }
    const entry = encodeSpeakerEntry({ kind: "existing", id: id.data });
    if (values.speakers.includes(entry)) {
      return { ...base, errors: { addSpeakerId: "Talaren finns redan i listan." }, focus: "addSpeakerId" };
    }
    return { ...base, values: { ...values, speakers: [...values.speakers, entry], addSpeakerId: "" }, notice: "Talaren är tillagd sist i listan.", focus: "addSpeakerId" };
  }
  if (op === "ny-talare") {
    const parsed = newSpeakerInlineSchema.safeParse(values);
    if (!parsed.success) return { ...base, errors: fieldErrors(parsed.error), focus: "newSpeakerName" };
    const entry = encodeSpeakerEntry({
      kind: "new",
      name: parsed.data.newSpeakerName,
      role: parsed.data.newSpeakerRole,
      organisation: parsed.data.newSpeakerOrg,
    });
    return {
      ...base,
      values: { ...values, speakers: [...values.speakers, entry], newSpeakerName: "", newSpeakerRole: "", newSpeakerOrg: "" },
      notice: `${parsed.data.newSpeakerName} är tillagd sist i listan och sparas som ny talare när du sparar lärpasset.`,
      focus: "newSpeakerName",
    };
  }
  if (op === "forhandsgranska") return { ...base, preview: true, focus: "forhandsvisning" };
  return null;
}

function answer(prev: LarpassFormState, values: LarpassFormState["values"], version: number, result: SaveLarpassResult): LarpassFormState {
  const base = { seq: prev.seq + 1, values, version };
  if (result.ok) return base;
  if ("conflict" in result) return { ...base, conflict: result.conflict, focus: "konflikt" };
  if ("confirm" in result) return { ...base, confirm: result.confirm, focus: "bekrafta" };
  return { ...base, errors: result.errors, focus: "fel-sammanfattning" };
}

export const createLarpassAction = serverAction("larpass.create", {
  run: async (user, prev: LarpassFormState, formData: FormData): Promise<LarpassFormState> => {
    // The event id is a hidden field, not .bind(): see IdField in components/form-fields.tsx. createLarpass checks the event exists.
    const event = formId(formData, "eventId");
    if (!event.ok) return { seq: prev.seq + 1, values: readValues(formData), version: 0, errors: { form: event.message }, focus: "fel-sammanfattning" };
    const values = readValues(formData);
    const op = String(formData.get("op") ?? "spara");
    const local = formOnly(op, prev, values, 0);
    if (local) return local;
    const parsed = larpassSchema.safeParse(values);
    if (!parsed.success) return { seq: prev.seq + 1, values, version: 0, errors: fieldErrors(parsed.error), focus: "fel-sammanfattning" };
    const result = createLarpass({ eventId: event.id, input: parsed.data, author: authorOf(user) });
    if (!result.ok) return answer(prev, values, 0, result);
    redirect(`/arrangor/larpass/${result.id}?sparat=nytt`);
  },
  returnTo: (_prev, formData) => newLarpassPage(formData),
});

export const updateLarpassAction = serverAction("larpass.update", {
  run: async (user, prev: LarpassFormState, formData: FormData): Promise<LarpassFormState> => {
    const id = formId(formData);
    if (!id.ok) return { seq: prev.seq + 1, values: readValues(formData), version: prev.version, errors: { form: id.message }, focus: "fel-sammanfattning" };
    const values = readValues(formData);
    const version = idSchema.safeParse(formData.get("version"));
    const formVersion = version.success ? version.data : prev.version;
    const op = String(formData.get("op") ?? "spara");
    const choice = versionChoice(op);

    if (choice.theirs) {
      // Take the saved version: the form is filled with it and based on it from now on.
      const current = getLarpassForEdit({ id: id.id });
      if (!current) notFound();
      return {
        seq: prev.seq + 1,
        values: current.values,
        version: current.larpass.version,
        notice: `Formuläret visar nu den sparade versionen (version ${current.larpass.version}).`,
        focus: "title",
      };
    }
    const local = formOnly(op, prev, values, formVersion);
    if (local) return local;

    const expectedVersion = choice.onto ?? formVersion;
    const parsed = larpassSchema.safeParse(values);
    if (!parsed.success) {
      return { seq: prev.seq + 1, values, version: formVersion, errors: fieldErrors(parsed.error), focus: "fel-sammanfattning" };
    }
    const silent = formData.get("utanMeddelande") === "ja";
    const result = await updateLarpass({
      id: id.id,
      expectedVersion,
      input: parsed.data,
      confirmed: op === "bekrafta",
      notifyMembers: !silent,
      author: authorOf(user),
    });
    if (!result.ok) return { ...answer(prev, values, expectedVersion, result), silent };
    redirect(`/arrangor/larpass/${id.id}?sparat=1`);
  },
  returnTo: (_prev, formData) => larpassPage(formData),
});

export const deleteLarpassAction = deleteAction("larpass.delete", {
  kind: "larpass",
  returnTo: (id) => (id ? `/arrangor/larpass/${id}` : "/arrangor"),
  call: ({ id }) => deleteLarpass({ id }),
  done: (deleted) => (deleted ? `/arrangor/evenemang/${deleted.eventId}/larpass?borttaget=larpass` : "/arrangor"),
});
