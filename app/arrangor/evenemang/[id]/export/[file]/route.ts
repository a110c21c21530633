import { buildEventExport } from "@/lib/admin/exports";
import { checkCaller } from "@/lib/action";
import { idParamSchema } from "@/lib/validation/schedule";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string; file: string }> };

/** Participant lists as CSV: anmalningar.csv (the whole event), pass-<id>.csv, larpass-<id>.csv. */
export async function GET(_request: Request, { params }: Context) {
  const who = await checkCaller("export.download");
  if (!who.ok) return text(who.message, who.status);
  const { id, file } = await params;
  const eventId = idParamSchema.safeParse(id);
  const result = eventId.success ? buildEventExport({ eventId: eventId.data, file: decodeURIComponent(file) }) : null;
  if (!result) return text("Det finns ingen sådan lista.", 404);
  return new Response(result.csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${result.filename}"`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}

function text(message: string, status: number) {
  return new Response(message, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "private, no-store" } });
}
