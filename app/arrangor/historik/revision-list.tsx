// The history of a lärpass or a speaker, newest first: one article per revision with when, who and each
// changed field (words removed and added in place for texts, before → after for the rest), and a restore
// button on every version that is not the current state. Used by both Historik pages.
import type { FieldChange, HistorySubject, RevisionRow } from "@/lib/admin/history";
import { restoreMessages } from "@/lib/admin/history";
import { restoreRevisionAction } from "./actions";

export function Diff({ change }: { change: FieldChange }) {
  if (change.kind === "value") {
    return (
      <p className="value-change">
        {change.before} <span aria-hidden="true">→</span>
        <span className="visually-hidden"> ändrat till </span> {change.after}
      </p>
    );
  }
  return (
    <p className="text-diff">
      {change.parts.map((p, i) =>
        p.change === "added" ? (
          <ins key={i}>
            <span className="visually-hidden">tillagt: </span>
            {p.text}
          </ins>
        ) : p.change === "removed" ? (
          <del key={i}>
            <span className="visually-hidden">borttaget: </span>
            {p.text}
          </del>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </p>
  );
}

const restoredWhat: Record<HistorySubject["entity"], string> = {
  larpass: "titel, sammanfattning, talare, antal platser, spår och språk",
  speaker: "namn, roll, organisation och presentation",
};

export function RevisionList({ subject, revisions }: { subject: HistorySubject; revisions: RevisionRow[] }) {
  if (revisions.length === 0) return <p>Inga ändringar är sparade ännu.</p>;
  return (
    <ol className="revisions" aria-label="Ändringar, de senaste först">
      {revisions.map((r, i) => {
        const headingId = `version-${r.id}`;
        return (
          <li key={r.id} id={i === 0 ? "senaste" : undefined}>
            <article className="panel stack revision" aria-labelledby={headingId}>
              <h2 id={headingId}>
                Version {r.version}: <time dateTime={r.createdAt.toISOString()}>{r.when}</time>
              </h2>
              <p className="meta">
                {r.created ? "Skapad" : "Ändrad"} av {r.authorLabel} ({r.roleLabel})
                {r.restoredFrom ? <>. Återställde {r.restoredFrom.version != null ? `version ${r.restoredFrom.version}` : "en tidigare version"}</> : null}
              </p>
              {r.changes.length ? (
                <dl className="revision-changes">
                  {r.changes.map((c) => (
                    <div key={c.field}>
                      <dt>{c.label}</dt>
                      <dd>
                        <Diff change={c} />
                      </dd>
                    </div>
                  ))}
                </dl>
              ) : (
                <p>Inga synliga fält ändrades.</p>
              )}
              {r.restorable ? (
                <form action={restoreRevisionAction} className="actions">
                  <input type="hidden" name="revisionId" value={r.id} />
                  <input type="hidden" name="version" value={subject.version} />
                  <input type="hidden" name="entity" value={subject.entity} />
                  <input type="hidden" name="entityId" value={subject.id} />
                  <button type="submit" className="secondary" aria-describedby={`${headingId} aterstall-forklaring`}>
                    Återställ den här versionen
                  </button>
                </form>
              ) : (
                <p className="meta">{i === 0 ? "Det här är den nuvarande versionen." : "Samma innehåll som nu, så det finns inget att återställa."}</p>
              )}
            </article>
          </li>
        );
      })}
    </ol>
  );
}

/** What "Återställ" does, said once above the list (and pointed to by every restore button). */
export function RestoreExplanation({ entity }: { entity: HistorySubject["entity"] }) {
  return (
    <p id="aterstall-forklaring" className="meta">
      ”Återställ den här versionen” sparar versionens {restoredWhat[entity]} som en ny ändring; ingenting i historiken försvinner.
      {entity === "larpass"
        ? " Tid, lokal och status ändras inte: flytta lärpasset i schemat och ändra status i formuläret, så att medlemmarna som valt det flyttas eller meddelas på rätt sätt."
        : " Adressnamn och e-post ändras inte."}
    </p>
  );
}

const errors: Record<string, string> = {
  stale: restoreMessages.stale,
  current: restoreMessages.current,
  not_found: restoreMessages.not_found,
  invalid: restoreMessages.invalid,
  ogiltig: "Formuläret var trasigt. Ladda om sidan och försök igen.",
};

/** The answer of a restore, from the query the action redirected with. */
export function RestoreOutcome({
  query,
  revisions,
}: {
  query: Record<string, string | string[] | undefined>;
  revisions: RevisionRow[];
}) {
  const fel = typeof query.fel === "string" ? query.fel : null;
  if (fel) {
    return (
      <p role="alert" className="inline-notice error">
        {errors[fel] ?? errors.invalid}
      </p>
    );
  }
  const restored = typeof query.aterstalld === "string" ? Number(query.aterstalld) : null;
  if (!restored) return null;
  const from = revisions.find((r) => r.id === restored);
  return (
    <p role="status" className="inline-notice saved">
      {from ? `Version ${from.version} är återställd` : "Versionen är återställd"} och sparad som en ny ändring.
      {query.anm ? " Talare eller en organisation som har tagits bort sedan dess kom inte med." : ""}
    </p>
  );
}
