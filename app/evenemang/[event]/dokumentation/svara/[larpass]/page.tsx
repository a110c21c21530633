import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getEventBySlug, getLarpassBySlug } from "@/lib/programme";
import { AnswerPage } from "../../answer-page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Frågor om lärpasset" };

type Props = { params: Promise<{ event: string; larpass: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LarpassAnswerPage({ params, searchParams }: Props) {
  const p = await params;
  const event = await getEventBySlug({ slug: p.event });
  if (!event) notFound();
  const l = await getLarpassBySlug({ eventId: event.id, slug: p.larpass });
  if (!l || l.status !== "published") notFound();
  return <AnswerPage event={event} larpass={{ id: l.id, slug: l.slug, title: l.title }} query={await searchParams} />;
}
