import { getPublishedDocumentation } from "@/lib/documentation/read";
import { documentationToMarkdown } from "@/lib/documentation/export-markdown";

/** The published documentation as Markdown; 404 while it is not published. */
export async function GET(_request: Request, { params }: { params: Promise<{ event: string }> }) {
  const doc = await getPublishedDocumentation({ slug: (await params).event });
  if (!doc) return new Response("Dokumentationen finns inte.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  return new Response(documentationToMarkdown(doc), {
    headers: {
      "content-type": "text/markdown; charset=utf-8",
      "content-disposition": `attachment; filename="dokumentation-${doc.event.slug}.md"`,
      "cache-control": "no-store",
    },
  });
}
