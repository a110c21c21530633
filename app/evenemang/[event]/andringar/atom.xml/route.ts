import { buildChangesFeed } from "@/lib/exports/changes-feed";
import { notFoundText, publicFile } from "@/lib/exports/responses";
import { siteUrl } from "@/lib/site-url";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ event: string }> };

/** Public: the Ändringar page as Atom 1.0. */
export async function GET(_request: Request, { params }: Context) {
  const feed = await buildChangesFeed({ eventSlug: (await params).event, baseUrl: siteUrl() });
  if (!feed) return notFoundText("Evenemanget finns inte eller är inte publicerat.");
  return publicFile(feed.atom1(), "application/atom+xml; charset=utf-8");
}
