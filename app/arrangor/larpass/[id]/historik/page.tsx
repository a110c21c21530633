import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getHistorySubject, listRevisions } from "@/lib/admin/history";
import { requirePageRole } from "@/lib/auth/page-guards";
import { idSchema } from "@/lib/validation/admin";
import { RestoreExplanation, RestoreOutcome, RevisionList } from "../../../historik/revision-list";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Arrangör: lärpassets historik" };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** Every saved change of a lärpass, newest first, with a restore button on the earlier versions. */
export default async function LarpassHistoryPage({ params, searchParams }: Props) {
  const { id: raw } = await params;
  await requirePageRole("organiser", `/arrangor/larpass/${raw}/historik`);
  const id = idSchema.safeParse(raw);
  if (!id.success) notFound();
  const subject = getHistorySubject({ entity: "larpass", id: id.data });
  if (!subject) notFound();
  const revisions = listRevisions({ entity: "larpass", id: id.data });
  const query = await searchParams;
  return (
    <>
      <nav aria-label="Brödsmulor" className="breadcrumbs">
        <ol>
          <li>
            <Link href="/arrangor">Arrangör</Link>
          </li>
          {subject.eventId ? (
            <li>
              <Link href={`/arrangor/evenemang/${subject.eventId}/larpass`}>Lärpass</Link>
            </li>
          ) : null}
          <li>
            <Link href={`/arrangor/larpass/${subject.id}`}>{subject.name}</Link>
          </li>
          <li>
            <span aria-current="page">Historik</span>
          </li>
        </ol>
      </nav>
      <h1>Historik: {subject.name}</h1>
      <p className="lead">
        Alla sparade ändringar av lärpasset, de senaste först, med vem som gjorde dem. Tiderna är svensk tid. Borttagen text är
        överstruken och tillagd text understruken.
      </p>
      <RestoreExplanation entity="larpass" />
      <RestoreOutcome query={query} revisions={revisions} />
      <RevisionList subject={subject} revisions={revisions} />
      <p>
        <Link href={`/arrangor/larpass/${subject.id}`}>Tillbaka till lärpasset</Link>
      </p>
    </>
  );
}
