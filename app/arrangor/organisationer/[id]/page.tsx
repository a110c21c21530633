import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getAdminOrganisation } from "@/lib/admin/organisations";
import { requirePageRole } from "@/lib/auth/page-guards";
import { idSchema } from "@/lib/validation/form";
import { Saved } from "@/components/form-fields";
import { updateOrganisationAction } from "../actions";
import { OrganisationForm } from "../organisation-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Arrangör: organisation" };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function OrganisationAdminPage({ params, searchParams }: Props) {
  const { id: raw } = await params;
  await requirePageRole("organiser", `/arrangor/organisationer/${raw}`);
  const id = idSchema.safeParse(raw);
  if (!id.success) notFound();
  const o = getAdminOrganisation({ id: id.data });
  if (!o) notFound();
  const query = await searchParams;
  return (
    <>
      <nav aria-label="Brödsmulor" className="breadcrumbs">
        <ol>
          <li>
            <Link href="/arrangor/organisationer">Organisationer</Link>
          </li>
          <li>
            <span aria-current="page">{o.name}</span>
          </li>
        </ol>
      </nav>
      <h1>Organisation: {o.name}</h1>
      {query.sparat === "ny" ? <Saved>Organisationen är skapad.</Saved> : null}
      {query.sparat === "1" ? <Saved>Organisationen är sparad.</Saved> : null}
      <OrganisationForm
        key={o.updatedAt.getTime()}
        mode="edit"
        action={updateOrganisationAction}
        id={o.id}
        defaults={{ name: o.name, slug: o.slug, kind: o.kind }}
      />
      <section aria-labelledby="talare" className="admin-section">
        <h2 id="talare">Talare</h2>
        {o.speakers.length === 0 ? (
          <p>Inga talare.</p>
        ) : (
          <ul>
            {o.speakers.map((s) => (
              <li key={s.id}>
                <Link href={`/arrangor/talare/${s.id}`}>{s.name}</Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="ta-bort" className="admin-section">
        <h2 id="ta-bort">Ta bort organisationen</h2>
        <Link className="button danger" href={`/arrangor/ta-bort/organisation/${o.id}`}>
          Ta bort organisationen
        </Link>
      </section>
    </>
  );
}
