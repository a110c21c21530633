import type { SpeakerRef } from "@/lib/programme";

/** A speaker as a card names them: the name, role and organisation, each linked by slug. */
export type SpeakerLine = { slug: string; name: string; role?: string; organisation?: { slug: string; name: string } };

export const speakerLine = (s: SpeakerRef): SpeakerLine => ({
  slug: s.slug,
  name: s.name,
  ...(s.role ? { role: s.role } : {}),
  ...(s.organisation ? { organisation: { slug: s.organisation.slug, name: s.organisation.name } } : {}),
});

/**
 * "Kjell Nilsson, direktör, Nordregio": each person and organisation links to its page. Plain links, like the
 * rest of a programme card (components/card-view.tsx): a large event's day has hundreds of them, and a
 * next/link for each is a client component to render, hydrate and prefetch.
 */
export function SpeakerList({ speakers }: { speakers: SpeakerLine[] }) {
  if (speakers.length === 0) return null;
  return (
    <ul className="speakers" aria-label="Talare">
      {speakers.map((s) => (
        <li key={s.slug}>
          <a href={`/talare/${s.slug}`}>{s.name}</a>
          {/* One text node between the links: React separates adjacent ones with <!-- --> in the HTML. */}
          {`${s.role ? `, ${s.role}` : ""}${s.organisation ? ", " : ""}` || null}
          {s.organisation ? <a href={`/organisationer/${s.organisation.slug}`}>{s.organisation.name}</a> : null}
        </li>
      ))}
    </ul>
  );
}
