// The event overview's "Talarnas ändringar": the latest edits speakers made themselves (live, or waiting
// for review), whether or not the event reviews them, with a link to the whole change.
import Link from "next/link";
import { plural } from "@/lib/plural";
import { listPendingReviews, listRecentSpeakerEdits } from "@/lib/speakers/review";

export function SpeakerEdits({ eventId, reviewed }: { eventId: number; reviewed: boolean }) {
  const recent = listRecentSpeakerEdits({ eventId });
  const waiting = listPendingReviews({ eventId }).length;
  return (
    <section aria-labelledby="talarandringar" className="admin-section">
      <h2 id="talarandringar">Talarnas ändringar</h2>
      <p>
        {reviewed
          ? "Talarnas ändringar av publicerade lärpass granskas innan de syns i programmet."
          : "Talarnas ändringar syns i programmet direkt. Kryssa i granskning under Uppgifter om evenemanget för att godkänna dem först."}{" "}
        {waiting > 0 ? (
          <Link href="/arrangor/granska">
            {plural(waiting, "ändring", "ändringar")} väntar på granskning
          </Link>
        ) : (
          "Inga ändringar väntar på granskning."
        )}
      </p>
      {recent.length === 0 ? (
        <p className="muted">Inga talare har ändrat något ännu.</p>
      ) : (
        <ul className="plain-list speaker-edits">
          {recent.map((r) => (
            <li key={r.key}>
              <time dateTime={r.at.toISOString()}>{r.when}</time>: {r.who} ändrade {r.what}.{" "}
              {r.pending ? <strong className="badge new">väntar på granskning</strong> : null}{" "}
              <Link href={r.href}>
                {r.pending ? "Granska" : "Se ändringen"}
                <span className="visually-hidden">: {r.what}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
