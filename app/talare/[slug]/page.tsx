import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LarpassCard } from "@/components/larpass-card";
import { Markdown } from "@/components/markdown";
import { getSpeakerBySlug } from "@/lib/programme";
import { plainExcerpt } from "@/lib/text";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const data = await getSpeakerBySlug({ slug: (await params).slug });
  if (!data) return { title: "Sidan finns inte" };
  const { speaker: s } = data;
  const where = [s.role, s.organisation?.name].filter(Boolean).join(", ");
  return {
    title: s.name,
    description: plainExcerpt(s.bio) || `${s.name}${where ? `, ${where}` : ""}: talare på lärpass.`,
  };
}

export default async function SpeakerPage({ params }: Props) {
  const data = await getSpeakerBySlug({ slug: (await params).slug });
  if (!data) notFound();
  const { speaker: s, larpass } = data;
  return (
    <>
      <h1>{s.name}</h1>
      <p className="meta">
        {s.role ? `${s.role[0].toLocaleUpperCase("sv-SE")}${s.role.slice(1)}` : null}
        {s.role && s.organisation ? ", " : null}
        {s.organisation ? <Link href={`/organisationer/${s.organisation.slug}`}>{s.organisation.name}</Link> : null}
      </p>
      {s.bio ? <Markdown>{s.bio}</Markdown> : null}
      <h2>Lärpass</h2>
      <ul className="cards">
        {larpass.map((l) => (
          <LarpassCard key={l.id} larpass={l} eventSlug={l.event.slug} showTime />
        ))}
      </ul>
    </>
  );
}
