import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getHistorySubject, listRevisions } from "@/lib/admin/history";
import { requirePageRole } from "@/lib/auth/page-guards";
import { idSchema } from "@/lib/validation/admin";
import { RestoreExplanation, RestoreOutcome, RevisionList } from "../../../historik/revision-list";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Arrangör: talarens historik" };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** Every saved change of a speaker (by organisers, the speaker or an import), newest first. */
export default async function SpeakerHistoryPage({ params, searchParams }: Props) {
  const { id: raw } = await params;
  await requirePageRole("organiser", `/arrangor/talare/${raw}/historik`);
  const id = idSchema.safeParse(raw);
  if (!id.success) notFound();
  const subject = getHistorySubject({ entity: "speaker", id: id.data });
  if (!subject) notFound();
  const revisions = listRevisions({ entity: "speaker", id: id.data });
  const query = await searchParams;
  return (
    <>
      <nav aria-label="Brödsmulor" className="breadcrumbs">
        <ol>
          <li>
            <Link href="/arrangor/talare">Talare</Link>
          </li>
          <li>
            <Link href={`/arrangor/talare/${subject.id}`}>{subject.name}</Link>
          </li>
          <li>
            <span aria-current="page">Historik</span>
          </li>
        </ol>
      </nav>
      <h1>Historik: {subject.name}</h1>
      <p className="lead">
        Alla sparade ändringar av talaren, de senaste först, med vem som gjorde dem. Tiderna är svensk tid. Borttagen text är överstruken
        och tillagd text understruken.
      </p>
      <RestoreExplanation entity="speaker" />
      <RestoreOutcome query={query} revisions={revisions} />
      <RevisionList subject={subject} revisions={revisions} />
      <p>
        <Link href={`/arrangor/talare/${subject.id}`}>Tillbaka till talaren</Link>
      </p>
    </>
  );
}
