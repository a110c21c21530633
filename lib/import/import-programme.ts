// Used by the CLI (tsx) as well as by server actions, so it does not import "server-only".
import { and, eq, inArray } from "drizzle-orm";
import { db as defaultDb, type DB } from "@/db";
import { events, larpass, larpassSpeakers, organisations, speakers } from "@/db/schema";
import type { LarpassStatus } from "@/lib/domain";
import { recordChange } from "@/lib/changes";
import { importAuthor, recordRevision, snapshotLarpass, snapshotSpeaker, type RevisionAuthor } from "@/lib/revisions";
import { slugify, uniqueSlug } from "@/lib/slug";
import { foldForSearch } from "@/lib/text";
import { guessOrganisationKind } from "./organisation-kind";
import type { ParsedProgramme, ParsedSpeaker } from "./parse-programme";

export type ImportAction = "create" | "update" | "unchanged";
export type ImportPlan = {
  larpass: { title: string; action: ImportAction; changes: string[] }[];
  speakers: { name: string; action: ImportAction }[];
  organisations: { name: string; action: ImportAction }[];
  warnings: ParsedProgramme["warnings"];
};
export type ImportResult = ImportPlan & { larpassIds: number[] };

type Tx = Pick<DB, "select" | "insert" | "update" | "delete">;

const key = (s: string) => foldForSearch(s);

export class ImportError extends Error {}

/**
 * Imports a parsed programme into an event in one transaction: organisations and speakers are matched by
 * name (created once, updated on re-import), lärpass by title within the event. With `dryRun` nothing is
 * written and the plan says what would happen. Every lärpass and speaker created or changed gets a revision
 * by `author` ("Import" unless the caller says otherwise).
 */
export function importProgramme({
  eventId,
  programme,
  status = "published",
  dryRun = false,
  author = importAuthor,
  database = defaultDb,
}: {
  eventId: number;
  programme: ParsedProgramme;
  status?: LarpassStatus;
  dryRun?: boolean;
  author?: RevisionAuthor;
  database?: DB;
}): ImportResult {
  const run = (tx: Tx): ImportResult => {
    const [event] = tx.select({ id: events.id }).from(events).where(eq(events.id, eventId)).all();
    if (!event) throw new ImportError("Evenemanget finns inte.");
    const plan: ImportResult = { larpass: [], speakers: [], organisations: [], warnings: programme.warnings, larpassIds: [] };
    let placeholderId = -1;

    // Organisations, matched by name ---------------------------------------------------------------
    const orgRows = tx.select().from(organisations).all();
    const orgByKey = new Map(orgRows.map((o) => [key(o.name), o]));
    const orgSlugs = new Set(orgRows.map((o) => o.slug));
    const orgIdFor = new Map<string, number>();
    for (const s of programme.sessions) {
      for (const { organisation: name } of s.speakers) {
        if (!name || orgIdFor.has(key(name))) continue;
        const existing = orgByKey.get(key(name));
        if (existing) {
          orgIdFor.set(key(name), existing.id);
          plan.organisations.push({ name: existing.name, action: "unchanged" });
          continue;
        }
        const slug = uniqueSlug(slugify(name), orgSlugs);
        orgSlugs.add(slug);
        plan.organisations.push({ name, action: "create" });
        const id = dryRun
          ? placeholderId--
          : tx
              .insert(organisations)
              .values({ name, slug, kind: guessOrganisationKind(name) })
              .returning({ id: organisations.id })
              .get()!.id;
        orgIdFor.set(key(name), id);
      }
    }

    // Speakers, matched by name (and organisation when two share a name) ---------------------------
    const speakerRows = tx.select().from(speakers).all();
    const speakerSlugs = new Set(speakerRows.map((s) => s.slug));
    const speakersByName = new Map<string, typeof speakerRows>();
    for (const s of speakerRows) speakersByName.set(key(s.name), [...(speakersByName.get(key(s.name)) ?? []), s]);
    const speakerIdFor = new Map<string, number>();
    for (const s of programme.sessions) {
      for (const sp of s.speakers) {
        const k = key(sp.name);
        if (speakerIdFor.has(k)) continue;
        const orgId = sp.organisation ? orgIdFor.get(key(sp.organisation))! : null;
        const candidates = speakersByName.get(k) ?? [];
        const existing = candidates.find((c) => c.organisationId === orgId) ?? candidates[0];
        if (existing) {
          speakerIdFor.set(k, existing.id);
          const changed =
            (orgId !== null && existing.organisationId !== orgId) || (sp.role !== null && existing.role !== sp.role);
          plan.speakers.push({ name: existing.name, action: changed ? "update" : "unchanged" });
          if (changed && !dryRun) {
            const before = snapshotSpeaker(tx, existing.id);
            tx.update(speakers)
              .set({
                organisationId: orgId ?? existing.organisationId,
                role: sp.role ?? existing.role,
                version: existing.version + 1,
                updatedAt: new Date(),
              })
              .where(eq(speakers.id, existing.id))
              .run();
            recordRevision(tx, { entity: "speaker", id: existing.id, version: existing.version + 1, author, before, after: snapshotSpeaker(tx, existing.id)! });
          }
          continue;
        }
        const slug = uniqueSlug(slugify(sp.name), speakerSlugs);
        speakerSlugs.add(slug);
        plan.speakers.push({ name: sp.name, action: "create" });
        const id = dryRun
          ? placeholderId--
          : tx
              .insert(speakers)
              .values({ name: sp.name, slug, role: sp.role, organisationId: orgId })
              .returning({ id: speakers.id })
              .get()!.id;
        if (!dryRun) recordRevision(tx, { entity: "speaker", id, version: 1, author, before: null, after: snapshotSpeaker(tx, id)! });
        speakerIdFor.set(k, id);
      }
    }

    // Lärpass, matched by title within the event ---------------------------------------------------
    const existingLarpass = tx.select().from(larpass).where(eq(larpass.eventId, eventId)).all();
    const larpassByTitle = new Map(existingLarpass.map((l) => [key(l.title), l]));
    const larpassSlugs = new Set(existingLarpass.map((l) => l.slug));
    const existingIds = existingLarpass.map((l) => l.id);
    const currentLinks = existingIds.length
      ? tx.select().from(larpassSpeakers).where(inArray(larpassSpeakers.larpassId, existingIds)).all()
      : [];
    let nextOrder = existingLarpass.reduce((m, l) => Math.max(m, l.sortOrder), 0) + 1;
    const handled = new Set<string>();
    for (const s of programme.sessions) {
      if (handled.has(key(s.title))) continue; // the same title twice in one file: the first one wins
      handled.add(key(s.title));
      const wantedSpeakerIds = dedupe(s.speakers).map((sp) => speakerIdFor.get(key(sp.name))!);
      const existing = larpassByTitle.get(key(s.title));
      if (existing) {
        const before = currentLinks
          .filter((ls) => ls.larpassId === existing.id)
          .sort((a, b) => a.position - b.position)
          .map((ls) => ls.speakerId);
        const changes: string[] = [];
        if (existing.abstract !== s.abstract) changes.push("sammanfattning");
        if (before.join(",") !== wantedSpeakerIds.join(",")) changes.push("talare");
        plan.larpass.push({ title: existing.title, action: changes.length ? "update" : "unchanged", changes });
        plan.larpassIds.push(existing.id);
        if (changes.length && !dryRun) {
          const snapshot = snapshotLarpass(tx, existing.id);
          tx.update(larpass)
            .set({ abstract: s.abstract, updatedAt: new Date(), version: existing.version + 1 })
            .where(and(eq(larpass.id, existing.id), eq(larpass.eventId, eventId)))
            .run();
          replaceSpeakers(tx, existing.id, wantedSpeakerIds);
          recordRevision(tx, {
            entity: "larpass",
            id: existing.id,
            version: existing.version + 1,
            author,
            before: snapshot,
            after: snapshotLarpass(tx, existing.id)!,
          });
          // A re-import into a published programme is logged like an edit (recordChange skips drafts).
          if (existing.abstract !== s.abstract) {
            recordChange(tx, { larpassId: existing.id, kind: "abstract", before: existing.abstract, after: s.abstract });
          }
          if (changes.includes("talare")) {
            const names = new Map(speakerRows.map((r) => [r.id, r.name]));
            recordChange(tx, {
              larpassId: existing.id,
              kind: "speakers",
              before: before.map((id) => names.get(id) ?? "").filter(Boolean).join(", "),
              after: dedupe(s.speakers).map((sp) => sp.name).join(", "),
            });
          }
        }
        continue;
      }
      const slug = uniqueSlug(slugify(s.title), larpassSlugs);
      larpassSlugs.add(slug);
      plan.larpass.push({ title: s.title, action: "create", changes: [] });
      if (dryRun) continue;
      const row = tx
        .insert(larpass)
        .values({ eventId, slug, title: s.title, abstract: s.abstract, status, sortOrder: nextOrder++ })
        .returning({ id: larpass.id, version: larpass.version })
        .get()!;
      plan.larpassIds.push(row.id);
      replaceSpeakers(tx, row.id, wantedSpeakerIds);
      recordRevision(tx, { entity: "larpass", id: row.id, version: row.version, author, before: null, after: snapshotLarpass(tx, row.id)! });
      if (status === "published") recordChange(tx, { larpassId: row.id, kind: "new" });
    }
    return plan;
  };

  if (dryRun) return run(database);
  return database.transaction((tx) => run(tx), { behavior: "immediate" });
}

function dedupe(list: ParsedSpeaker[]): ParsedSpeaker[] {
  const seen = new Set<string>();
  return list.filter((s) => !seen.has(key(s.name)) && Boolean(seen.add(key(s.name))));
}

function replaceSpeakers(tx: Tx, larpassId: number, speakerIds: number[]) {
  tx.delete(larpassSpeakers).where(eq(larpassSpeakers.larpassId, larpassId)).run();
  if (speakerIds.length === 0) return;
  tx.insert(larpassSpeakers)
    .values(speakerIds.map((speakerId, position) => ({ larpassId, speakerId, position })))
    .run();
}
