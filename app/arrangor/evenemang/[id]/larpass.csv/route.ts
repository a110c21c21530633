import { getAdminEvent } from "@/lib/admin/events";
import { listLarpassForCsv } from "@/lib/admin/larpass-read";
import { checkCaller } from "@/lib/action";
import { toLarpassCsv } from "@/lib/import/csv";
import { idSchema } from "@/lib/validation/form";

export const dynamic = "force-dynamic";

/** The event's lärpass as CSV for Excel (format: lib/import/csv.ts). Organisers only. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const who = await checkCaller("larpass.export-csv");
  if (!who.ok) return Response.json({ error: who.message }, { status: who.status });
  const id = idSchema.safeParse((await params).id);
  const data = id.success ? getAdminEvent({ id: id.data }) : null;
  if (!data) return Response.json({ error: "Evenemanget finns inte." }, { status: 404 });
  const csv = toLarpassCsv(listLarpassForCsv({ eventId: data.event.id }));
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="larpass-${data.event.slug}.csv"`,
      "cache-control": "private, no-store",
    },
  });
}
