import "server-only";
// The read-only JSON API, version 1 (/api/v1/...): what the public pages show, for other sites. Every
// answer is built field by field from the public read functions (lib/programme.ts, lib/speakers/directory.ts),
// so nothing that is not on a public page can slip in: no e-mail addresses, accounts, registrations, drafts
// or unpublished events. The routes and their shapes are documented in lib/api/openapi.ts; a test checks
// every documented route against it.
import { asc, eq, inArray, max } from "drizzle-orm";
import { db } from "@/db";
import { days, organisations, rooms, speakers, timeSlots, type Event } from "@/db/schema";
import { trackSlug } from "@/lib/exports/calendar-feeds";
import {
  getEventBySlug,
  getLarpassBySlug,
  getOrganisationBySlug,
  getProgramme,
  getSpeakerBySlug,
  listEvents,
  listOrganisations,
  type LarpassView,
  type LarpassWithEvent,
  type OrganisationRef,
} from "@/lib/programme";
import { listPublicSpeakers } from "@/lib/speakers/directory";
import { siteUrl } from "@/lib/site-url";
import { toZonedIso } from "@/lib/time";
import { parseProgrammeFilters } from "@/lib/validation/programme-filters";
import { apiError, apiJson } from "./http";
import { openApiDocument } from "./openapi";

type Answer = { data: unknown; lastModified: Date | null } | null;

const newest = (...dates: (Date | null | undefined)[]): Date | null =>
  dates.reduce<Date | null>((a, b) => (b && (!a || b > a) ? b : a), null);

function eventSummary(e: Event) {
  const base = `${siteUrl()}/evenemang/${e.slug}`;
  return {
    slug: e.slug,
    name: e.name,
    description: e.description,
    venue: e.venue,
    timeZone: e.timeZone,
    startsOn: e.startsOn,
    endsOn: e.endsOn,
    url: base,
    links: {
      programme: `${siteUrl()}/api/v1/evenemang/${e.slug}/program`,
      scheduleXml: `${base}/schedule.xml`,
      scheduleJson: `${base}/schedule.json`,
      calendar: `${base}/kalender.ics`,
      changes: `${base}/andringar`,
    },
  };
}

const org = (o: OrganisationRef | null) => (o ? { slug: o.slug, name: o.name, kind: o.kind } : null);

function larpassJson(l: LarpassView, event: Pick<Event, "slug" | "timeZone">) {
  const url = `${siteUrl()}/evenemang/${event.slug}/larpass/${l.slug}`;
  return {
    slug: l.slug,
    event: event.slug,
    title: l.title,
    abstract: l.abstract,
    status: l.status,
    track: l.track,
    language: l.language,
    capacity: l.capacity,
    start: l.slot ? toZonedIso(l.slot.startsAt, event.timeZone) : null,
    end: l.slot ? toZonedIso(l.slot.endsAt, event.timeZone) : null,
    slot: l.slot ? { id: l.slot.id, label: l.slot.label } : null,
    room: l.room ? { id: l.room.id, name: l.room.name } : null,
    speakers: l.speakers.map((s) => ({ slug: s.slug, name: s.name, role: s.role, organisation: org(s.organisation) })),
    url,
    calendar: l.slot ? `${url}/kalender.ics` : null,
  };
}

/** When the speakers (or their organisations) of these lärpass last changed: a rename is news too. */
function peopleChangedAt(list: { speakers: { id: number }[] }[]): Date | null {
  const ids = [...new Set(list.flatMap((l) => l.speakers.map((s) => s.id)))];
  if (ids.length === 0) return null;
  const s = db.select({ at: max(speakers.updatedAt) }).from(speakers).where(inArray(speakers.id, ids)).get()?.at ?? null;
  const o = db
    .select({ at: max(organisations.updatedAt) })
    .from(organisations)
    .innerJoin(speakers, eq(speakers.organisationId, organisations.id))
    .where(inArray(speakers.id, ids))
    .get()?.at;
  return newest(s, o ?? null);
}

async function listEventsAnswer(): Promise<Answer> {
  const list = await listEvents();
  return { data: { events: list.map(eventSummary) }, lastModified: newest(...list.map((e) => e.updatedAt)) };
}

async function eventAnswer(slug: string): Promise<Answer> {
  const event = await getEventBySlug({ slug });
  if (!event) return null;
  const { all, lastUpdated, options } = await getProgramme({ eventId: event.id });
  const dayRows = db.select({ date: days.date, name: days.name }).from(days).where(eq(days.eventId, event.id)).orderBy(asc(days.date)).all();
  const slotRows = db
    .select({ id: timeSlots.id, startsAt: timeSlots.startsAt, endsAt: timeSlots.endsAt, label: timeSlots.label })
    .from(timeSlots)
    .where(eq(timeSlots.eventId, event.id))
    .orderBy(asc(timeSlots.startsAt))
    .all();
  // Only rooms the public programme uses: a room an organiser has set up but not used is not on any page.
  const usedRooms = new Set(all.flatMap((l) => (l.room ? [l.room.id] : [])));
  const roomRows = db
    .select({ id: rooms.id, name: rooms.name, capacity: rooms.capacity })
    .from(rooms)
    .where(eq(rooms.eventId, event.id))
    .all()
    .filter((r) => usedRooms.has(r.id));
  const usedSlots = new Set(all.flatMap((l) => (l.slot ? [l.slot.id] : [])));
  return {
    data: {
      ...eventSummary(event),
      lastUpdated: lastUpdated ? lastUpdated.toISOString() : null,
      days: dayRows,
      slots: slotRows
        .filter((s) => usedSlots.has(s.id))
        .map((s) => ({ id: s.id, start: toZonedIso(s.startsAt, event.timeZone), end: toZonedIso(s.endsAt, event.timeZone), label: s.label })),
      rooms: roomRows,
      tracks: options.tracks.map((name) => ({ name, slug: trackSlug(name) })),
      organisations: options.organisations.map((o) => ({ slug: o.slug, name: o.name, kind: o.kind })),
    },
    lastModified: newest(event.updatedAt, lastUpdated, peopleChangedAt(all)),
  };
}

async function programmeAnswer(slug: string, search: URLSearchParams): Promise<Answer> {
  const event = await getEventBySlug({ slug });
  if (!event) return null;
  const params: Record<string, string> = {};
  for (const key of ["q", "org", "kind", "track", "slot"]) {
    const v = search.get(key);
    if (v !== null) params[key] = v;
  }
  const filters = parseProgrammeFilters(params);
  const programme = await getProgramme({ eventId: event.id, filters });
  const shown = programme.groups.flatMap((g) => g.larpass);
  return {
    data: {
      event: event.slug,
      filters,
      total: programme.total,
      shown: programme.shown,
      lastUpdated: programme.lastUpdated ? programme.lastUpdated.toISOString() : null,
      larpass: shown.map((l) => larpassJson(l, event)),
    },
    lastModified: newest(event.updatedAt, programme.lastUpdated, peopleChangedAt(programme.all)),
  };
}

async function larpassAnswer(eventSlug: string, slug: string): Promise<Answer> {
  const event = await getEventBySlug({ slug: eventSlug });
  if (!event) return null;
  const l = await getLarpassBySlug({ eventId: event.id, slug });
  if (!l) return null;
  return { data: larpassJson(l, event), lastModified: newest(event.updatedAt, l.updatedAt, peopleChangedAt([l])) };
}

function larpassRef(l: LarpassWithEvent) {
  return {
    event: l.event.slug,
    slug: l.slug,
    title: l.title,
    status: l.status,
    start: l.slot ? toZonedIso(l.slot.startsAt, l.event.timeZone) : null,
    end: l.slot ? toZonedIso(l.slot.endsAt, l.event.timeZone) : null,
    room: l.room ? l.room.name : null,
    url: `${siteUrl()}/evenemang/${l.event.slug}/larpass/${l.slug}`,
  };
}

async function speakersAnswer(): Promise<Answer> {
  const list = await listPublicSpeakers();
  const at = list.length ? db.select({ at: max(speakers.updatedAt) }).from(speakers).where(inArray(speakers.id, list.map((s) => s.id))).get()?.at : null;
  return {
    data: {
      speakers: list.map((s) => ({
        slug: s.slug,
        name: s.name,
        role: s.role,
        organisation: s.organisation,
        larpassCount: s.larpassCount,
        url: `${siteUrl()}/talare/${s.slug}`,
      })),
    },
    lastModified: at ?? null,
  };
}

async function speakerAnswer(slug: string): Promise<Answer> {
  const page = await getSpeakerBySlug({ slug });
  if (!page) return null;
  const s = page.speaker;
  const row = db.select({ at: speakers.updatedAt }).from(speakers).where(eq(speakers.id, s.id)).get();
  return {
    data: {
      slug: s.slug,
      name: s.name,
      role: s.role,
      bio: s.bio,
      organisation: org(s.organisation),
      url: `${siteUrl()}/talare/${s.slug}`,
      larpass: page.larpass.map(larpassRef),
    },
    lastModified: newest(row?.at, ...page.larpass.map((l) => l.updatedAt)),
  };
}

async function organisationsAnswer(): Promise<Answer> {
  const list = await listOrganisations();
  const at = list.length ? db.select({ at: max(organisations.updatedAt) }).from(organisations).where(inArray(organisations.id, list.map((o) => o.id))).get()?.at : null;
  return {
    data: {
      organisations: list.map((o) => ({
        slug: o.slug,
        name: o.name,
        kind: o.kind,
        larpassCount: o.larpassCount,
        speakerCount: o.speakerCount,
        url: `${siteUrl()}/organisationer/${o.slug}`,
      })),
    },
    lastModified: at ?? null,
  };
}

async function organisationAnswer(slug: string): Promise<Answer> {
  const page = await getOrganisationBySlug({ slug });
  if (!page) return null;
  const o = page.organisation;
  const row = db.select({ at: organisations.updatedAt }).from(organisations).where(eq(organisations.id, o.id)).get();
  return {
    data: {
      slug: o.slug,
      name: o.name,
      kind: o.kind,
      url: `${siteUrl()}/organisationer/${o.slug}`,
      speakers: page.speakers.map((s) => ({ slug: s.slug, name: s.name, role: s.role, url: `${siteUrl()}/talare/${s.slug}` })),
      larpass: page.larpass.map(larpassRef),
    },
    lastModified: newest(row?.at, peopleChangedAt(page.larpass), ...page.larpass.map((l) => l.updatedAt)),
  };
}

const NOT_FOUND = "Finns inte i det publicerade programmet.";

/** The API's router: `path` is what follows /api/v1/ (already split on "/"). */
export async function handleApiRequest(request: Request, path: string[]): Promise<Response> {
  const search = new URL(request.url).searchParams;
  let p: string[];
  try {
    p = path.map((s) => decodeURIComponent(s));
  } catch {
    return apiError(404, NOT_FOUND);
  }
  let answer: Answer | undefined;
  if (p.length === 1 && p[0] === "openapi.json") answer = { data: openApiDocument(siteUrl()), lastModified: null };
  else if (p[0] === "evenemang") {
    if (p.length === 1) answer = await listEventsAnswer();
    else if (p.length === 2) answer = await eventAnswer(p[1]);
    else if (p.length === 3 && p[2] === "program") answer = await programmeAnswer(p[1], search);
    else if (p.length === 4 && p[2] === "larpass") answer = await larpassAnswer(p[1], p[3]);
  } else if (p[0] === "talare") {
    if (p.length === 1) answer = await speakersAnswer();
    else if (p.length === 2) answer = await speakerAnswer(p[1]);
  } else if (p[0] === "organisationer") {
    if (p.length === 1) answer = await organisationsAnswer();
    else if (p.length === 2) answer = await organisationAnswer(p[1]);
  }
  if (answer === undefined) return apiError(404, "Det finns ingen sådan adress i API:t. Se /api/v1/openapi.json.");
  if (answer === null) return apiError(404, NOT_FOUND);
  return apiJson(request, answer.data, answer.lastModified);
}
