import { getScheduleXml } from "@/lib/schedule-xml";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ event: string }> };

/** Public: the published programme in the frab schedule.xml format, for conference apps. */
export async function GET(_request: Request, { params }: Context) {
  const { event } = await params;
  const xml = getScheduleXml({ slug: event });
  if (!xml) {
    return new Response("Evenemanget finns inte eller är inte publicerat.", {
      status: 404,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
  return new Response(xml, {
    headers: {
      "content-type": "application/xml; charset=utf-8",
      "cache-control": "public, max-age=300",
    },
  });
}
