// One mail per member per saved change of a published lärpass ("digest"): what changed (title, abstract,
// speakers, time and place) with a link, to everyone with a seat or a queue place. Built inside the save's
// transaction; sent with its other mails after the commit. A typo fix can be saved "utan att meddela".
import { and, eq } from "drizzle-orm";
import type { DB } from "@/db";
import { events, larpass, registrations } from "@/db/schema";
import { siteUrl } from "@/lib/site-url";
import type { PendingMail } from "@/lib/mail";

type Tx = Pick<DB, "select">;

export type ContentChanges = {
  title?: { before: string; after: string };
  abstract?: boolean;
  speakers?: { before: string; after: string };
};

/** The lines of the digest, in Swedish, in a fixed order. */
export function describeChanges(c: ContentChanges, movedTo?: string): string[] {
  const lines: string[] = [];
  if (c.title) lines.push(`Ny titel: "${c.title.after}" (tidigare "${c.title.before}").`);
  if (c.abstract) lines.push("Sammanfattningen är uppdaterad.");
  if (c.speakers) lines.push(`Talare: ${c.speakers.after || "inga angivna"} (tidigare ${c.speakers.before || "inga angivna"}).`);
  if (movedTo) lines.push(`Ny tid och plats: ${movedTo}.`);
  return lines;
}

/**
 * Replaces the move mails of the members who follow a moved lärpass with one digest each, and adds a
 * digest for every other member with a seat or queue place. Does nothing when nothing in `changes`
 * changed and nobody was moved (the move mails then stay as they are).
 */
export function addChangeDigests(tx: Tx, larpassId: number, changes: ContentChanges, mails: PendingMail[]): void {
  const moved = new Map(mails.filter((m) => m.movedTo).map((m) => [m.userId, m.movedTo!]));
  const hasContent = describeChanges(changes).length > 0;
  if (!hasContent) return;
  const row = tx
    .select({ title: larpass.title, slug: larpass.slug, eventSlug: events.slug })
    .from(larpass)
    .innerJoin(events, eq(events.id, larpass.eventId))
    .where(eq(larpass.id, larpassId))
    .get();
  if (!row) return;
  const who = tx
    .select({ userId: registrations.userId, status: registrations.status })
    .from(registrations)
    .where(and(eq(registrations.larpassId, larpassId)))
    .all();
  // The members getting a digest no longer get the separate move mail.
  for (let i = mails.length - 1; i >= 0; i--) if (mails[i].movedTo) mails.splice(i, 1);
  const link = `${siteUrl()}/evenemang/${row.eventSlug}/larpass/${row.slug}`;
  for (const r of who) {
    const lines = describeChanges(changes, moved.get(r.userId));
    mails.push({
      userId: r.userId,
      build: (email) => ({
        to: email,
        subject: `Ändrat: ${row.title}`,
        text: [
          "Hej!",
          "",
          `Lärpasset "${row.title}" som du ${r.status === "confirmed" ? "har plats på" : "står i kö till"} har ändrats:`,
          "",
          ...lines.map((l) => `- ${l}`),
          "",
          `Läs mer: ${link}`,
          "",
          r.status === "confirmed" ? "Din plats ligger kvar, du behöver inte göra något." : "Din köplats ligger kvar, du behöver inte göra något.",
          `Mitt program: ${siteUrl()}/mitt-program`,
        ].join("\n"),
      }),
    });
  }
}
