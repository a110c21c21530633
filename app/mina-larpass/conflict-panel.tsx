// Shown when the speaker's form is older than what is saved (an organiser or a co-speaker saved in
// between): both versions side by side and the two ways on, as in the organisers' conflict panel. Its
// buttons submit the surrounding form, with what the speaker typed.
import type { ReactNode } from "react";

export function SpeakerConflictPanel({
  what,
  version,
  updatedAt,
  rows,
}: {
  /** "Sammanfattningen" / "Presentationen" */
  what: string;
  version: number;
  updatedAt: Date;
  rows: { label: string; theirs: string; mine: string }[];
}) {
  const savedAt = new Intl.DateTimeFormat("sv-SE", {
    timeZone: "Europe/Stockholm",
    day: "numeric",
    month: "long",
    hour: "2-digit",
    minute: "2-digit",
  }).format(new Date(updatedAt));
  return (
    <section id="konflikt" tabIndex={-1} className="panel conflict stack" aria-labelledby="konflikt-rubrik">
      <h2 id="konflikt-rubrik">{what} är ändrad av någon annan sedan du öppnade den</h2>
      <p role="alert">
        Ingenting av det du skrev är sparat. Någon sparade version {version} {savedAt}. Här står den sparade versionen bredvid din.
      </p>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Den sparade versionen jämförd med din</caption>
          <thead>
            <tr>
              <th scope="col">Fält</th>
              <th scope="col">Sparad version (version {version})</th>
              <th scope="col">Din version</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.label} className={r.theirs !== r.mine ? "differs" : undefined}>
                <th scope="row">{r.label}</th>
                <td>{r.theirs || "–"}</td>
                <td>{r.mine || "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="actions">
        <button type="submit" name="op" value="deras" className="secondary">
          Använd den sparade versionen
        </button>
        <button type="submit" name="op" value={`mina:${version}`}>
          Spara min version ovanpå den
        </button>
      </div>
      <p className="meta">
        ”Använd den sparade versionen” fyller formuläret med den, så att du kan göra om dina ändringar där. ”Spara min version ovanpå den”
        ersätter den sparade versionen med det du har skrivit.
      </p>
    </section>
  );
}

/** The form's errors that belong to no field (a broken hidden field counts as the form's own). */
export function FormErrors({ errors }: { errors: Partial<Record<string, string>>; children?: ReactNode }) {
  const messages = [errors.form, errors.larpassId, errors.version].filter((m): m is string => Boolean(m));
  if (messages.length === 0) return null;
  return (
    <div id="fel-sammanfattning" tabIndex={-1} className="notice" role="alert">
      {messages.map((m) => (
        <p key={m}>{m}</p>
      ))}
    </div>
  );
}
