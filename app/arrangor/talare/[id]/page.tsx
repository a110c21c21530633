import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { changesCount, countRevisions } from "@/lib/admin/history";
import { getAdminSpeaker } from "@/lib/admin/speakers";
import { listOrganisationOptions } from "@/lib/admin/organisations";
import { requirePageRole } from "@/lib/auth/page-guards";
import { idSchema } from "@/lib/validation/form";
import { Saved } from "@/components/form-fields";
import { updateSpeakerAction } from "../actions";
import { SpeakerForm } from "../speaker-form";
import { SpeakerAccount } from "./speaker-account";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Arrangör: talare" };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function SpeakerPage({ params, searchParams }: Props) {
  const { id: raw } = await params;
  await requirePageRole("organiser", `/arrangor/talare/${raw}`);
  const id = idSchema.safeParse(raw);
  if (!id.success) notFound();
  const s = getAdminSpeaker({ id: id.data });
  if (!s) notFound();
  const query = await searchParams;
  return (
    <>
      <nav aria-label="Brödsmulor" className="breadcrumbs">
        <ol>
          <li>
            <Link href="/arrangor/talare">Talare</Link>
          </li>
          <li>
            <span aria-current="page">{s.name}</span>
          </li>
        </ol>
      </nav>
      <h1>Talare: {s.name}</h1>
      {query.sparat === "ny" ? <Saved>Talaren är skapad.</Saved> : null}
      {query.sparat === "1" ? <Saved>Talaren är sparad.</Saved> : null}
      <p>
        <Link href={`/arrangor/talare/${s.id}/historik`}>Historik ({changesCount(countRevisions({ entity: "speaker", id: s.id }))})</Link>
      </p>
      <SpeakerForm
        key={s.updatedAt.getTime()}
        mode="edit"
        version={s.version}
        action={updateSpeakerAction}
        id={s.id}
        defaults={{
          name: s.name,
          slug: s.slug,
          role: s.role ?? "",
          organisationId: s.organisationId ? String(s.organisationId) : "",
          bio: s.bio,
          email: s.email ?? "",
        }}
        organisations={listOrganisationOptions()}
      />
      <SpeakerAccount speakerId={s.id} query={query} />
      <section aria-labelledby="larpass" className="admin-section">
        <h2 id="larpass">Lärpass</h2>
        {s.larpass.length === 0 ? (
          <p>Inte med i något lärpass.</p>
        ) : (
          <ul>
            {s.larpass.map((l) => (
              <li key={l.id}>
                <Link href={`/arrangor/larpass/${l.id}`}>{l.title}</Link> <span className="meta">({l.eventName})</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="ta-bort" className="admin-section">
        <h2 id="ta-bort">Ta bort talaren</h2>
        <Link className="button danger" href={`/arrangor/ta-bort/talare/${s.id}`}>
          Ta bort talaren
        </Link>
      </section>
    </>
  );
}
