import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { db } from "@/db";
import { events, larpass, larpassSpeakers, organisations, speakers } from "@/db/schema";
import { compareSv } from "@/lib/text";

export type SpeakerSummary = {
  id: number;
  slug: string;
  name: string;
  role: string | null;
  organisation: { slug: string; name: string } | null;
  larpassCount: number;
  /** The letter the list groups the speaker under: the first letter of the family name (the last word). */
  letter: string;
};

/** The family name a list sorts by: the last word of the name ("Per Erik Andersson" → "Andersson"). */
export function familyName(name: string): string {
  const words = name.trim().split(/\s+/);
  return words.at(-1) ?? name;
}

/**
 * Speakers with at least one public lärpass (published or cancelled, in a published event), sorted in
 * Swedish order by family name, then given name, as a printed programme lists them.
 */
export async function listPublicSpeakers(): Promise<SpeakerSummary[]> {
  const rows = await db
    .select({
      id: speakers.id,
      slug: speakers.slug,
      name: speakers.name,
      role: speakers.role,
      orgSlug: organisations.slug,
      orgName: organisations.name,
      larpassId: larpass.id,
    })
    .from(speakers)
    .innerJoin(larpassSpeakers, eq(larpassSpeakers.speakerId, speakers.id))
    .innerJoin(larpass, eq(larpass.id, larpassSpeakers.larpassId))
    .innerJoin(events, eq(events.id, larpass.eventId))
    .leftJoin(organisations, eq(organisations.id, speakers.organisationId))
    .where(and(inArray(larpass.status, ["published", "cancelled"]), eq(events.published, true)));
  const byId = new Map<number, Omit<SpeakerSummary, "larpassCount"> & { larpass: Set<number> }>();
  for (const r of rows) {
    const s = byId.get(r.id) ?? {
      id: r.id,
      slug: r.slug,
      name: r.name,
      role: r.role,
      organisation: r.orgSlug && r.orgName ? { slug: r.orgSlug, name: r.orgName } : null,
      letter: familyName(r.name).charAt(0).toLocaleUpperCase("sv-SE"),
      larpass: new Set<number>(),
    };
    s.larpass.add(r.larpassId);
    byId.set(r.id, s);
  }
  return [...byId.values()]
    .map(({ larpass: l, ...s }) => ({ ...s, larpassCount: l.size }))
    .sort((a, b) => compareSv(familyName(a.name), familyName(b.name)) || compareSv(a.name, b.name));
}
