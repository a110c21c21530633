import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LarpassCard } from "@/components/larpass-card";
import { getOrganisationBySlug } from "@/lib/programme";
import { organisationKindLabels } from "@/lib/domain";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const data = await getOrganisationBySlug({ slug: (await params).slug });
  if (!data) return { title: "Sidan finns inte" };
  const n = data.larpass.length;
  return {
    title: data.organisation.name,
    description: `${data.organisation.name} håller ${n} ${n === 1 ? "lärpass" : "lärpass"}: ${data.larpass.map((l) => l.title).join(", ")}.`,
  };
}

export default async function OrganisationPage({ params }: Props) {
  const data = await getOrganisationBySlug({ slug: (await params).slug });
  if (!data) notFound();
  const { organisation: o, speakers, larpass } = data;
  return (
    <>
      <nav aria-label="Brödsmulor" className="breadcrumbs">
        <ol>
          <li>
            <Link href="/organisationer">Organisationer</Link>
          </li>
          <li aria-current="page">{o.name}</li>
        </ol>
      </nav>
      <h1>{o.name}</h1>
      <p className="meta">{organisationKindLabels[o.kind]}</p>
      <h2>Talare</h2>
      <ul>
        {speakers.map((s) => (
          <li key={s.id}>
            <Link href={`/talare/${s.slug}`}>{s.name}</Link>
            {s.role ? `, ${s.role}` : null}
          </li>
        ))}
      </ul>
      <h2>Lärpass</h2>
      <ul className="cards">
        {larpass.map((l) => (
          <LarpassCard key={l.id} larpass={l} eventSlug={l.event.slug} showTime />
        ))}
      </ul>
    </>
  );
}
