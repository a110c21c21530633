import "server-only";
import { and, asc, desc, eq, inArray, ne } from "drizzle-orm";
import { db } from "@/db";
import { events, larpass, larpassSpeakers, organisations, rooms, speakers, timeSlots, type Event } from "@/db/schema";
import type { LarpassStatus, OrganisationKind } from "@/lib/domain";
import { latestChangeAt } from "./changes";
import { getSeatCounts } from "./registrations";
import { compareSv, foldForSearch, sortBySv } from "./text";
import { utcToZoned } from "./time";
import type { ProgrammeFilters } from "./validation/programme-filters";
import { effectiveCapacity } from "@/lib/capacity";
import { seatData, sharedData } from "@/lib/cache/shared";

export type OrganisationRef = { id: number; slug: string; name: string; kind: OrganisationKind };
export type SpeakerRef = { id: number; slug: string; name: string; role: string | null; organisation: OrganisationRef | null };
export type SlotRef = { id: number; startsAt: Date; endsAt: Date; label: string };
export type RoomRef = { id: number; name: string; capacity: number };
export type LarpassView = {
  id: number;
  eventId: number;
  slug: string;
  title: string;
  abstract: string;
  status: LarpassStatus;
  track: string | null;
  language: string;
  /** The lärpass's own capacity, else its room's, else null (unlimited / not yet known). */
  capacity: number | null;
  slot: SlotRef | null;
  room: RoomRef | null;
  speakers: SpeakerRef[];
  /** Seats taken and queue length, counted when the page is rendered. */
  seats: { confirmed: number; waitlisted: number };
  updatedAt: Date;
};
export type SlotGroup = { slot: SlotRef | null; larpass: LarpassView[] };

const publicStatuses: LarpassStatus[] = ["published", "cancelled"];

/** Published events, newest first (shared data: the cache in lib/cache/shared.ts keeps it between writes). */
export async function listEvents(): Promise<Event[]> {
  return sharedData("events", () => db.select().from(events).where(eq(events.published, true)).orderBy(desc(events.startsOn)).all());
}

/**
 * The event the start page shows: the next published event that has not ended,
 * otherwise the most recent one.
 */
export async function getCurrentEvent({ today = new Date() }: { today?: Date } = {}): Promise<Event | null> {
  const published = await listEvents();
  if (published.length === 0) return null;
  // "Today" in the event's own zone: in Stockholm an event has ended at local midnight, not at 01:00/02:00.
  const upcoming = published
    .filter((e) => e.endsOn >= utcToZoned(today, e.timeZone).date)
    .sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  return upcoming[0] ?? published[0];
}

export async function getEventBySlug({ slug }: { slug: string }): Promise<Event | null> {
  return (await listEvents()).find((e) => e.slug === slug) ?? null;
}

/** Speakers of the given lärpass, in their order, with organisations: one query for all of them. */
function speakersFor(larpassIds: number[]): Map<number, SpeakerRef[]> {
  const byLarpass = new Map<number, SpeakerRef[]>();
  if (larpassIds.length === 0) return byLarpass;
  const rows = db
    .select({
      larpassId: larpassSpeakers.larpassId,
      position: larpassSpeakers.position,
      id: speakers.id,
      slug: speakers.slug,
      name: speakers.name,
      role: speakers.role,
      orgId: organisations.id,
      orgSlug: organisations.slug,
      orgName: organisations.name,
      orgKind: organisations.kind,
    })
    .from(larpassSpeakers)
    .innerJoin(speakers, eq(speakers.id, larpassSpeakers.speakerId))
    .leftJoin(organisations, eq(organisations.id, speakers.organisationId))
    .where(inArray(larpassSpeakers.larpassId, larpassIds))
    .orderBy(asc(larpassSpeakers.larpassId), asc(larpassSpeakers.position))
    .all();
  for (const r of rows) {
    const list = byLarpass.get(r.larpassId) ?? [];
    list.push({
      id: r.id,
      slug: r.slug,
      name: r.name,
      role: r.role,
      organisation:
        r.orgId != null ? { id: r.orgId, slug: r.orgSlug!, name: r.orgName!, kind: r.orgKind! } : null,
    });
    byLarpass.set(r.larpassId, list);
  }
  return byLarpass;
}

type LarpassRow = {
  larpass: typeof larpass.$inferSelect;
  slot: typeof timeSlots.$inferSelect | null;
  room: typeof rooms.$inferSelect | null;
};

/** The views without seat counts: what is the same for every reader. */
function toSharedViews(rows: LarpassRow[]): LarpassView[] {
  const speakerMap = speakersFor(rows.map((r) => r.larpass.id));
  return rows.map(({ larpass: l, slot, room }) => ({
    id: l.id,
    eventId: l.eventId,
    slug: l.slug,
    title: l.title,
    abstract: l.abstract,
    status: l.status,
    track: l.track,
    language: l.language,
    capacity: effectiveCapacity(l.capacity, room?.capacity),
    slot: slot ? { id: slot.id, startsAt: slot.startsAt, endsAt: slot.endsAt, label: slot.label } : null,
    room: room ? { id: room.id, name: room.name, capacity: room.capacity } : null,
    speakers: speakerMap.get(l.id) ?? [],
    seats: { confirmed: 0, waitlisted: 0 },
    updatedAt: l.updatedAt,
  }));
}

/** Shared views with the seat counts as they are now: new objects, the cached ones stay as they were. */
function withSeats<V extends LarpassView>(views: V[], cacheKey: string | null): V[] {
  const ids = views.map((v) => v.id);
  const load = () => getSeatCounts({ larpassIds: ids });
  const seats = cacheKey ? seatData(cacheKey, load) : load();
  return views.map((v) => ({ ...v, seats: seats.get(v.id) ?? { confirmed: 0, waitlisted: 0 } }));
}

function selectLarpass() {
  return db
    .select({ larpass, slot: timeSlots, room: rooms })
    .from(larpass)
    .leftJoin(timeSlots, eq(timeSlots.id, larpass.timeSlotId))
    .leftJoin(rooms, eq(rooms.id, larpass.roomId));
}

function matchesFilters(l: LarpassView, f: ProgrammeFilters): boolean {
  if (f.slot && l.slot?.id !== f.slot) return false;
  if (f.track && l.track !== f.track) return false;
  if (f.org && !l.speakers.some((s) => s.organisation?.slug === f.org)) return false;
  if (f.kind && !l.speakers.some((s) => s.organisation?.kind === f.kind)) return false;
  if (f.q) {
    const haystack = foldForSearch(
      [
        l.title,
        l.abstract,
        l.track ?? "",
        l.room?.name ?? "",
        ...l.speakers.flatMap((s) => [s.name, s.role ?? "", s.organisation?.name ?? ""]),
      ].join(" "),
    );
    const words = foldForSearch(f.q).split(" ").filter(Boolean);
    if (!words.every((w) => haystack.includes(w))) return false;
  }
  return true;
}

export type ProgrammeFilterOptions = {
  organisations: OrganisationRef[];
  kinds: OrganisationKind[];
  tracks: string[];
  slots: SlotRef[];
};

/** A day of a large event's programme, for the day links ("dag"). */
export type ProgrammeDay = { date: string; count: number };

export type Programme = {
  groups: SlotGroup[];
  /**
   * A large event of several days (more than DAY_SPLIT_AT lärpass) shows one day at a time: its days, and
   * the day shown (null: every day, "Hela programmet"). An event of one day, or a small one, has none.
   */
  days: ProgrammeDay[];
  day: string | null;
  /** Every public lärpass of the event, filters aside. */
  all: LarpassView[];
  total: number;
  shown: number;
  options: ProgrammeFilterOptions;
  lastUpdated: Date | null;
};

type SharedProgramme = { all: LarpassView[]; options: ProgrammeFilterOptions; lastUpdated: Date | null };

/** What the programme of an event is for everyone: the lärpass with speakers, the filter choices, the date. */
function loadSharedProgramme(eventId: number): SharedProgramme {
  const rows = selectLarpass()
    .where(and(eq(larpass.eventId, eventId), inArray(larpass.status, publicStatuses)))
    .orderBy(asc(timeSlots.startsAt), asc(larpass.sortOrder), asc(larpass.id))
    .all();
  const all = toSharedViews(rows);
  const orgs = new Map<number, OrganisationRef>();
  const tracks = new Set<string>();
  const slots = new Map<number, SlotRef>();
  let lastUpdated: Date | null = null;
  for (const l of all) {
    for (const s of l.speakers) if (s.organisation) orgs.set(s.organisation.id, s.organisation);
    if (l.track) tracks.add(l.track);
    if (l.slot) slots.set(l.slot.id, l.slot);
    if (!lastUpdated || l.updatedAt > lastUpdated) lastUpdated = l.updatedAt;
  }
  // A published change (a lärpass moved, cancelled, removed) also counts, even when the lärpass is gone.
  const changedAt = latestChangeAt({ eventId });
  if (changedAt && (!lastUpdated || changedAt > lastUpdated)) lastUpdated = changedAt;
  const kindsPresent = new Set([...orgs.values()].map((o) => o.kind));
  return {
    all,
    lastUpdated,
    options: {
      organisations: sortBySv([...orgs.values()], (o) => o.name),
      kinds: (["region", "agency", "university", "company", "other"] as const).filter((k) => kindsPresent.has(k)),
      tracks: [...tracks].sort(compareSv),
      slots: [...slots.values()].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime()),
    },
  };
}

/** From this many public lärpass, an event of several days shows one day at a time (about 40 fit a phone's patience). */
export const DAY_SPLIT_AT = 40;

/**
 * The days a large event's programme is split into, and the day to show: the one asked for, else today
 * when the event is on, else its first day. None when the event is small, has one day, or when a time
 * (`slot`) or "alla" is asked for.
 */
function daySplit(all: LarpassView[], filters: ProgrammeFilters, timeZone: string, today: Date): { days: ProgrammeDay[]; day: string | null } {
  const counts = new Map<string, number>();
  for (const l of all) {
    if (!l.slot) continue;
    const date = utcToZoned(l.slot.startsAt, timeZone).date;
    counts.set(date, (counts.get(date) ?? 0) + 1);
  }
  const days = [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([date, count]) => ({ date, count }));
  if (all.length <= DAY_SPLIT_AT || days.length < 2) return { days: [], day: null };
  if (filters.slot || filters.dag === "alla") return { days, day: null };
  const asked = days.find((d) => d.date === filters.dag);
  const now = utcToZoned(today, timeZone).date;
  return { days, day: (asked ?? days.find((d) => d.date === now) ?? days[0]).date };
}

/**
 * The public programme of an event, grouped by time slot, narrowed by the filters. The shared part comes
 * from the cache (lib/cache/shared.ts) until the programme changes; the seat counts are exact.
 */
export async function getProgramme({
  eventId,
  filters = {},
  timeZone = "Europe/Stockholm",
  today = new Date(),
}: {
  eventId: number;
  filters?: ProgrammeFilters;
  timeZone?: string;
  today?: Date;
}): Promise<Programme> {
  const shared = sharedData(`programme:${eventId}`, () => loadSharedProgramme(eventId));
  const all = withSeats(shared.all, `programme:${eventId}`);
  const { days, day } = daySplit(all, filters, timeZone, today);
  // Lärpass without a time are shown on every day.
  const onDay = (l: LarpassView) => !day || !l.slot || utcToZoned(l.slot.startsAt, timeZone).date === day;
  const shown = all.filter((l) => onDay(l) && matchesFilters(l, filters));
  const groups: SlotGroup[] = [];
  for (const l of shown) {
    const last = groups.at(-1);
    if (last && last.slot?.id === l.slot?.id) last.larpass.push(l);
    else groups.push({ slot: l.slot, larpass: [l] });
  }
  // Unscheduled lärpass sort first in SQL (NULL start); show them last, under "Tid meddelas senare".
  groups.sort((a, b) => (a.slot ? a.slot.startsAt.getTime() : Infinity) - (b.slot ? b.slot.startsAt.getTime() : Infinity));
  return { groups, all, total: all.length, shown: shown.length, lastUpdated: shared.lastUpdated, options: shared.options, days, day };
}

export async function getLarpassBySlug({ eventId, slug }: { eventId: number; slug: string }): Promise<LarpassView | null> {
  const shared = sharedData(`programme:${eventId}`, () => loadSharedProgramme(eventId));
  const view = shared.all.find((l) => l.slug === slug);
  return view ? withSeats([view], null)[0] : null;
}

export type LarpassWithEvent = LarpassView & { event: Pick<Event, "slug" | "name" | "timeZone"> };

/** Public lärpass (of published events) in which the given speakers take part, without seat counts. */
function listPublicLarpassWhere(speakerIds: number[]): LarpassWithEvent[] {
  if (speakerIds.length === 0) return [];
  const ids = db
    .selectDistinct({ id: larpassSpeakers.larpassId })
    .from(larpassSpeakers)
    .where(inArray(larpassSpeakers.speakerId, speakerIds));
  const rows = db
    .select({ larpass, slot: timeSlots, room: rooms, event: { slug: events.slug, name: events.name, timeZone: events.timeZone } })
    .from(larpass)
    .innerJoin(events, eq(events.id, larpass.eventId))
    .leftJoin(timeSlots, eq(timeSlots.id, larpass.timeSlotId))
    .leftJoin(rooms, eq(rooms.id, larpass.roomId))
    .where(and(inArray(larpass.id, ids), inArray(larpass.status, publicStatuses), eq(events.published, true)))
    .orderBy(desc(events.startsOn), asc(timeSlots.startsAt), asc(larpass.sortOrder))
    .all();
  const views = toSharedViews(rows);
  return views.map((v, i) => ({ ...v, event: rows[i].event }));
}

export type SpeakerPage = {
  speaker: { id: number; slug: string; name: string; role: string | null; bio: string; organisation: OrganisationRef | null };
  larpass: LarpassWithEvent[];
};

export async function getSpeakerBySlug({ slug }: { slug: string }): Promise<SpeakerPage | null> {
  const page = sharedData(`speaker:${slug}`, () => loadSpeaker(slug));
  return page ? { ...page, larpass: withSeats(page.larpass, null) } : null;
}

function loadSpeaker(slug: string): SpeakerPage | null {
  const row = db
    .select({ speaker: speakers, org: organisations })
    .from(speakers)
    .leftJoin(organisations, eq(organisations.id, speakers.organisationId))
    .where(eq(speakers.slug, slug))
    .limit(1)
    .get();
  if (!row) return null;
  const list = listPublicLarpassWhere([row.speaker.id]);
  // A speaker with nothing public (only drafts) has no public page.
  if (list.length === 0) return null;
  const { speaker: s, org } = row;
  return {
    speaker: {
      id: s.id,
      slug: s.slug,
      name: s.name,
      role: s.role,
      bio: s.bio,
      organisation: org ? { id: org.id, slug: org.slug, name: org.name, kind: org.kind } : null,
    },
    larpass: list,
  };
}

export type OrganisationSummary = OrganisationRef & { larpassCount: number; speakerCount: number };

/** Organisations with at least one public lärpass, in Swedish alphabetical order. */
export async function listOrganisations(): Promise<OrganisationSummary[]> {
  return sharedData("organisations", loadOrganisations);
}

function loadOrganisations(): OrganisationSummary[] {
  const rows = db
    .select({
      id: organisations.id,
      slug: organisations.slug,
      name: organisations.name,
      kind: organisations.kind,
      speakerId: speakers.id,
      larpassId: larpass.id,
    })
    .from(organisations)
    .innerJoin(speakers, eq(speakers.organisationId, organisations.id))
    .innerJoin(larpassSpeakers, eq(larpassSpeakers.speakerId, speakers.id))
    .innerJoin(larpass, eq(larpass.id, larpassSpeakers.larpassId))
    .innerJoin(events, eq(events.id, larpass.eventId))
    .where(and(inArray(larpass.status, publicStatuses), eq(events.published, true)))
    .all();
  const byOrg = new Map<number, OrganisationRef & { speakers: Set<number>; larpass: Set<number> }>();
  for (const r of rows) {
    const o = byOrg.get(r.id) ?? { id: r.id, slug: r.slug, name: r.name, kind: r.kind, speakers: new Set(), larpass: new Set() };
    o.speakers.add(r.speakerId);
    o.larpass.add(r.larpassId);
    byOrg.set(r.id, o);
  }
  return sortBySv(
    [...byOrg.values()].map(({ speakers: s, larpass: l, ...o }) => ({ ...o, speakerCount: s.size, larpassCount: l.size })),
    (o) => o.name,
  );
}

export type OrganisationPage = {
  organisation: OrganisationRef;
  speakers: { id: number; slug: string; name: string; role: string | null }[];
  larpass: LarpassWithEvent[];
};

export async function getOrganisationBySlug({ slug }: { slug: string }): Promise<OrganisationPage | null> {
  const page = sharedData(`organisation:${slug}`, () => loadOrganisation(slug));
  return page ? { ...page, larpass: withSeats(page.larpass, null) } : null;
}

function loadOrganisation(slug: string): OrganisationPage | null {
  const org = db.select().from(organisations).where(eq(organisations.slug, slug)).limit(1).get();
  if (!org) return null;
  const people = db
    .select({ id: speakers.id, slug: speakers.slug, name: speakers.name, role: speakers.role })
    .from(speakers)
    .where(eq(speakers.organisationId, org.id))
    .all();
  const list = listPublicLarpassWhere(people.map((p) => p.id));
  if (list.length === 0) return null;
  const publicSpeakerIds = new Set(list.flatMap((l) => l.speakers.map((s) => s.id)));
  return {
    organisation: { id: org.id, slug: org.slug, name: org.name, kind: org.kind },
    speakers: sortBySv(
      people.filter((p) => publicSpeakerIds.has(p.id)),
      (p) => p.name,
    ),
    larpass: list,
  };
}

/** Every published event's slug with its lärpass slugs; used by the sitemap. */
export async function listPublicLarpassSlugs(): Promise<{ event: string; slug: string; updatedAt: Date }[]> {
  return db
    .select({ event: events.slug, slug: larpass.slug, updatedAt: larpass.updatedAt })
    .from(larpass)
    .innerJoin(events, eq(events.id, larpass.eventId))
    .where(and(eq(events.published, true), ne(larpass.status, "draft")));
}

/**
 * Whether a public URL names something that exists. proxy.ts asks this before rendering, so an unknown
 * slug gets the ordinary server-rendered 404 page (a page that calls notFound() itself answers 404 with
 * a body that needs JavaScript to show: a Next.js limitation).
 */
export async function publicPathExists(pathname: string): Promise<boolean> {
  const parts = pathname.split("/").filter(Boolean).map((p) => {
    try {
      return decodeURIComponent(p);
    } catch {
      return p;
    }
  });
  const [section, a, sub, b] = parts;
  if (section === "evenemang" && a) {
    const event = await getEventBySlug({ slug: a });
    if (!event) return false;
    if (sub === "larpass" && b) return sharedData(`programme:${event.id}`, () => loadSharedProgramme(event.id)).all.some((l) => l.slug === b);
    return true;
  }
  if (section === "talare" && a) return sharedData(`speaker:${a}`, () => loadSpeaker(a)) !== null;
  if (section === "organisationer" && a) return sharedData(`organisation:${a}`, () => loadOrganisation(a)) !== null;
  return true;
}
