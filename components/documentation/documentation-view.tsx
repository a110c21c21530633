import { Markdown } from "@/components/markdown";
import type { CompiledDocumentation, QuestionView } from "@/lib/documentation/read";
import { formatAverage } from "@/lib/documentation/rules";
import { documentationSectionLabels } from "@/lib/domain";
import { plural } from "@/lib/plural";

function Answers({ q, level }: { q: QuestionView; level: 2 | 3 }) {
  const H = level === 2 ? "h3" : "h4";
  const HT = level === 2 ? "h4" : "h5";
  return (
    <section aria-labelledby={`fraga-${q.id}-${level}`}>
      <H id={`fraga-${q.id}-${level}`}>{q.prompt}</H>
      <p className="meta">{plural(q.total, "svar", "svar")}</p>
      {q.groups.map((g, i) => (
        <div key={i}>
          {g.name ? <HT>{g.name}</HT> : null}
          <ul>
            {g.answers.map((a, j) =>
              a.quote ? (
                <li key={j}>
                  <blockquote className="doc-quote">{a.text}</blockquote>
                </li>
              ) : (
                <li key={j}>{a.text}</li>
              ),
            )}
          </ul>
        </div>
      ))}
    </section>
  );
}

/** The compiled documentation: also the print view (see the print rules in globals.css). */
/** "340 kB", "2,5 MB". */
function fileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} kB`;
  return `${(bytes / 1024 / 1024).toLocaleString("sv-SE", { maximumFractionDigits: 1 })} MB`;
}

export function DocumentationView({ doc }: { doc: CompiledDocumentation }) {
  const present = doc.order.filter(
    (s) => (s === "intro" && doc.intro.trim()) || (s === "questions" && doc.questions.length) || (s === "larpass" && doc.larpass.length) || (s === "ratings" && doc.ratings?.length),
  );
  return (
    <article className="documentation">
      <header className="doc-title-page">
        <p className="meta">Dokumentation</p>
        <h1>{doc.event.name}</h1>
        <p>{[doc.event.venue, doc.event.dates].filter(Boolean).join(", ")}</p>
        <p className="actions no-print">
          <a className="button secondary" href={`/evenemang/${doc.event.slug}/dokumentation/dokumentation.docx`} download>
            Ladda ner som Word (.docx)
          </a>
          <a className="button secondary" href={`/evenemang/${doc.event.slug}/dokumentation/dokumentation.md`} download>
            Ladda ner som Markdown
          </a>
        </p>
        <nav aria-labelledby="innehallsforteckning">
          <h2 id="innehallsforteckning">Innehåll</h2>
          <ol>
            {present.map((s) => (
              <li key={s}>
                <a href={`#${s}`}>{documentationSectionLabels[s]}</a>
                {s === "larpass" ? (
                  <ol>
                    {doc.larpass.map((l) => (
                      <li key={l.id}>
                        <a href={`#larpass-${l.id}`}>{l.title}</a>
                      </li>
                    ))}
                  </ol>
                ) : null}
              </li>
            ))}
          </ol>
        </nav>
      </header>
      {present.map((s) => (
        <section key={s} id={s} className="doc-section" aria-labelledby={`${s}-rubrik`}>
          <h2 id={`${s}-rubrik`}>{documentationSectionLabels[s]}</h2>
          {s === "intro" ? <Markdown>{doc.intro}</Markdown> : null}
          {s === "questions" ? doc.questions.map((q) => <Answers key={q.id} q={q} level={2} />) : null}
          {s === "larpass"
            ? doc.larpass.map((l) => (
                <section key={l.id} id={`larpass-${l.id}`} aria-labelledby={`larpass-${l.id}-rubrik`}>
                  <h3 id={`larpass-${l.id}-rubrik`}>{l.title}</h3>
                  {l.speakers.length ? <p className="meta">{l.speakers.map((p) => [p.name, p.organisation].filter(Boolean).join(", ")).join("; ")}</p> : null}
                  {l.when || l.room ? <p className="meta">{[l.when, l.room].filter(Boolean).join(", ")}</p> : null}
                  {l.summary.trim() ? <Markdown>{l.summary}</Markdown> : null}
                  {l.groups.map((g, i) => (
                    <div key={i}>
                      <h4>{g.title}</h4>
                      <ul>
                        {g.points.map((p, j) => (
                          <li key={j}>{p}</li>
                        ))}
                      </ul>
                    </div>
                  ))}
                  {l.quotes.length ? (
                    <>
                      <h4>Citat</h4>
                      {l.quotes.map((q, i) => (
                        <blockquote key={i} className="doc-quote">
                          {q}
                        </blockquote>
                      ))}
                    </>
                  ) : null}
                  {l.slides.length ? (
                    <>
                      <h4>Bildspel</h4>
                      <ul>
                        {l.slides.map((x, i) => (
                          <li key={i}>
                            <a href={x.url}>{x.title}</a>
                          </li>
                        ))}
                      </ul>
                    </>
                  ) : null}
                  {l.attachments.length ? (
                    <>
                      <h4>Bilagor</h4>
                      <ul>
                        {l.attachments.map((a) => (
                          <li key={a.id}>
                            <a href={`/evenemang/${doc.event.slug}/dokumentation/bilagor/${a.id}`}>{a.name}</a> ({fileSize(a.size)})
                          </li>
                        ))}
                      </ul>
                    </>
                  ) : null}
                  {l.questions.map((q) => (
                    <Answers key={q.id} q={q} level={3} />
                  ))}
                </section>
              ))
            : null}
          {s === "ratings" && doc.ratings ? (
            <table>
              <caption className="visually-hidden">Betyg per lärpass, 1 till 5</caption>
              <thead>
                <tr>
                  <th scope="col">Lärpass</th>
                  <th scope="col">Svar</th>
                  <th scope="col">Medel</th>
                </tr>
              </thead>
              <tbody>
                {doc.ratings.map((r) => (
                  <tr key={r.larpassId}>
                    <th scope="row">{r.title}</th>
                    <td>{r.summary.count}</td>
                    <td>{formatAverage(r.summary.average)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </section>
      ))}
    </article>
  );
}

