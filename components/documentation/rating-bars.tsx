import type { RatingRow } from "@/lib/documentation/read";
import { formatAverage } from "@/lib/documentation/rules";

/** A server-rendered bar chart of one lärpass's ratings, with the numbers as text (readable without the bars). */
export function RatingBars({ row, headingLevel = 3 }: { row: RatingRow; headingLevel?: 3 | 4 }) {
  const H = headingLevel === 3 ? "h3" : "h4";
  const most = Math.max(1, ...row.summary.distribution);
  return (
    <div className="rating-summary">
      <p>
        {row.summary.count} svar, medelbetyg {formatAverage(row.summary.average)} av 5.
      </p>
      <ul className="bars" aria-label={`Fördelning av betygen för ${row.title}`}>
        {row.summary.distribution.map((n, i) => (
          <li key={i}>
            <span>{i + 1}:</span>
            <span className="bar" style={{ width: `${(n / most) * 100}%` }} aria-hidden="true" />
            <span>{n}</span>
          </li>
        ))}
      </ul>
      {row.comments.length ? (
        <>
          <H>Kommentarer</H>
          <ul>
            {row.comments.map((c, i) => (
              <li key={i}>{c}</li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
