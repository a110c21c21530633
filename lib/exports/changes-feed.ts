import "server-only";
// The public Ändringar page as RSS 2.0 and Atom 1.0 feeds (the `feed` library writes and escapes the XML).
import { Feed } from "feed";
import { listPublicChanges, type PublicChange } from "@/lib/changes";
import { changeKindLabels } from "@/lib/domain";
import { getEventBySlug } from "@/lib/programme";
import { formatDateTime } from "@/lib/time";

function summary(c: PublicChange): string {
  if (c.kind === "abstract") return "Sammanfattningen är uppdaterad.";
  if (c.before && c.after) return `${changeKindLabels[c.kind]}: ${c.before} → ${c.after}`;
  if (c.after) return `${changeKindLabels[c.kind]}: ${c.after}`;
  if (c.before) return `${changeKindLabels[c.kind]} (var: ${c.before})`;
  return `${changeKindLabels[c.kind]}.`;
}

/** The feed of a published event's changes, newest first, or null when there is no such event. */
export async function buildChangesFeed({ eventSlug, baseUrl }: { eventSlug: string; baseUrl: string }): Promise<Feed | null> {
  const event = await getEventBySlug({ slug: eventSlug });
  if (!event) return null;
  const changes = listPublicChanges({ eventId: event.id }).slice(0, 200);
  const page = `${baseUrl}/evenemang/${event.slug}/andringar`;
  const feed = new Feed({
    title: `Ändringar: ${event.name}`,
    description: `Vad som ändrats i programmet för ${event.name}, och när.`,
    id: page,
    link: page,
    language: "sv",
    updated: changes[0]?.createdAt ?? event.updatedAt,
    generator: "Lärpass",
    copyright: event.name,
    feedLinks: { rss: `${page}/rss.xml`, atom: `${page}/atom.xml` },
  });
  for (const c of changes) {
    const link = c.larpassSlug ? `${baseUrl}/evenemang/${event.slug}/larpass/${c.larpassSlug}` : page;
    feed.addItem({
      title: `${changeKindLabels[c.kind]}: ${c.larpassTitle}`,
      id: `${page}#andring-${c.id}`,
      link,
      description: `${summary(c)} (${formatDateTime(c.createdAt, event.timeZone)})`,
      date: c.createdAt,
    });
  }
  return feed;
}
