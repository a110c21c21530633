import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DocumentationView } from "@/components/documentation/documentation-view";
import { requirePageRole } from "@/lib/auth/page-guards";
import { compileDocumentation } from "@/lib/documentation/read";
import { idParamSchema } from "@/lib/validation/schedule";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Förhandsvisning av dokumentationen" };

/** The documentation as it will be published (also before it is). */
export default async function PreviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePageRole("organiser", `/arrangor/evenemang/${id}/dokumentation/forhandsvisning`);
  const eventId = idParamSchema.safeParse(id);
  if (!eventId.success) notFound();
  const doc = await compileDocumentation({ eventId: eventId.data });
  if (!doc) notFound();
  return (
    <>
      {!doc.published ? <p className="notice no-print">Förhandsvisning: dokumentationen är inte publicerad.</p> : null}
      <DocumentationView doc={doc} />
    </>
  );
}
