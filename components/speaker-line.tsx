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
          {s.role ? `, ${s.role}` : null}
          {s.organisation ? (
            <>
              {", "}
              <Link href={`/organisationer/${s.organisation.slug}`}>{s.organisation.name}</Link>
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
