"use client";

import Link from "next/link";
import { useActionState, useEffect, useState } from "react";
import { Markdown } from "@/components/markdown";
import { useHydrated } from "@/components/use-hydrated";
import type { LarpassFormOptions } from "@/lib/admin/larpass-read";
import { languageLabels, larpassStatusLabels } from "@/lib/domain";
import { decodeSpeakerEntry } from "@/lib/speaker-entry";
import { FieldError, IdField, SelectField, TextArea, TextField } from "@/components/form-fields";
import type { LarpassFormField, LarpassFormState } from "./actions";
import { ConflictPanel } from "./conflict-panel";

type Props = {
  mode: "create" | "edit";
  action: (prev: LarpassFormState, formData: FormData) => Promise<LarpassFormState>;
  /** The lärpass being edited ("id") or the event a new one goes in ("eventId"): a hidden field. */
  target: { name: "id" | "eventId"; value: number };
  initial: LarpassFormState;
  options: LarpassFormOptions;
  cancelHref: string;
};

const fieldLabels: Record<LarpassFormField, string> = {
  title: "Titel",
  slug: "Adressnamn",
  abstract: "Sammanfattning",
  speakers: "Talare",
  timeSlotId: "Tid",
  roomId: "Lokal",
  capacity: "Antal platser",
  status: "Status",
  track: "Spår",
  language: "Språk",
  addSpeakerId: "Välj talare",
  newSpeakerName: "Ny talares namn",
  newSpeakerRole: "Ny talares roll",
  newSpeakerOrg: "Ny talares organisation",
};

const statusHints: Record<string, string> = {
  draft: "Syns inte för besökarna.",
  published: "Syns i programmet och går att välja.",
  cancelled: "Syns som inställt; medlemmarnas platser släpps och de får ett mejl.",
};

/**
 * The lärpass form (new and edit). Every button is a plain submit to the same server action, so the form
 * works without JavaScript: the speaker list's buttons, "Förhandsgranska", and the choices after a version
 * conflict come back as a new state. With JavaScript the abstract's preview follows the typing.
 */
export function LarpassForm(props: Props) {
  const [state, formAction, pending] = useActionState<LarpassFormState, FormData>(props.action, props.initial);
  // A new key per answer draws the fields afresh from the returned values.
  return <FormBody key={state.seq} {...props} state={state} formAction={formAction} pending={pending} />;
}

function FormBody({
  mode,
  target,
  options,
  cancelHref,
  initial,
  state,
  formAction,
  pending,
}: Props & { state: LarpassFormState; formAction: (formData: FormData) => void; pending: boolean }) {
  const v = state.values;
  const e = state.errors ?? {};
  const [abstract, setAbstract] = useState(v.abstract);
  const scripted = useHydrated();
  useEffect(() => {
    if (!state.focus) return;
    const alternate = state.focus.endsWith("-upp") ? state.focus.replace(/-upp$/, "-ner") : state.focus.replace(/-ner$/, "-upp");
    const target = [state.focus, alternate, "talare-lista"]
      .map((id) => document.getElementById(id))
      .find((el) => el && !(el as HTMLButtonElement).disabled);
    target?.focus();
  }, [state.focus]);

  const byId = new Map(options.speakers.map((s) => [s.id, s]));
  const entries = v.speakers.map((raw) => ({ raw, entry: decodeSpeakerEntry(raw) }));
  const chosenIds = new Set(entries.flatMap(({ entry }) => (entry?.kind === "existing" ? [entry.id] : [])));
  const speakerName = (entry: ReturnType<typeof decodeSpeakerEntry>) => {
    if (!entry) return { name: "(okänd talare)", org: null as string | null, isNew: false };
    if (entry.kind === "new") return { name: entry.name, org: [entry.role, entry.organisation].filter(Boolean).join(", ") || null, isNew: true };
    const s = byId.get(entry.id);
    return { name: s?.name ?? `Talare ${entry.id}`, org: s?.organisation ?? null, isNew: false };
  };
  const errorList = (Object.entries(e) as [LarpassFormField | "form", string][]).filter(([, m]) => Boolean(m));
  const showPreview = scripted || state.preview;
  const room = options.rooms.find((r) => String(r.id) === v.roomId);

  return (
    <form action={formAction} noValidate className="stack larpass-form">
      {/* The first submit button is the one Enter uses: make it "Spara", not a speaker-list button. */}
      <button type="submit" name="op" value="spara" style={{ display: "none" }}>
        Spara
      </button>
      <IdField name={target.name} value={target.value} />
      {mode === "edit" ? <input type="hidden" name="version" value={state.version} /> : null}

      {errorList.length ? (
        <div id="fel-sammanfattning" tabIndex={-1} className="notice" role="alert">
          <p>
            <strong>Lärpasset är inte sparat.</strong> Rätta det som är markerat:
          </p>
          <ul className="error-list">
            {errorList.map(([field, message]) => (
              <li key={field}>
                {field === "form" ? (
                  message
                ) : (
                  <a href={`#${field === "speakers" ? "talare-lista" : field === "status" ? "status-draft" : field}`}>
                    {fieldLabels[field]}: {message}
                  </a>
                )}
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {state.conflict ? <ConflictPanel conflict={state.conflict} /> : null}

      {state.confirm ? (
        <section id="bekrafta" tabIndex={-1} className="panel confirm-panel" aria-labelledby="bekrafta-rubrik">
          <h2 id="bekrafta-rubrik">Bekräfta ändringen</h2>
          <p>Ändringen påverkar medlemmar som har valt lärpasset. Ingenting är sparat ännu.</p>
          <ul>
            {state.confirm.consequences.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
          <div className="actions">
            <button type="submit" name="op" value="bekrafta">
              Spara och meddela medlemmarna
            </button>
            <span>eller ändra i formuläret och spara igen.</span>
          </div>
        </section>
      ) : null}

      {state.notice ? (
        <p role="status" className="inline-notice">
          {state.notice}
        </p>
      ) : (
        <p role="status" className="visually-hidden" />
      )}

      <section aria-labelledby="om-larpasset" className="panel stack">
        <h2 id="om-larpasset">Om lärpasset</h2>
        <TextField name="title" label="Titel" required defaultValue={v.title} error={e.title} maxLength={200} />
        <TextField
          name="slug"
          label="Adressnamn"
          defaultValue={v.slug}
          error={e.slug}
          hint={mode === "create" ? "Lämna tomt så görs det av titeln." : "Del av lärpassets adress. Byt det helst inte efter publicering."}
        />
        <TextArea
          name="abstract"
          label="Sammanfattning"
          rows={8}
          defaultValue={v.abstract}
          error={e.abstract}
          onInput={setAbstract}
          hint={
            <>
              Markdown: tom rad mellan stycken, *kursiv*, **fet**, [länktext](https://adress), listor med -.
            </>
          }
        />
        <div className="actions">
          <button type="submit" name="op" value="forhandsgranska" className="secondary">
            Förhandsgranska sammanfattningen
          </button>
        </div>
        {showPreview ? (
          <section id="forhandsvisning" tabIndex={-1} aria-labelledby="forhandsvisning-rubrik" className="preview-panel">
            <h3 id="forhandsvisning-rubrik">Förhandsvisning</h3>
            {abstract.trim() ? <Markdown>{abstract}</Markdown> : <p className="muted">Ingen sammanfattning ännu.</p>}
          </section>
        ) : null}
      </section>

      <fieldset aria-describedby="talare-hint">
        <legend>Talare</legend>
        <p id="talare-hint" className="meta">
          I den ordning de ska stå i programmet.
        </p>
        {entries.length === 0 ? (
          <p id="talare-lista" tabIndex={-1}>
            Inga talare ännu.
          </p>
        ) : (
          <ol id="talare-lista" tabIndex={-1} className="speaker-order" aria-label="Valda talare i ordning">
            {entries.map(({ raw, entry }, i) => {
              const s = speakerName(entry);
              return (
                <li key={`${raw}-${i}`}>
                  <input type="hidden" name="speaker" value={raw} />
                  <span className="who">
                    {i + 1}. {s.name}
                    {s.org ? <span className="meta">, {s.org}</span> : null}
                    {s.isNew ? <span className="meta"> (ny talare, skapas när du sparar)</span> : null}
                  </span>
                  <span className="actions">
                    <button type="submit" name="op" value={`upp:${i}`} id={`talare-${i}-upp`} className="secondary small" disabled={i === 0}>
                      Flytta upp<span className="visually-hidden"> {s.name}</span>
                    </button>
                    <button
                      type="submit"
                      name="op"
                      value={`ner:${i}`}
                      id={`talare-${i}-ner`}
                      className="secondary small"
                      disabled={i === entries.length - 1}
                    >
                      Flytta ner<span className="visually-hidden"> {s.name}</span>
                    </button>
                    <button type="submit" name="op" value={`bort:${i}`} className="secondary small">
                      Ta bort<span className="visually-hidden"> {s.name}</span>
                    </button>
                  </span>
                </li>
              );
            })}
          </ol>
        )}
        <FieldError id="speakers" error={e.speakers} />
        <div className="row-actions">
          <SelectField
            name="addSpeakerId"
            label="Välj talare"
            defaultValue={v.addSpeakerId ?? ""}
            error={e.addSpeakerId}
            options={[
              { value: "", label: "Välj i listan" },
              ...options.speakers
                .filter((s) => !chosenIds.has(s.id))
                .map((s) => ({ value: String(s.id), label: s.organisation ? `${s.name}, ${s.organisation}` : s.name })),
            ]}
          />
          <div className="field">
            <button type="submit" name="op" value="lagg-till" className="secondary">
              Lägg till talaren
            </button>
          </div>
        </div>
        <fieldset>
          <legend>Ny talare</legend>
          <p className="meta">Finns talaren inte i listan? Skriv namnet här. Talaren (och en ny organisation) sparas när du sparar lärpasset.</p>
          <div className="form-grid">
            <TextField name="newSpeakerName" label="Namn" defaultValue={v.newSpeakerName} error={e.newSpeakerName} autoComplete="off" />
            <TextField name="newSpeakerRole" label="Roll (valfritt)" defaultValue={v.newSpeakerRole} error={e.newSpeakerRole} />
            <TextField
              name="newSpeakerOrg"
              label="Organisation (valfritt)"
              defaultValue={v.newSpeakerOrg}
              error={e.newSpeakerOrg}
              list="organisationer"
            />
          </div>
          <datalist id="organisationer">
            {options.organisations.map((o) => (
              <option key={o} value={o} />
            ))}
          </datalist>
          <div className="actions">
            <button type="submit" name="op" value="ny-talare" className="secondary">
              Lägg till ny talare
            </button>
          </div>
        </fieldset>
      </fieldset>

      <fieldset>
        <legend>Tid och plats</legend>
        <div className="form-grid">
          <SelectField
            name="timeSlotId"
            label="Tid"
            defaultValue={v.timeSlotId}
            error={e.timeSlotId}
            options={[{ value: "", label: "Ingen tid ännu" }, ...options.slots.map((s) => ({ value: String(s.id), label: s.label }))]}
          />
          <SelectField
            name="roomId"
            label="Lokal"
            defaultValue={v.roomId}
            error={e.roomId}
            options={[
              { value: "", label: "Ingen lokal ännu" },
              ...options.rooms.map((r) => ({ value: String(r.id), label: `${r.name} (${r.capacity} platser)` })),
            ]}
          />
          <TextField
            name="capacity"
            label="Antal platser"
            type="number"
            inputMode="numeric"
            defaultValue={v.capacity}
            error={e.capacity}
            hint={room ? `Tomt: lokalens ${room.capacity} platser.` : "Tomt: lokalens antal platser."}
          />
        </div>
        <p className="meta">Byter du tid eller lokal följer medlemmarnas val med; du får se vilka som påverkas innan något sparas.</p>
      </fieldset>

      <fieldset aria-describedby={e.status ? "status-error" : undefined}>
        <legend>Status</legend>
        <div className="radio-row">
          {(mode === "edit" && initial.values.status !== "draft" ? (["draft", "published", "cancelled"] as const) : (["draft", "published"] as const)).map((s) => (
            <label key={s} htmlFor={`status-${s}`}>
              <input type="radio" id={`status-${s}`} name="status" value={s} defaultChecked={v.status === s} />
              {larpassStatusLabels[s]}
              <span className="meta">({statusHints[s]})</span>
            </label>
          ))}
        </div>
        <FieldError id="status" error={e.status} />
      </fieldset>

      <div className="form-grid">
        <TextField name="track" label="Spår (valfritt)" defaultValue={v.track} error={e.track} hint="Till exempel Hållbar tillväxt." />
        <SelectField
          name="language"
          label="Språk"
          defaultValue={v.language}
          error={e.language}
          options={[
            ...Object.entries(languageLabels).map(([value, label]) => ({ value, label })),
            ...(v.language && !languageLabels[v.language] ? [{ value: v.language, label: v.language }] : []),
          ]}
        />
      </div>

      {mode === "edit" && initial.values.status === "published" ? (
        <div className="field checkbox-field">
          <input id="utanMeddelande" name="utanMeddelande" type="checkbox" value="ja" defaultChecked={state.silent ?? false} key={`tyst-${state.seq}`} aria-describedby="utanMeddelande-hint" />
          <label htmlFor="utanMeddelande">Ändra utan att meddela</label>
          <p id="utanMeddelande-hint" className="meta">
            För små rättelser som stavfel. Annars får alla med plats eller köplats ett mejl om vad som ändrats i titel,
            sammanfattning och talare. En ny tid eller lokal meddelas alltid.
          </p>
        </div>
      ) : null}
      <div className="actions">
        <button type="submit" name="op" value="spara" disabled={pending}>
          {pending ? "Sparar…" : mode === "create" ? "Skapa lärpasset" : "Spara lärpasset"}
        </button>
        <Link href={cancelHref}>Avbryt</Link>
      </div>
    </form>
  );
}
