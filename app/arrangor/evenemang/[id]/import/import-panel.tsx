"use client";

import { useActionState, useState } from "react";
import type { ImportAction } from "@/lib/import/import-programme";
import { LARGE_IMPORT_LARPASS, MAX_IMPORT_BYTES, tooLargeMessage } from "@/lib/import/source";
import { CheckboxField, FieldError, FormError, IdField, TextArea } from "@/components/form-fields";
import type { ImportFormat, ImportState } from "./actions";

type Action = (prev: ImportState, formData: FormData) => Promise<ImportState>;

const actionLabels: Record<ImportAction, string> = { create: "Ny", update: "Uppdateras", unchanged: "Oförändrad" };

/**
 * One import source (the published text format, or CSV): read a pasted text or a file, show what the
 * import would do, then "Bekräfta import" sends the same text again from a hidden field. Nothing is
 * written before that.
 */
export function ImportPanel({
  eventId,
  format,
  preview: previewAction,
  confirm: confirmAction,
}: {
  eventId: number;
  format: ImportFormat;
  preview: Action;
  confirm: Action;
}) {
  const [state, action, pending] = useActionState<ImportState, FormData>(previewAction, {});
  const [confirmState, confirm, confirming] = useActionState<ImportState, FormData>(confirmAction, {});
  const p = `${format}-`;
  const e = state.errors ?? {};
  const problems = confirmState.csvErrors ?? state.csvErrors ?? [];
  const plan = state.preview?.plan;
  const count = (list: { action: ImportAction }[], a: ImportAction) => list.filter((x) => x.action === a).length;
  const status = state.status ?? "draft";
  // With JavaScript a file over the limit is refused before it is sent (the server refuses it too).
  const [fileTooLarge, setFileTooLarge] = useState<string | undefined>();
  const fileError = fileTooLarge ?? e.file;
  const creates = plan ? count(plan.larpass, "create") : 0;

  return (
    <div className="stack">
      <form
        action={action}
        noValidate
        className="panel stack"
        onSubmit={(event) => {
          if (fileTooLarge) event.preventDefault();
        }}
      >
        <IdField name="eventId" value={eventId} />
        <input type="hidden" name="format" value={format} />
        <FormError error={e.form} />
        <TextArea
          name="text"
          idPrefix={p}
          label={format === "csv" ? "Klistra in CSV" : "Klistra in lärpasslistan"}
          rows={8}
          defaultValue={state.text ?? ""}
          error={e.text}
        />
        <div className="field">
          <label htmlFor={`${p}file`}>{format === "csv" ? "… eller välj en CSV-fil" : "… eller välj en textfil (.txt)"}</label>
          <input
            id={`${p}file`}
            name="file"
            type="file"
            accept={format === "csv" ? ".csv,text/csv" : ".txt,text/plain"}
            aria-invalid={fileError ? true : undefined}
            aria-describedby={fileError ? `${p}file-error` : `${p}file-hint`}
            onChange={(event) => {
              const size = event.currentTarget.files?.[0]?.size ?? 0;
              setFileTooLarge(size > MAX_IMPORT_BYTES ? tooLargeMessage(size) : undefined);
            }}
          />
          <p id={`${p}file-hint`} className="meta">
            En vald fil går före inklistrad text. Högst 1 MB.
          </p>
          <FieldError id={`${p}file`} error={fileError} />
        </div>
        <fieldset aria-describedby={e.status ? `${p}status-error` : undefined}>
          <legend>Nya lärpass blir</legend>
          <div className="radio-row">
            <label htmlFor={`${p}status-draft`}>
              <input type="radio" id={`${p}status-draft`} name="status" value="draft" defaultChecked={status !== "published"} />
              Utkast (syns inte förrän du publicerar dem)
            </label>
            <label htmlFor={`${p}status-published`}>
              <input type="radio" id={`${p}status-published`} name="status" value="published" defaultChecked={status === "published"} />
              Publicerade
            </label>
          </div>
          <FieldError id={`${p}status`} error={e.status} />
        </fieldset>
        <div className="actions">
          <button type="submit" disabled={pending}>
            {pending ? "Läser…" : "Förhandsgranska import"}
          </button>
        </div>
      </form>

      {problems.length ? (
        <section aria-labelledby={`${p}problem`} className="notice" role="alert">
          <h3 id={`${p}problem`}>
            {format === "csv" ? "Filen går inte att importera. Ingenting är sparat." : "Det här behöver du titta på"}
          </h3>
          <ul className="error-list">
            {problems.map((w) => (
              <li key={`${w.line}-${w.message}`}>{w.message}</li>
            ))}
          </ul>
        </section>
      ) : null}

      {plan ? (
        <section aria-labelledby={`${p}forhandsvisning`} className="panel import-preview stack">
          <h3 id={`${p}forhandsvisning`}>Förhandsvisning: så här blir importen</h3>
          <p>
            {creates} nya lärpass, {count(plan.larpass, "update")} uppdateras, {count(plan.larpass, "unchanged")}{" "}
            oförändrade. {count(plan.speakers, "create")} nya talare och {count(plan.organisations, "create")} nya organisationer.{" "}
            Nya lärpass blir {state.preview!.status === "published" ? "publicerade" : "utkast"}.
          </p>
          {plan.warnings.length ? (
            <div className="notice">
              <h4>Varningar från inläsningen</h4>
              <ul className="error-list">
                {plan.warnings.map((w) => (
                  <li key={`${w.line}-${w.message}`}>{w.message}</li>
                ))}
              </ul>
            </div>
          ) : null}
          <div className="table-wrap">
            <table>
              <caption>Lärpass</caption>
              <thead>
                <tr>
                  <th scope="col">Titel</th>
                  <th scope="col">Vad händer</th>
                </tr>
              </thead>
              <tbody>
                {plan.larpass.map((l) => (
                  <tr key={l.title}>
                    <th scope="row">{l.title}</th>
                    <td>
                      {actionLabels[l.action]}
                      {l.changes.length ? `: ${l.changes.join(", ")}` : ""}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {plan.speakers.length ? (
            <details>
              <summary>
                Talare ({count(plan.speakers, "create")} nya, {plan.speakers.length - count(plan.speakers, "create")} finns redan)
              </summary>
              <ul>
                {plan.speakers.map((s) => (
                  <li key={s.name}>
                    {s.name}: {actionLabels[s.action].toLocaleLowerCase("sv-SE")}
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
          {plan.organisations.length ? (
            <details>
              <summary>
                Organisationer ({count(plan.organisations, "create")} nya, {plan.organisations.length - count(plan.organisations, "create")} finns
                redan)
              </summary>
              <ul>
                {plan.organisations.map((o) => (
                  <li key={o.name}>
                    {o.name}: {actionLabels[o.action].toLocaleLowerCase("sv-SE")}
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
          <form action={confirm} className="stack">
            <IdField name="eventId" value={eventId} />
            <input type="hidden" name="format" value={format} />
            <input type="hidden" name="status" value={state.preview!.status} />
            <input type="hidden" name="text" value={state.text ?? ""} />
            <FormError error={confirmState.errors?.form ?? confirmState.errors?.text} />
            {creates > LARGE_IMPORT_LARPASS ? (
              <CheckboxField
                name="storImport"
                idPrefix={p}
                label={`Ja, skapa ${creates} nya lärpass`}
                hint={`Importen skapar fler än ${LARGE_IMPORT_LARPASS} lärpass. Kontrollera att det är rätt fil innan du bekräftar.`}
                error={confirmState.errors?.largeImport}
              />
            ) : null}
            <div className="actions">
              <button type="submit" disabled={confirming}>
                {confirming ? "Importerar…" : "Bekräfta import"}
              </button>
              <span className="meta">Eller ändra texten ovan och förhandsgranska igen.</span>
            </div>
          </form>
        </section>
      ) : null}
    </div>
  );
}
