import { checkCaller } from "@/lib/action";
import { buildCalendar } from "@/lib/calendar";
import { listCalendarEntries } from "@/lib/my-programme";

export const dynamic = "force-dynamic";

/** One-off download of the signed-in member's lärpass. */
export async function GET(request: Request) {
  const who = await checkCaller("calendar.download");
  if (!who.ok) return new Response(who.message, { status: who.status, headers: { "content-type": "text/plain; charset=utf-8" } });
  const entries = await listCalendarEntries({ userId: who.user.id, siteUrl: new URL(request.url).origin });
  return new Response(buildCalendar({ name: "Mina lärpass", entries }), {
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": 'attachment; filename="mina-larpass.ics"',
      "cache-control": "private, no-store",
    },
  });
}
