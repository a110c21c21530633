"use client";

import { useHydrated } from "@/components/use-hydrated";
import { Markdown } from "@/components/markdown";

/**
 * The two buttons of a speaker's text form and the rendered preview below them. Both are plain submits to
 * the form's server action, so "Förhandsgranska" works without JavaScript (the answer has `preview`); with
 * JavaScript the preview is always there and follows the typing (`text`).
 */
export function SaveAndPreview({
  saveLabel,
  pending,
  preview,
  text,
  empty,
}: {
  /** "Spara sammanfattningen" */
  saveLabel: string;
  pending: boolean;
  /** The answer asked for the preview (the button, without JavaScript). */
  preview?: boolean;
  text: string;
  /** Shown in the preview while the text is empty. */
  empty: string;
}) {
  const scripted = useHydrated();
  return (
    <>
      <div className="actions">
        <button type="submit" name="op" value="spara" disabled={pending}>
          {pending ? "Sparar…" : saveLabel}
        </button>
        <button type="submit" name="op" value="forhandsgranska" className="secondary" disabled={pending}>
          Förhandsgranska
        </button>
      </div>
      {scripted || preview ? (
        <section id="forhandsvisning" tabIndex={-1} aria-labelledby="forhandsvisning-rubrik" className="preview-panel">
          <h2 id="forhandsvisning-rubrik">Förhandsvisning</h2>
          {text.trim() ? <Markdown>{text}</Markdown> : <p className="muted">{empty}</p>}
        </section>
      ) : null}
    </>
  );
}
