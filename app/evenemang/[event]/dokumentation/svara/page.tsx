import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getEventBySlug } from "@/lib/programme";
import { AnswerPage } from "../answer-page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Frågor till deltagarna" };

type Props = { params: Promise<{ event: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function EventAnswerPage({ params, searchParams }: Props) {
  const event = await getEventBySlug({ slug: (await params).event });
  if (!event) notFound();
  return <AnswerPage event={event} larpass={null} query={await searchParams} />;
}
