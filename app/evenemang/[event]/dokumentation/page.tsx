import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DocumentationView } from "@/components/documentation/documentation-view";
import { getPublishedDocumentation } from "@/lib/documentation/read";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ event: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const doc = await getPublishedDocumentation({ slug: (await params).event });
  return { title: doc ? `Dokumentation: ${doc.event.name}` : "Sidan finns inte" };
}

export default async function PublicDocumentationPage({ params }: Props) {
  const doc = await getPublishedDocumentation({ slug: (await params).event });
  if (!doc) notFound();
  return <DocumentationView doc={doc} />;
}
