import type { SpeakerDisplay } from "@/lib/admin/people";
import type { SpeakerFormState } from "./speaker-save";

const rows: { key: keyof SpeakerDisplay; label: string }[] = [
  { key: "name", label: "Namn" },
  { key: "role", label: "Roll" },
  { key: "organisation", label: "Organisation" },
  { key: "email", label: "E-post" },
  { key: "slug", label: "Adressnamn" },
  { key: "bio", label: "Presentation" },
];

/**
 * Shown when the speaker was saved by someone else (another organiser, or the speaker) since the form was
 * opened: both versions side by side and the two ways on. Its buttons submit the surrounding speaker form.
 */
export function SpeakerConflictPanel({ conflict }: { conflict: NonNullable<SpeakerFormState["conflict"]> }) {
  const { current, yours } = conflict;
  const savedAt = new Intl.DateTimeFormat("sv-SE", {
    timeZone: "Europe/Stockholm",
    day: "numeric",
    month: "long",
    hour: "2-digit",
    minute: "2-digit",
  }).format(new Date(current.updatedAt));
  return (
    <section id="konflikt" tabIndex={-1} className="panel conflict stack" aria-labelledby="konflikt-rubrik">
      <h2 id="konflikt-rubrik">Talaren är ändrad av någon annan sedan du öppnade den</h2>
      <p role="alert">
        Ingenting av det du skrev är sparat. Någon sparade version {current.version} {savedAt}. Här står den sparade versionen bredvid din.
      </p>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Den sparade versionen jämförd med din</caption>
          <thead>
            <tr>
              <th scope="col">Fält</th>
              <th scope="col">Sparad version (version {current.version})</th>
              <th scope="col">Din version</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ key, label }) => {
              const theirs = current.display[key] || "–";
              const mine = yours[key] || "–";
              return (
                <tr key={key} className={theirs !== mine ? "differs" : undefined}>
                  <th scope="row">{label}</th>
                  <td>{theirs}</td>
                  <td>{mine}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="actions">
        <button type="submit" name="op" value="deras" className="secondary">
          Använd den sparade versionen
        </button>
        <button type="submit" name="op" value={`mina:${current.version}`}>
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
