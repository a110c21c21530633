import { getScheduleJson } from "@/lib/exports/schedule-json";
import { notFoundText, publicFile } from "@/lib/exports/responses";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ event: string }> };

/** Public: the published programme in the C3VOC schedule JSON format, for conference apps. */
export async function GET(_request: Request, { params }: Context) {
  const { event } = await params;
  const json = getScheduleJson({ slug: event });
  if (!json) return notFoundText("Evenemanget finns inte eller är inte publicerat.");
  return publicFile(`${JSON.stringify(json, null, 2)}\n`, "application/json; charset=utf-8", { "access-control-allow-origin": "*" });
}
