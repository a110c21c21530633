// Organisations: listed, created, renamed and deleted on their own pages (speakers keep their records when
// their organisation goes), and found or created by name when a form names a new one.
import "server-only";
import { eq, sql } from "drizzle-orm";
import { db as defaultDb, type DB } from "@/db";
import { organisations, speakers, type Organisation } from "@/db/schema";
import { recordChange } from "@/lib/changes";
import { reviseAround, type RevisionAuthor } from "@/lib/revisions";
import { guessOrganisationKind } from "@/lib/import/organisation-kind";
import { slugify, uniqueSlug } from "@/lib/slug";
import { foldForSearch, sortBySv } from "@/lib/text";
import type { OrganisationField, OrganisationInput } from "@/lib/validation/admin";
import type { FieldErrors } from "@/lib/validation/form";
import type { DeletionImpact } from "./deletion";
import { gone, publicLarpassOf, takenSlugs, type PeopleResult } from "./speakers";

type Tx = Pick<DB, "select" | "insert" | "update" | "delete">;

/** The organisation with this name (compared case- and space-insensitively), created if missing. */
export function findOrCreateOrganisation(tx: Tx, name: string): number {
  const wanted = foldForSearch(name);
  const existing = tx
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .all()
    .find((o) => foldForSearch(o.name) === wanted);
  if (existing) return existing.id;
  const slug = uniqueSlug(slugify(name), takenSlugs(tx, organisations));
  return tx
    .insert(organisations)
    .values({ name: name.trim(), slug, kind: guessOrganisationKind(name) })
    .returning({ id: organisations.id })
    .get().id;
}

// Organisations -------------------------------------------------------------------------------------------

export type AdminOrganisationRow = Pick<Organisation, "id" | "slug" | "name" | "kind"> & { speakerCount: number };

export function listAdminOrganisations({ database = defaultDb }: { database?: DB } = {}): AdminOrganisationRow[] {
  // Named in full: a bare "id" inside the subquery would be s.id (see listAdminSpeakers).
  const rows = database
    .select({
      id: organisations.id,
      slug: organisations.slug,
      name: organisations.name,
      kind: organisations.kind,
      speakerCount: sql<number>`(select count(*) from speakers s where s.organisation_id = "organisations"."id")`,
    })
    .from(organisations)
    .all();
  return sortBySv(rows, (r) => r.name);
}

export type AdminOrganisation = Organisation & { speakers: { id: number; name: string }[] };

export function getAdminOrganisation({ id, database = defaultDb }: { id: number; database?: DB }): AdminOrganisation | null {
  const row = database.select().from(organisations).where(eq(organisations.id, id)).get();
  if (!row) return null;
  const people = database.select({ id: speakers.id, name: speakers.name }).from(speakers).where(eq(speakers.organisationId, id)).all();
  return { ...row, speakers: sortBySv(people, (p) => p.name) };
}

function checkOrganisation(tx: Pick<DB, "select">, input: OrganisationInput, exceptId?: number): FieldErrors<OrganisationField> | null {
  const wanted = foldForSearch(input.name);
  const sameName = tx
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .all()
    .find((o) => o.id !== exceptId && foldForSearch(o.name) === wanted);
  if (sameName) return { name: `Det finns redan en organisation som heter ${sameName.name}.` };
  if (input.slug) {
    const other = tx.select({ id: organisations.id, name: organisations.name }).from(organisations).where(eq(organisations.slug, input.slug)).get();
    if (other && other.id !== exceptId) return { slug: `Adressnamnet "${input.slug}" används redan av ${other.name}. Välj ett annat.` };
  }
  return null;
}

export function createOrganisation({ input, database = defaultDb }: { input: OrganisationInput; database?: DB }): PeopleResult<OrganisationField> {
  return database.transaction(
    (tx): PeopleResult<OrganisationField> => {
      const errors = checkOrganisation(tx, input);
      if (errors) return { ok: false, errors };
      const slug = input.slug ?? uniqueSlug(slugify(input.name), takenSlugs(tx, organisations));
      const row = tx.insert(organisations).values({ name: input.name, slug, kind: input.kind }).returning({ id: organisations.id }).get();
      return { ok: true, id: row.id };
    },
    { behavior: "immediate" },
  );
}

export function updateOrganisation({
  id,
  input,
  database = defaultDb,
}: {
  id: number;
  input: OrganisationInput;
  database?: DB;
}): PeopleResult<OrganisationField> {
  return database.transaction(
    (tx): PeopleResult<OrganisationField> => {
      const row = tx.select().from(organisations).where(eq(organisations.id, id)).get();
      if (!row) return gone;
      const errors = checkOrganisation(tx, input, id);
      if (errors) return { ok: false, errors };
      tx.update(organisations)
        .set({ name: input.name, slug: input.slug ?? row.slug, kind: input.kind, updatedAt: new Date() })
        .where(eq(organisations.id, id))
        .run();
      return { ok: true, id };
    },
    { behavior: "immediate" },
  );
}

/** The organisation's speakers lose it: each gets a new version and a revision by `author`. */
export function deleteOrganisation({ id, author, database = defaultDb }: { id: number; author: RevisionAuthor; database?: DB }): boolean {
  return database.transaction(
    (tx) => {
      const row = tx.select().from(organisations).where(eq(organisations.id, id)).get();
      if (!row) return false;
      const people = tx.select({ id: speakers.id, name: speakers.name }).from(speakers).where(eq(speakers.organisationId, id)).all();
      for (const p of people) {
        for (const larpassId of publicLarpassOf(tx, [p.id])) {
          recordChange(tx, { larpassId, kind: "speakers", before: `${p.name}, ${row.name}`, after: p.name });
        }
      }
      reviseAround(tx, { entity: "speaker", ids: people.map((p) => p.id), author }, () => tx.delete(organisations).where(eq(organisations.id, id)).run());
      return true;
    },
    { behavior: "immediate" },
  );
}

export function describeOrganisationDeletion({ id, database = defaultDb }: { id: number; database?: DB }): DeletionImpact | null {
  const o = getAdminOrganisation({ id, database });
  if (!o) return null;
  const consequences: string[] = [];
  if (o.speakers.length) {
    consequences.push(
      `${o.speakers.length === 1 ? "1 talare" : `${o.speakers.length} talare`} blir utan organisation: ${o.speakers.map((s) => s.name).join(", ")}. Talarna finns kvar.`,
    );
  }
  return {
    kind: "organisation",
    id,
    what: `organisationen ${o.name}`,
    consequences,
    backHref: `/arrangor/organisationer/${id}`,
    doneHref: "/arrangor/organisationer?borttaget=organisation",
  };
}

/** For the speaker form's organisation list. */
export function listOrganisationOptions({ database = defaultDb }: { database?: DB } = {}): { id: number; name: string }[] {
  return sortBySv(database.select({ id: organisations.id, name: organisations.name }).from(organisations).all(), (o) => o.name);
}
