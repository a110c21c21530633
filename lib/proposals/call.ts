// An event's call for proposals: when it is open, what it asks for, and the organisers' settings.
// (No "server-only": the demo seed writes a call too.)
import { and, asc, eq, gt, lte } from "drizzle-orm";
import { db as defaultDb, type DB } from "@/db";
import { events, proposalCalls, type Event, type ProposalCall } from "@/db/schema";
import { zonedToUtc } from "@/lib/time";
import type { CallInput } from "@/lib/validation/proposal";

type Reader = Pick<DB, "select">;

export type CallWindow = { state: "before" | "open" | "closed"; opensAt: Date; closesAt: Date };

/** Open from opensAt up to (not including) closesAt. */
export function callWindow(call: Pick<ProposalCall, "opensAt" | "closesAt">, now = new Date()): CallWindow {
  const t = now.getTime();
  const state = t < call.opensAt.getTime() ? "before" : t < call.closesAt.getTime() ? "open" : "closed";
  return { state, opensAt: call.opensAt, closesAt: call.closesAt };
}

export const isCallOpen = (call: Pick<ProposalCall, "opensAt" | "closesAt">, now = new Date()) => callWindow(call, now).state === "open";

export function readCall(tx: Reader, eventId: number): ProposalCall | null {
  return tx.select().from(proposalCalls).where(eq(proposalCalls.eventId, eventId)).get() ?? null;
}

export function getCall({ eventId, database = defaultDb }: { eventId: number; database?: DB }): ProposalCall | null {
  return readCall(database, eventId);
}

/** When the event's call for proposals closes, if it is open now; null otherwise (the programme links to it). */
export function openCallClosesAt(eventId: number, now = new Date(), database: DB = defaultDb): Date | null {
  const call = readCall(database, eventId);
  return call && isCallOpen(call, now) ? call.closesAt : null;
}

/** The event (by slug) with its call, or null when the event has none. */
export function getCallBySlug({ slug, database = defaultDb }: { slug: string; database?: DB }): { event: Event; call: ProposalCall } | null {
  const row = database
    .select({ event: events, call: proposalCalls })
    .from(events)
    .innerJoin(proposalCalls, eq(proposalCalls.eventId, events.id))
    .where(eq(events.slug, slug))
    .get();
  return row ?? null;
}

/** Calls open right now, for the start of Mina förslag. */
export function listOpenCalls({ now = new Date(), database = defaultDb }: { now?: Date; database?: DB } = {}) {
  return database
    .select({ slug: events.slug, name: events.name, closesAt: proposalCalls.closesAt })
    .from(proposalCalls)
    .innerJoin(events, eq(events.id, proposalCalls.eventId))
    .where(and(lte(proposalCalls.opensAt, now), gt(proposalCalls.closesAt, now)))
    .orderBy(asc(proposalCalls.closesAt))
    .all();
}

/** The choices the proposer's form offers. */
export function callChoices(call: ProposalCall) {
  return { formats: call.formats.map((f) => f.name), tracks: call.tracks, languages: call.languages };
}

/** Creates or replaces the event's call. Returns false when the event does not exist. */
export function saveCall({ eventId, input, database = defaultDb }: { eventId: number; input: CallInput; database?: DB }): boolean {
  return database.transaction((tx) => {
    const event = tx.select({ timeZone: events.timeZone }).from(events).where(eq(events.id, eventId)).get();
    if (!event) return false;
    const values = {
      opensAt: zonedToUtc(input.opensAt!.date, input.opensAt!.time, event.timeZone),
      closesAt: zonedToUtc(input.closesAt!.date, input.closesAt!.time, event.timeZone),
      intro: input.intro,
      formats: input.formats,
      tracks: input.tracks,
      languages: input.languages,
      criteria: input.criteria,
      acceptTemplate: input.acceptTemplate,
      rejectTemplate: input.rejectTemplate,
      changesTemplate: input.changesTemplate,
      updatedAt: new Date(),
    };
    tx.insert(proposalCalls).values({ eventId, ...values }).onConflictDoUpdate({ target: proposalCalls.eventId, set: values }).run();
    return true;
  }, { behavior: "immediate" });
}

export const defaultTemplates = {
  accept: "Hej {namn}!\n\nTack för ditt förslag \"{titel}\". Vi har glädjen att meddela att det är antaget till programmet.",
  reject: "Hej {namn}!\n\nTack för ditt förslag \"{titel}\". Vi fick många bra förslag och har tyvärr inte kunnat ta med ditt den här gången.",
  changes: "Hej {namn}!\n\nTack för ditt förslag \"{titel}\". Innan vi bestämmer oss vill vi be dig ändra några saker.",
} as const;

/** The event (by id) with its call, or null. */
export function getCallForEvent({ eventId, database = defaultDb }: { eventId: number; database?: DB }): { event: Event; call: ProposalCall } | null {
  return (
    database.select({ event: events, call: proposalCalls }).from(events).innerJoin(proposalCalls, eq(proposalCalls.eventId, events.id)).where(eq(events.id, eventId)).get() ?? null
  );
}
