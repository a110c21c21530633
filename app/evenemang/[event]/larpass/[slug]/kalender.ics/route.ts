import { siteUrl } from "@/lib/site-url";
import { getPublicCalendar } from "@/lib/exports/calendar-feeds";
import { notFoundText, publicFile } from "@/lib/exports/responses";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ event: string; slug: string }> };

/** Public: "Lägg till i kalendern" for one lärpass (a published or cancelled one with a time). */
export async function GET(_request: Request, { params }: Context) {
  const { event, slug } = await params;
  const calendar = await getPublicCalendar({ eventSlug: event, larpassSlug: slug, siteUrl: siteUrl() });
  if (!calendar) return notFoundText("Lärpasset finns inte eller har ingen tid ännu.");
  return publicFile(calendar.ics, "text/calendar; charset=utf-8", { "content-disposition": `attachment; filename="${calendar.filename}"` });
}
