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

/**
 * Shown when the lärpass was saved by someone else since the form was opened: both versions side by side,
 * and the two ways on. Its buttons submit the surrounding lärpass form (with what the organiser typed).
 */
export function ConflictPanel({ conflict }: { conflict: NonNullable<LarpassFormState["conflict"]> }) {
  const { current, yours } = conflict;
  const text = (d: LarpassDisplay, k: keyof LarpassDisplay) => {
    const value = d[k];
    return Array.isArray(value) ? value.join("\n") || "Inga talare" : value || "–";
  };
  const savedAt = new Intl.DateTimeFormat("sv-SE", {
    timeZone: "Europe/Stockholm",
    day: "numeric",
    month: "long",
    hour: "2-digit",
    minute: "2-digit",
  }).format(new Date(current.updatedAt));
  return (
    <section id="konflikt" tabIndex={-1} className="panel conflict stack" aria-labelledby="konflikt-rubrik">
      <h2 id="konflikt-rubrik">Lärpasset har ändrats av någon annan sedan du öppnade det</h2>
      <p role="alert">
        Ingenting av det du skrev är sparat. Någon sparade version {current.version} {savedAt}. Här står den sparade versionen bredvid
        din.
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
              const theirs = text(current.display, key);
              const mine = text(yours, key);
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
