import Link from "next/link";
import type { PublicChange } from "@/lib/changes";
import { changeKindLabels } from "@/lib/domain";
import { formatDateTime } from "@/lib/time";

/** The published changes of an event, newest first: when, which lärpass, what, from what to what. */
export function ChangesList({ changes, eventSlug, timeZone }: { changes: PublicChange[]; eventSlug: string; timeZone: string }) {
  if (changes.length === 0) return <p>Inga ändringar i programmet sedan det publicerades.</p>;
  return (
    <div className="table-wrap">
      <table className="changes">
        <caption className="visually-hidden">Ändringar i programmet, de senaste först</caption>
        <thead>
          <tr>
            <th scope="col">När</th>
            <th scope="col">Lärpass</th>
            <th scope="col">Ändring</th>
            <th scope="col">Före</th>
            <th scope="col">Efter</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((c) => (
            <tr key={c.id}>
              <td>
                <time dateTime={c.createdAt.toISOString()}>{formatDateTime(c.createdAt, timeZone)}</time>
              </td>
              <th scope="row">
                {c.larpassSlug ? <Link href={`/evenemang/${eventSlug}/larpass/${c.larpassSlug}`}>{c.larpassTitle}</Link> : c.larpassTitle}
              </th>
              <td>{changeKindLabels[c.kind]}</td>
              {c.kind === "abstract" ? (
                // A whole text twice would bury the other changes: say that it changed and link to it.
                <td colSpan={2}>
                  Sammanfattningen är uppdaterad.{" "}
                  {c.larpassSlug ? (
                    <Link href={`/evenemang/${eventSlug}/larpass/${c.larpassSlug}`}>
                      Läs den nya sammanfattningen<span className="visually-hidden"> av {c.larpassTitle}</span>
                    </Link>
                  ) : null}
                </td>
              ) : (
                <>
                  <td>{c.before ?? "–"}</td>
                  <td>{c.after ?? "–"}</td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
