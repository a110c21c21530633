// Both Historik pages (a lärpass's, a speaker's): loadHistory does the organiser check and reads the subject
// and its revisions (in the page itself, so the check runs when the page runs); HistoryView draws the
// breadcrumbs, the restore outcome and the list. The routes keep their own metadata.
import Link from "next/link";
import { notFound } from "next/navigation";
import { getHistorySubject, listRevisions, type HistorySubject } from "@/lib/admin/history";
import { requirePageRole } from "@/lib/auth/page-guards";
import { idSchema } from "@/lib/validation/form";
import { RestoreExplanation, RestoreOutcome, RevisionList } from "./revision-list";

export type HistoryPageProps = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const pages = {
  larpass: {
    base: "/arrangor/larpass",
    what: "lärpasset",
    crumbs: (s: HistorySubject) => [
      { href: "/arrangor", label: "Arrangör" },
      ...(s.eventId ? [{ href: `/arrangor/evenemang/${s.eventId}/larpass`, label: "Lärpass" }] : []),
    ],
  },
  speaker: {
    base: "/arrangor/talare",
    what: "talaren",
    crumbs: () => [{ href: "/arrangor/talare", label: "Talare" }],
  },
} satisfies Record<HistorySubject["entity"], unknown>;

type Entity = HistorySubject["entity"];

export async function loadHistory(entity: Entity, { params, searchParams }: HistoryPageProps) {
  const { id: raw } = await params;
  const page = pages[entity];
  await requirePageRole("organiser", `${page.base}/${raw}/historik`);
  const id = idSchema.safeParse(raw);
  if (!id.success) notFound();
  const subject = getHistorySubject({ entity, id: id.data });
  if (!subject) notFound();
  const revisions = listRevisions({ entity, id: id.data });
  const query = await searchParams;
  return { subject, revisions, query };
}

export function HistoryView({ subject, revisions, query }: Awaited<ReturnType<typeof loadHistory>>) {
  const { entity } = subject;
  const page = pages[entity];
  const subjectHref = `${page.base}/${subject.id}`;
  return (
    <>
      <nav aria-label="Brödsmulor" className="breadcrumbs">
        <ol>
          {[...page.crumbs(subject), { href: subjectHref, label: subject.name }].map((c) => (
            <li key={c.href}>
              <Link href={c.href}>{c.label}</Link>
            </li>
          ))}
          <li>
            <span aria-current="page">Historik</span>
          </li>
        </ol>
      </nav>
      <h1>Historik: {subject.name}</h1>
      <p className="lead">
        Alla sparade ändringar av {page.what}, de senaste först, med vem som gjorde dem. Tiderna är svensk tid. Borttagen text är
        överstruken och tillagd text understruken.
      </p>
      <RestoreExplanation entity={entity} />
      <RestoreOutcome query={query} revisions={revisions} />
      <RevisionList subject={subject} revisions={revisions} />
      <p>
        <Link href={subjectHref}>Tillbaka till {page.what}</Link>
      </p>
    </>
  );
}
