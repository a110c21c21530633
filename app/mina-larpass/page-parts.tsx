import Link from "next/link";

/** Mina lärpass › the page a speaker edits on. */
export function SpeakerCrumbs({ here }: { here: string }) {
  return (
    <nav aria-label="Brödsmulor" className="breadcrumbs">
      <ol>
        <li>
          <Link href="/mina-larpass">Mina lärpass</Link>
        </li>
        <li>
          <span aria-current="page">{here}</span>
        </li>
      </ol>
    </nav>
  );
}

/** "… är sparad." after a save (the action redirects with ?sparat=1). */
export function SavedNotice({ query, text }: { query: Record<string, string | string[] | undefined>; text: string }) {
  if (query.sparat !== "1") return null;
  return (
    <p role="status" className="inline-notice saved">
      {text}
    </p>
  );
}
