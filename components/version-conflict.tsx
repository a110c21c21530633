// Shown when a form is older than what is saved (another organiser, the speaker or a co-speaker saved in
// between): both versions side by side and the two ways on. Its buttons submit the surrounding form, with
// what the user typed: "deras" refills the form with the saved version, "mina:<version>" saves on top of it.
// Used by the organisers' lärpass and speaker forms and by the speakers' own abstract and profile forms.

export type ConflictRow = { key: string; label: string; theirs: string; mine: string };

const savedAtFormat = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "Europe/Stockholm",
  day: "numeric",
  month: "long",
  hour: "2-digit",
  minute: "2-digit",
});

export function VersionConflict({
  heading,
  version,
  updatedAt,
  rows,
}: {
  /** "Lärpasset har ändrats av någon annan sedan du öppnade det" */
  heading: string;
  /** The saved version (the one "Spara min version ovanpå den" replaces). */
  version: number;
  updatedAt: Date;
  /** One row a field; an empty value shows as "–". */
  rows: ConflictRow[];
}) {
  const savedAt = savedAtFormat.format(new Date(updatedAt));
  return (
    <section id="konflikt" tabIndex={-1} className="panel conflict stack" aria-labelledby="konflikt-rubrik">
      <h2 id="konflikt-rubrik">{heading}</h2>
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
            {rows.map(({ key, label, theirs, mine }) => {
              const shownTheirs = theirs || "–";
              const shownMine = mine || "–";
              return (
                <tr key={key} className={shownTheirs !== shownMine ? "differs" : undefined}>
                  <th scope="row">{label}</th>
                  <td>{shownTheirs}</td>
                  <td>{shownMine}</td>
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
