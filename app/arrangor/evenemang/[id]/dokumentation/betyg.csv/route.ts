import { checkCaller } from "@/lib/action";
import { ratingsByLarpass } from "@/lib/documentation/read";
import { formatAverage } from "@/lib/documentation/rules";
import { idParamSchema } from "@/lib/validation/schedule";

const cell = (v: string | number) => {
  const s = String(v);
  // A leading =, +, - or @ would run as a formula in a spreadsheet.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[";\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** The ratings overview as CSV (semicolons, as Swedish Excel opens it). Organisers only. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const who = await checkCaller("documentation.ratings-csv");
  if (!who.ok) return new Response(who.message, { status: who.status, headers: { "content-type": "text/plain; charset=utf-8" } });
  const eventId = idParamSchema.safeParse((await params).id);
  if (!eventId.success) return new Response("Evenemanget finns inte.", { status: 404 });
  const rows = ratingsByLarpass({ eventId: eventId.data });
  const lines = [
    ["Lärpass", "Svar", "Medel", "1", "2", "3", "4", "5", "Kommentarer"].join(";"),
    ...rows.map((r) => [r.title, r.summary.count, formatAverage(r.summary.average), ...r.summary.distribution, r.comments.join(" | ")].map(cell).join(";")),
  ];
  return new Response("\uFEFF" + lines.join("\r\n") + "\r\n", {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="betyg-${eventId.data}.csv"`, "cache-control": "no-store" },
  });
}
