import { siteUrl } from "@/lib/site-url";
import { getPublicCalendar } from "@/lib/exports/calendar-feeds";
import { notFoundText, publicFile } from "@/lib/exports/responses";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ event: string }> };

/** Public: the published programme as a calendar feed to subscribe to; `?spar=<spår>` gives one track. */
export async function GET(request: Request, { params }: Context) {
  const { event } = await params;
  const url = new URL(request.url);
  const track = url.searchParams.get("spar") ?? undefined;
  const calendar = await getPublicCalendar({ eventSlug: event, track, siteUrl: siteUrl() });
  if (!calendar) return notFoundText(track ? "Spåret finns inte i programmet." : "Evenemanget finns inte eller är inte publicerat.");
  return publicFile(calendar.ics, "text/calendar; charset=utf-8", { "content-disposition": `inline; filename="${calendar.filename}"` });
}
