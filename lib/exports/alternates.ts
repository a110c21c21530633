// <link rel="alternate"> for the exports, through Next's metadata (alternates.types): the programme page
// announces schedule.xml, schedule.json and the calendar feed; the Ändringar page its RSS and Atom feeds.
// Absolute addresses (AUTH_URL): Next refuses relative ones without a metadataBase.
import { siteUrl } from "@/lib/site-url";

type EventRef = { slug: string; name: string };

export function scheduleAlternates(event: EventRef) {
  const base = `${siteUrl()}/evenemang/${event.slug}`;
  return {
    "application/xml": [{ url: `${base}/schedule.xml`, title: `${event.name}: schedule.xml` }],
    "application/json": [{ url: `${base}/schedule.json`, title: `${event.name}: schedule.json` }],
    "text/calendar": [{ url: `${base}/kalender.ics`, title: `${event.name}: kalender` }],
  };
}

export function changesAlternates(event: EventRef) {
  const base = `${siteUrl()}/evenemang/${event.slug}/andringar`;
  return {
    "application/rss+xml": [{ url: `${base}/rss.xml`, title: `Ändringar: ${event.name} (RSS)` }],
    "application/atom+xml": [{ url: `${base}/atom.xml`, title: `Ändringar: ${event.name} (Atom)` }],
  };
}
