import { attachmentForDownload } from "@/lib/documentation/attachments";
import { idParamSchema } from "@/lib/validation/schedule";

const notFound = () => new Response("Bilagan finns inte.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });

/**
 * A lärpass's attachment from the published documentation (public, like the page; 404 until the
 * documentation is published). PDFs and images open in the browser, PowerPoint files download; the name is
 * the uploaded one, sent as RFC 5987 UTF-8.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ event: string; id: string }> }) {
  const { event, id } = await params;
  const attachmentId = idParamSchema.safeParse(id);
  if (!attachmentId.success) return notFound();
  const found = attachmentForDownload({ slug: event, attachmentId: attachmentId.data });
  if (!found) return notFound();
  const { attachment, body, inline } = found;
  const ascii = attachment.name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return new Response(new Uint8Array(body), {
    headers: {
      "content-type": attachment.mime,
      "content-length": String(body.byteLength),
      "content-disposition": `${inline ? "inline" : "attachment"}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(attachment.name)}`,
      "cache-control": "no-store",
    },
  });
}
