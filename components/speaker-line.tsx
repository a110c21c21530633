import type { SpeakerRef } from "@/lib/programme";

/**
 * "Kjell Nilsson, direktör, Nordregio": each person and organisation links to its page. Plain links, like the
 * rest of a programme card (components/larpass-card.tsx): a large event's day has hundreds of them, and a
 * next/link for each is a client component to render, hydrate and prefetch.
 */
export function SpeakerList({ speakers }: { speakers: SpeakerRef[] }) {
  if (speakers.length === 0) return null;
  return (
    <ul className="speakers" aria-label="Talare">
      {speakers.map((s) => (
        <li key={s.id}>
          <a href={`/talare/${s.slug}`}>{s.name}</a>
          {/* One text node between the links: React separates adjacent ones with <!-- --> in the HTML. */}
          {`${s.role ? `, ${s.role}` : ""}${s.organisation ? ", " : ""}` || null}
          {s.organisation ? <a href={`/organisationer/${s.organisation.slug}`}>{s.organisation.name}</a> : null}
        </li>
      ))}
    </ul>
  );
}
