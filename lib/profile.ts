import "server-only";
// A participant's name and organisation: asked at first sign-in (skippable once), editable on Mitt konto,
// shown to organisers on host lists, exports and demand per organisation.
import { and, eq, or } from "drizzle-orm";
import { db as defaultDb, type DB } from "@/db";
import { organisations, users } from "@/db/schema";
import { guessOrganisationKind } from "@/lib/import/organisation-kind";
import { slugify, uniqueSlug } from "@/lib/slug";
import { foldForSearch, sortBySv } from "@/lib/text";
import type { ProfileInput } from "@/lib/validation/profile";

export type Profile = {
  name: string | null;
  organisation: { id: number; name: string; confirmed: boolean } | null;
  skippedAt: Date | null;
};

export function getProfile({ userId, database = defaultDb }: { userId: string; database?: DB }): Profile | null {
  const row = database
    .select({
      name: users.name,
      skippedAt: users.profileSkippedAt,
      orgId: organisations.id,
      orgName: organisations.name,
      orgConfirmed: organisations.confirmed,
    })
    .from(users)
    .leftJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.id, userId))
    .get();
  if (!row) return null;
  return {
    name: row.name,
    organisation: row.orgId != null ? { id: row.orgId, name: row.orgName!, confirmed: row.orgConfirmed! } : null,
    skippedAt: row.skippedAt,
  };
}

export function profileComplete(profile: Profile | null): boolean {
  return Boolean(profile?.name?.trim() && profile.organisation);
}

/**
 * Whether to ask for name and organisation now. At the first sign-in it is asked, and can be skipped once;
 * then it is asked again before the first sign-up (the programme shows the question until it is answered).
 */
export function shouldAskAtSignIn(profile: Profile | null): boolean {
  return Boolean(profile) && !profileComplete(profile) && !profile!.skippedAt;
}

/**
 * Before the member's first sign-up (no seat or queue place anywhere yet), the programme asks once more
 * for a missing name or organisation; it never blocks the sign-up itself.
 */
export function askBeforeFirstSignup({ userId, registrations, database = defaultDb }: { userId: string; registrations: number; database?: DB }): boolean {
  return registrations === 0 && !profileComplete(getProfile({ userId, database }));
}

/** The organisations a member may choose: the confirmed ones, and one they added themselves. */
export function listOrganisationChoices({ userId, database = defaultDb }: { userId: string; database?: DB }): { id: number; name: string }[] {
  const mine = database.select({ id: users.organisationId }).from(users).where(eq(users.id, userId)).get()?.id ?? null;
  const rows = database
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(mine != null ? or(eq(organisations.confirmed, true), eq(organisations.id, mine)) : eq(organisations.confirmed, true))
    .all();
  return sortBySv(rows, (o) => o.name);
}

export type SaveProfileResult = { ok: true } | { ok: false; errors: Partial<Record<"organisation" | "form", string>> };

/**
 * Saves name and organisation in one transaction. A typed-in organisation that matches a known one (case
 * and spacing aside) is that one; otherwise it is created unconfirmed, for the organisers to confirm.
 */
export function saveProfile({ userId, input, database = defaultDb }: { userId: string; input: ProfileInput; database?: DB }): SaveProfileResult {
  return database.transaction(
    (tx) => {
      if (!tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).get()) {
        return { ok: false as const, errors: { form: "Kontot finns inte längre." } };
      }
      let organisationId: number;
      if (input.organisation.kind === "existing") {
        const current = tx.select({ id: users.organisationId }).from(users).where(eq(users.id, userId)).get()?.id;
        const org = tx
          .select({ id: organisations.id, confirmed: organisations.confirmed })
          .from(organisations)
          .where(eq(organisations.id, input.organisation.id))
          .get();
        // Someone else's unconfirmed organisation is not on offer (its name may be anything).
        if (!org || (!org.confirmed && org.id !== current)) {
          return { ok: false as const, errors: { organisation: "Den organisationen finns inte längre. Välj en annan." } };
        }
        organisationId = org.id;
      } else {
        const wanted = foldForSearch(input.organisation.name);
        const known = tx
          .select({ id: organisations.id, name: organisations.name })
          .from(organisations)
          .all()
          .find((o) => foldForSearch(o.name) === wanted);
        organisationId =
          known?.id ??
          tx
            .insert(organisations)
            .values({
              name: input.organisation.name,
              slug: uniqueSlug(slugify(input.organisation.name), new Set(tx.select({ slug: organisations.slug }).from(organisations).all().map((r) => r.slug))),
              kind: guessOrganisationKind(input.organisation.name),
              confirmed: false,
            })
            .returning({ id: organisations.id })
            .get().id;
      }
      tx.update(users).set({ name: input.name, organisationId }).where(eq(users.id, userId)).run();
      return { ok: true as const };
    },
    { behavior: "immediate" },
  );
}

/** "Hoppa över": not asked again at sign-in; the programme still asks before the first sign-up. */
export function skipProfile({ userId, now = new Date(), database = defaultDb }: { userId: string; now?: Date; database?: DB }): void {
  database.update(users).set({ profileSkippedAt: now }).where(eq(users.id, userId)).run();
}

/** Organisations members typed in, waiting for an organiser: with how many members chose each. */
export function listUnconfirmedOrganisations({ database = defaultDb }: { database?: DB } = {}) {
  const rows = database
    .select({ id: organisations.id, name: organisations.name, memberId: users.id })
    .from(organisations)
    .leftJoin(users, eq(users.organisationId, organisations.id))
    .where(eq(organisations.confirmed, false))
    .all();
  const byId = new Map<number, { id: number; name: string; members: number }>();
  for (const r of rows) {
    const o = byId.get(r.id) ?? { id: r.id, name: r.name, members: 0 };
    if (r.memberId) o.members += 1;
    byId.set(r.id, o);
  }
  return sortBySv([...byId.values()], (o) => o.name);
}

/** An organiser confirms a member's organisation: from now on it is offered to everyone. */
export function confirmOrganisation({ id, database = defaultDb }: { id: number; database?: DB }): boolean {
  return database.update(organisations).set({ confirmed: true }).where(and(eq(organisations.id, id), eq(organisations.confirmed, false))).run().changes > 0;
}
