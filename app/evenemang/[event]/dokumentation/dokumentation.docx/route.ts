import { getPublishedDocumentation } from "@/lib/documentation/read";
import { documentationToDocx } from "@/lib/documentation/export-docx";

/** The published documentation as a Word file; 404 while it is not published (public, like the page). */
export async function GET(_request: Request, { params }: { params: Promise<{ event: string }> }) {
  const doc = await getPublishedDocumentation({ slug: (await params).event });
  if (!doc) return new Response("Dokumentationen finns inte.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  const body = await documentationToDocx(doc);
  return new Response(new Uint8Array(body), {
    headers: {
      "content-type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "content-disposition": `attachment; filename="dokumentation-${doc.event.slug}.docx"`,
      "cache-control": "no-store",
    },
  });
}
