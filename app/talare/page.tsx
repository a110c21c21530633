import type { Metadata } from "next";
import Link from "next/link";
import { listPublicSpeakers, type SpeakerSummary } from "@/lib/speakers/directory";

export const dynamic = "force-dynamic";
export const metadata: Metadata = {
  title: "Talare",
  description: "Alla som håller lärpass, med organisation och antal lärpass, i bokstavsordning efter efternamn.",
};

export default async function SpeakersPage() {
  const speakers = await listPublicSpeakers();
  const groups = new Map<string, SpeakerSummary[]>();
  for (const s of speakers) groups.set(s.letter, [...(groups.get(s.letter) ?? []), s]);
  return (
    <>
      <h1>Talare</h1>
      <p className="lead">
        Alla som håller lärpass, i bokstavsordning efter efternamn. Se också <Link href="/organisationer">organisationerna</Link>.
      </p>
      {speakers.length === 0 ? (
        <p>Inga talare ännu.</p>
      ) : (
        <>
          <nav aria-label="Bokstäver" className="letter-nav">
            <ul>
              {[...groups.keys()].map((letter) => (
                <li key={letter}>
                  <a href={`#bokstav-${letter}`}>{letter}</a>
                </li>
              ))}
            </ul>
          </nav>
          {[...groups].map(([letter, list]) => (
            <section key={letter} aria-labelledby={`bokstav-${letter}`}>
              <h2 id={`bokstav-${letter}`}>{letter}</h2>
              <ul className="org-list">
                {list.map((s) => (
                  <li key={s.id}>
                    <Link href={`/talare/${s.slug}`}>{s.name}</Link>
                    <span className="meta">
                      {s.role || s.organisation ? ", " : " "}
                      {[s.role, s.organisation?.name].filter(Boolean).join(", ")} ({s.larpassCount} lärpass)
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </>
      )}
    </>
  );
}
