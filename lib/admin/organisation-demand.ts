import "server-only";
// Demand per organisation: which organisations attend which lärpass, and how many from each. Reglab's
// members are organisations, so this is the view organisers report from.
import { and, eq, ne } from "drizzle-orm";
import { db as defaultDb, type DB } from "@/db";
import { larpass, organisations, registrations, users } from "@/db/schema";
import { compareSv } from "@/lib/text";

export type OrganisationDemand = {
  /** null: members who have not given an organisation. */
  organisation: { id: number; name: string; confirmed: boolean } | null;
  members: number;
  seats: number;
  waitlisted: number;
  larpass: { id: number; title: string; seats: number; waitlisted: number }[];
};

export function getOrganisationDemand({ eventId, database = defaultDb }: { eventId: number; database?: DB }): OrganisationDemand[] {
  const rows = database
    .select({
      userId: registrations.userId,
      status: registrations.status,
      larpassId: larpass.id,
      title: larpass.title,
      orgId: organisations.id,
      orgName: organisations.name,
      orgConfirmed: organisations.confirmed,
    })
    .from(registrations)
    .innerJoin(larpass, eq(larpass.id, registrations.larpassId))
    .innerJoin(users, eq(users.id, registrations.userId))
    .leftJoin(organisations, eq(organisations.id, users.organisationId))
    .where(and(eq(larpass.eventId, eventId), ne(larpass.status, "cancelled")))
    .all();
  const byOrg = new Map<number | null, OrganisationDemand & { memberIds: Set<string>; byLarpass: Map<number, OrganisationDemand["larpass"][number]> }>();
  for (const r of rows) {
    const key = r.orgId ?? null;
    const d =
      byOrg.get(key) ??
      {
        organisation: r.orgId != null ? { id: r.orgId, name: r.orgName!, confirmed: r.orgConfirmed! } : null,
        members: 0,
        seats: 0,
        waitlisted: 0,
        larpass: [],
        memberIds: new Set<string>(),
        byLarpass: new Map(),
      };
    d.memberIds.add(r.userId);
    const l = d.byLarpass.get(r.larpassId) ?? { id: r.larpassId, title: r.title, seats: 0, waitlisted: 0 };
    if (r.status === "confirmed") {
      d.seats += 1;
      l.seats += 1;
    } else {
      d.waitlisted += 1;
      l.waitlisted += 1;
    }
    d.byLarpass.set(r.larpassId, l);
    byOrg.set(key, d);
  }
  return [...byOrg.values()]
    .map(({ memberIds, byLarpass, ...d }) => ({
      ...d,
      members: memberIds.size,
      larpass: [...byLarpass.values()].sort((a, b) => b.seats + b.waitlisted - (a.seats + a.waitlisted) || compareSv(a.title, b.title)),
    }))
    .sort(
      (a, b) =>
        Number(a.organisation === null) - Number(b.organisation === null) ||
        b.members - a.members ||
        compareSv(a.organisation?.name ?? "", b.organisation?.name ?? ""),
    );
}
