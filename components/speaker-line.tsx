import Link from "next/link";
import type { SpeakerRef } from "@/lib/programme";

/** "Kjell Nilsson, direktör, Nordregio": each person and organisation links to its page. */
export function SpeakerList({ speakers }: { speakers: SpeakerRef[] }) {
  if (speakers.length === 0) return null;
  return (
    <ul className="speakers" aria-label="Talare">
      {speakers.map((s) => (
        <li key={s.id}>
          <Link href={`/talare/${s.slug}`}>{s.name}</Link>
          {/* One text node between the links: React separates adjacent ones with <!-- --> in the HTML. */}
          {`${s.role ? `, ${s.role}` : ""}${s.organisation ? ", " : ""}` || null}
          {s.organisation ? <Link href={`/organisationer/${s.organisation.slug}`}>{s.organisation.name}</Link> : null}
        </li>
      ))}
    </ul>
  );
}
