// The public queries against a real SQLite file holding the seeded 2018 demo (see test/setup-db.ts).
import { count, eq, inArray, type SQL } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { DEMO_EVENT_SLUG, seedDemo } from "@/scripts/seed";
import { events, larpass, organisations, rooms, speakers, type Event } from "@/db/schema";
import { importProgramme } from "@/lib/import/import-programme";
import { parseProgramme } from "@/lib/import/parse-programme";
import {
  getCurrentEvent,
  getEventBySlug,
  getLarpassBySlug,
  getOrganisationBySlug,
  getProgramme,
  getSpeakerBySlug,
  listEvents,
  listOrganisations,
  listPublicLarpassSlugs,
} from "./programme";
import { formatTimeRange } from "./time";
import { hasActiveFilters, parseProgrammeFilters } from "./validation/programme-filters";

/** Row count, synchronously (db.$count is a thenable builder, not a number). */
function countOf(table: SQLiteTable, where?: SQL): number {
  return db.select({ n: count() }).from(table).where(where).get()!.n;
}

let demo: Event;

beforeAll(async () => {
  expect(seedDemo(db)).toEqual({ seeded: true, larpass: 14 });
  demo = (await getEventBySlug({ slug: DEMO_EVENT_SLUG }))!;
  expect(demo).not.toBeNull();
});

const larpassId = (slug: string) =>
  db.select({ id: larpass.id }).from(larpass).where(eq(larpass.slug, slug)).get()!.id;

/** Sets columns of one demo lärpass for the duration of a test; afterEach restores them. */
const restore: (() => void)[] = [];
function patchLarpass(slug: string, values: Partial<typeof larpass.$inferInsert>) {
  const before = db.select().from(larpass).where(eq(larpass.slug, slug)).get()!;
  db.update(larpass).set(values).where(eq(larpass.id, before.id)).run();
  restore.push(() => db.update(larpass).set(before).where(eq(larpass.id, before.id)).run());
}
/** Inserts an event for the duration of a test (lärpass, rooms, slots go with it by cascade). */
function tempEvent(values: Partial<typeof events.$inferInsert> & { slug: string; startsOn: string; endsOn: string }): Event {
  const row = db.insert(events).values({ name: values.slug, ...values }).returning().get();
  restore.push(() => db.delete(events).where(eq(events.id, row.id)).run());
  return row;
}
afterEach(() => {
  while (restore.length) restore.pop()!();
});

const titles = (p: Awaited<ReturnType<typeof getProgramme>>) => p.groups.flatMap((g) => g.larpass.map((l) => l.title));
const programme = (filters: Parameters<typeof getProgramme>[0]["filters"] = {}) => getProgramme({ eventId: demo.id, filters });

describe("seedDemo", () => {
  it("does nothing the second time", () => {
    const count = () => ({
      events: countOf(events),
      larpass: countOf(larpass),
      speakers: countOf(speakers),
      organisations: countOf(organisations),
      rooms: countOf(rooms),
    });
    const before = count();
    expect(seedDemo(db)).toEqual({ seeded: false, larpass: 0 });
    expect(count()).toEqual(before);
  });
});

describe("getProgramme on the demo", () => {
  it("has 14 lärpass in 3 slot groups in time order", async () => {
    const p = await programme();
    expect(p.total).toBe(14);
    expect(p.shown).toBe(14);
    expect(p.groups).toHaveLength(3);
    expect(p.groups.map((g) => g.larpass.length)).toEqual([5, 5, 4]);
    expect(p.groups.map((g) => formatTimeRange(g.slot!.startsAt, g.slot!.endsAt))).toEqual([
      "09:00–09:45",
      "10:15–11:00",
      "11:15–12:00",
    ]);
    expect(p.groups.map((g) => g.slot!.label)).toEqual(["Lärpass 1", "Lärpass 2", "Lärpass 3"]);
    for (const g of p.groups) for (const l of g.larpass) expect(l.slot!.id).toBe(g.slot!.id);
    // the file's order is kept within and across slots
    expect(titles(p)[0]).toBe("Tillbaka till framtiden");
    expect(titles(p)[4]).toBe("Behåll talangerna!");
    expect(titles(p).at(-1)).toBe("Kan branschskolor bidra till den regionala attraktionskraften?");
    expect(p.lastUpdated).toBeInstanceOf(Date);
  });

  it("offers filter options: organisations in Swedish order, kinds present, slots in time order", async () => {
    const { options } = await programme();
    expect(options.slots.map((s) => s.label)).toEqual(["Lärpass 1", "Lärpass 2", "Lärpass 3"]);
    expect(options.kinds).toEqual(["region", "agency", "university", "company", "other"]);
    expect(options.tracks).toEqual([]);
    const names = options.organisations.map((o) => o.name);
    expect(names).toHaveLength(17);
    expect(names.indexOf("Region Östergötland")).toBe(names.indexOf("Region Västerbotten") + 1);
    expect(names.at(-1)).toBe("Västra Götalandsregionen");
  });

  it("gives speakers in their order, with organisations", async () => {
    const p = await programme();
    const behall = p.groups.flatMap((g) => g.larpass).find((l) => l.slug === "behall-talangerna")!;
    expect(behall.speakers.map((s) => [s.name, s.organisation?.name, s.organisation?.slug])).toEqual([
      ["Britta Zetterlund-Johansson", "Region Värmland", "region-varmland"],
      ["Anne-Charlotte Sverkström", "Effect management", "effect-management"],
      ["Maja Hedin", "Effect management", "effect-management"],
    ]);
    expect(behall.speakers[0].organisation!.kind).toBe("region");
    expect(behall.speakers[1].organisation!.kind).toBe("company");
    const nordic = await getLarpassBySlug({ eventId: demo.id, slug: "state-of-the-nordic-region-2018" });
    expect(nordic!.speakers).toEqual([
      expect.objectContaining({ name: "Kjell Nilsson", role: "direktör", organisation: expect.objectContaining({ name: "Nordregio" }) }),
    ]);
  });

  it("keeps speaker positions, not insertion or id order", async () => {
    const id = larpassId("behall-talangerna");
    // reverse the positions in the join table
    db.$client.prepare("UPDATE larpass_speakers SET position = 10 - position WHERE larpass_id = ?").run(id);
    try {
      const l = await getLarpassBySlug({ eventId: demo.id, slug: "behall-talangerna" });
      expect(l!.speakers.map((s) => s.name)).toEqual(["Maja Hedin", "Anne-Charlotte Sverkström", "Britta Zetterlund-Johansson"]);
    } finally {
      db.$client.prepare("UPDATE larpass_speakers SET position = 10 - position WHERE larpass_id = ?").run(id);
    }
  });

  it("capacity is the lärpass's own, else its room's, else null", async () => {
    const view = async (slug: string) => (await getLarpassBySlug({ eventId: demo.id, slug }))!;
    expect((await view("tillbaka-till-framtiden")).room).toMatchObject({ name: "Stora salen", capacity: 80 });
    expect((await view("tillbaka-till-framtiden")).capacity).toBe(80);
    expect((await view("behall-talangerna")).capacity).toBe(24); // Rum Götaland
    patchLarpass("behall-talangerna", { capacity: 12 });
    expect((await view("behall-talangerna")).capacity).toBe(12);
    patchLarpass("jamstalld-tillvaxt", { roomId: null });
    expect((await view("jamstalld-tillvaxt")).room).toBeNull();
    expect((await view("jamstalld-tillvaxt")).capacity).toBeNull();
  });

  it("hides drafts and shows cancelled lärpass with their status", async () => {
    patchLarpass("att-bygga-regioner", { status: "draft" });
    patchLarpass("nya-mojligheter-med-gis", { status: "cancelled" });
    const p = await programme();
    expect(p.total).toBe(13);
    expect(titles(p)).not.toContain("Att bygga regioner");
    const gis = p.groups.flatMap((g) => g.larpass).find((l) => l.slug === "nya-mojligheter-med-gis");
    expect(gis?.status).toBe("cancelled");
    expect(await getLarpassBySlug({ eventId: demo.id, slug: "att-bygga-regioner" })).toBeNull();
    expect((await getLarpassBySlug({ eventId: demo.id, slug: "nya-mojligheter-med-gis" }))!.status).toBe("cancelled");
    expect((await listPublicLarpassSlugs()).map((x) => x.slug)).not.toContain("att-bygga-regioner");
    expect((await listPublicLarpassSlugs()).map((x) => x.slug)).toContain("nya-mojligheter-med-gis");
  });

  it("puts unscheduled lärpass last, in a group without slot", async () => {
    patchLarpass("tillbaka-till-framtiden", { timeSlotId: null });
    const p = await programme();
    expect(p.groups).toHaveLength(4);
    expect(p.groups.at(-1)!.slot).toBeNull();
    expect(p.groups.at(-1)!.larpass.map((l) => l.slug)).toEqual(["tillbaka-till-framtiden"]);
    expect(p.groups[0].larpass).toHaveLength(4);
  });

  it("getLarpassBySlug is scoped to the event", async () => {
    expect(await getLarpassBySlug({ eventId: demo.id, slug: "finns-inte" })).toBeNull();
    expect(await getLarpassBySlug({ eventId: demo.id + 999, slug: "behall-talangerna" })).toBeNull();
  });
});

describe("getProgramme filters", () => {
  it("q is case-insensitive, also for å/ä/ö and decomposed input", async () => {
    const expected = ["Behåll talangerna!"];
    expect(titles(await programme({ q: "värmland" }))).toEqual(expected);
    expect(titles(await programme({ q: "VÄRMLAND" }))).toEqual(expected);
    expect(titles(await programme({ q: "Va\u0308rmland" }))).toEqual(expected);
    expect(titles(await programme({ q: "ÖPPNA UPP" }))).toEqual(["Jämställd tillväxt?"]);
    expect(titles(await programme({ q: "  batterifabriken  " }))).toEqual(["Batterifabriken kommer ‒ stora etableringar i små kommuner"]);
  });

  it("q searches titles, abstracts, speakers, roles, organisations and rooms", async () => {
    expect(titles(await programme({ q: "löwenhöök" }))).toEqual(["Region med rätt att påverka"]);
    expect(titles(await programme({ q: "direktör" }))).toEqual(["State of the Nordic Region 2018"]);
    expect(titles(await programme({ q: "cajalma" }))).toEqual(["Jämställd tillväxt?"]);
    expect(titles(await programme({ q: "rum götaland" }))).toHaveLength(3);
    expect((await programme({ q: "nordregio" })).shown).toBe(1);
  });

  it("q with several words requires all of them (AND), in any order", async () => {
    expect(titles(await programme({ q: "skellefteå batterifabrik" }))).toEqual([
      "Batterifabriken kommer ‒ stora etableringar i små kommuner",
    ]);
    expect(titles(await programme({ q: "batterifabrik nordregio" }))).toEqual([]);
    // substring match: "gis" alone also hits "strategiskt"; a second word narrows it
    expect(titles(await programme({ q: "gis" }))).toContain("Region med rätt att påverka");
    const gis = await programme({ q: "dalarna gis" });
    expect(titles(gis)).toEqual(["Nya möjligheter med GIS"]);
    expect(gis.total).toBe(14);
    expect(gis.shown).toBe(1);
    expect(gis.groups).toHaveLength(1);
    expect(gis.groups[0].slot!.label).toBe("Lärpass 3");
  });

  it("a q matching nothing gives no groups but keeps total and options", async () => {
    const p = await programme({ q: "xyzzy" });
    expect(p.groups).toEqual([]);
    expect(p.shown).toBe(0);
    expect(p.total).toBe(14);
    expect(p.options.organisations).toHaveLength(17);
  });

  it("org filters by a speaker's organisation slug", async () => {
    expect(titles(await programme({ org: "region-vasterbotten" }))).toEqual([
      "BRP+ vad gömmer sig bakom mätetalen?",
      "Batterifabriken kommer ‒ stora etableringar i små kommuner",
      "Region med rätt att påverka",
    ]);
    expect(titles(await programme({ org: "effect-management" }))).toEqual(["Behåll talangerna!"]);
    expect(titles(await programme({ org: "finns-inte" }))).toEqual([]);
  });

  it("kind filters by organisation kind", async () => {
    expect(titles(await programme({ kind: "company" }))).toEqual([
      "Behåll talangerna!",
      "100 utvärderingar och 10 lärdomar",
      "Jämställd tillväxt?",
    ]);
    expect(titles(await programme({ kind: "university" }))).toEqual(["Tillbaka till framtiden"]);
    expect(titles(await programme({ kind: "agency" }))).toEqual([
      "State of the Nordic Region 2018",
      "BRP+ vad gömmer sig bakom mätetalen?",
      "Do’s and don’ts för ökad exportsamverkan",
      "Kan branschskolor bidra till den regionala attraktionskraften?",
    ]);
    expect(titles(await programme({ kind: "other" }))).toEqual(["Att bygga regioner"]); // SKL
  });

  it("slot filters by time slot id", async () => {
    const { options } = await programme();
    const second = await programme({ slot: options.slots[1].id });
    expect(second.groups).toHaveLength(1);
    expect(second.groups[0].slot!.id).toBe(options.slots[1].id);
    expect(titles(second)).toEqual([
      "Från kommunal matlåda till framtidens väg",
      "Batterifabriken kommer ‒ stora etableringar i små kommuner",
      "100 utvärderingar och 10 lärdomar",
      "#jagmed – jag kan och hör till!",
      "Do’s and don’ts för ökad exportsamverkan",
    ]);
    expect((await programme({ slot: 999_999 })).shown).toBe(0);
  });

  it("track filters by track, and tracks appear as options", async () => {
    patchLarpass("att-bygga-regioner", { track: "Regional utveckling" });
    patchLarpass("region-med-ratt-att-paverka", { track: "Regional utveckling" });
    patchLarpass("nya-mojligheter-med-gis", { track: "Analys" });
    const p = await programme({ track: "Regional utveckling" });
    expect(titles(p)).toEqual(["Att bygga regioner", "Region med rätt att påverka"]);
    expect(p.options.tracks).toEqual(["Analys", "Regional utveckling"]);
    expect(titles(await programme({ track: "Analys", q: "gis" }))).toEqual(["Nya möjligheter med GIS"]);
    expect(titles(await programme({ track: "Analys", q: "batteri" }))).toEqual([]);
  });

  it("filters combine (AND)", async () => {
    const { options } = await programme();
    expect(titles(await programme({ kind: "region", slot: options.slots[2].id, q: "gävleborg" }))).toEqual([
      "Jämställd tillväxt?",
    ]);
    expect(titles(await programme({ org: "ramboll", kind: "region" }))).toEqual([]);
  });

  it("parses filters from the URL leniently", () => {
    expect(parseProgrammeFilters({ q: "  gis  ", org: "region-varmland", kind: "region", slot: "3", track: "Analys" })).toEqual({
      q: "gis",
      org: "region-varmland",
      kind: "region",
      slot: 3,
      track: "Analys",
    });
    const junk = parseProgrammeFilters({ q: "", org: "Inte En Slug!", kind: "planet", slot: "-1" });
    expect(junk).toEqual({ q: undefined, org: undefined, kind: undefined, slot: undefined, track: undefined });
    expect(hasActiveFilters(junk)).toBe(false);
    expect(parseProgrammeFilters({ q: ["a", "b"], slot: "abc" })).toMatchObject({ q: "a", slot: undefined });
    expect(parseProgrammeFilters({ q: "x".repeat(500) }).q).toHaveLength(200);
  });
});

describe("events", () => {
  it("unpublished events are invisible to getEventBySlug and listEvents", async () => {
    tempEvent({ slug: "hemlig-2019", startsOn: "2019-03-14", endsOn: "2019-03-15", published: false });
    expect(await getEventBySlug({ slug: "hemlig-2019" })).toBeNull();
    expect((await listEvents()).map((e) => e.slug)).toEqual([DEMO_EVENT_SLUG]);
    expect(await getEventBySlug({ slug: "finns-inte" })).toBeNull();
  });

  it("listEvents gives published events newest first", async () => {
    tempEvent({ slug: "konf-2016", startsOn: "2016-03-10", endsOn: "2016-03-11", published: true });
    tempEvent({ slug: "konf-2020", startsOn: "2020-03-12", endsOn: "2020-03-13", published: true });
    expect((await listEvents()).map((e) => e.slug)).toEqual(["konf-2020", DEMO_EVENT_SLUG, "konf-2016"]);
  });

  it("getCurrentEvent: the only event, even long after it ended", async () => {
    expect((await getCurrentEvent({ today: new Date("2030-01-01T12:00:00Z") }))!.slug).toBe(DEMO_EVENT_SLUG);
  });

  it("getCurrentEvent: the next upcoming published event, ignoring unpublished ones", async () => {
    tempEvent({ slug: "konf-2031", startsOn: "2031-03-12", endsOn: "2031-03-13", published: true });
    tempEvent({ slug: "konf-2030", startsOn: "2030-03-14", endsOn: "2030-03-15", published: true });
    tempEvent({ slug: "utkast-2029", startsOn: "2029-03-14", endsOn: "2029-03-15", published: false });
    const at = async (iso: string) => (await getCurrentEvent({ today: new Date(iso) }))!.slug;
    expect(await at("2018-01-01T12:00:00Z")).toBe(DEMO_EVENT_SLUG);
    expect(await at("2018-03-15T12:00:00Z")).toBe(DEMO_EVENT_SLUG); // last day: still current
    expect(await at("2018-03-16T12:00:00Z")).toBe("konf-2030");
    expect(await at("2029-06-01T12:00:00Z")).toBe("konf-2030");
    expect(await at("2030-03-14T12:00:00Z")).toBe("konf-2030");
    expect(await at("2030-03-16T12:00:00Z")).toBe("konf-2031");
    // after all of them: the most recent
    expect(await at("2035-01-01T12:00:00Z")).toBe("konf-2031");
  });

  it("getCurrentEvent: an event has ended at midnight in its own time zone, not in UTC", async () => {
    tempEvent({ slug: "konf-2030", startsOn: "2030-03-14", endsOn: "2030-03-15", published: true });
    tempEvent({ slug: "konf-2031", startsOn: "2031-03-12", endsOn: "2031-03-13", published: true });
    const at = async (iso: string) => (await getCurrentEvent({ today: new Date(iso) }))!.slug;
    expect(await at("2030-03-15T22:59:00Z")).toBe("konf-2030"); // 23:59 on the last day in Stockholm
    expect(await at("2030-03-15T23:30:00Z")).toBe("konf-2031"); // 00:30 the day after in Stockholm
  });

  it("getCurrentEvent: null when nothing is published", async () => {
    db.update(events).set({ published: false }).where(eq(events.id, demo.id)).run();
    try {
      expect(await getCurrentEvent()).toBeNull();
      expect(await listEvents()).toEqual([]);
    } finally {
      db.update(events).set({ published: true }).where(eq(events.id, demo.id)).run();
    }
  });
});

describe("speakers", () => {
  it("getSpeakerBySlug: the speaker with organisation and public lärpass with their event", async () => {
    const britta = await getSpeakerBySlug({ slug: "britta-zetterlund-johansson" });
    expect(britta!.speaker).toMatchObject({ name: "Britta Zetterlund-Johansson", organisation: { name: "Region Värmland", kind: "region" } });
    expect(britta!.larpass.map((l) => l.title)).toEqual(["Behåll talangerna!"]);
    expect(britta!.larpass[0].event).toEqual({ slug: DEMO_EVENT_SLUG, name: "Reglabs årskonferens 2018", timeZone: "Europe/Stockholm" });
    for (const [slug, name] of [
      ["anne-charlotte-sverkstrom", "Anne-Charlotte Sverkström"],
      ["maja-hedin", "Maja Hedin"],
    ]) {
      const page = await getSpeakerBySlug({ slug });
      expect(page!.speaker).toMatchObject({ name, organisation: { name: "Effect management", slug: "effect-management", kind: "company" } });
    }
  });

  it("never exposes the private email", async () => {
    db.update(speakers).set({ email: "maja@example.se" }).where(eq(speakers.slug, "maja-hedin")).run();
    try {
      const page = await getSpeakerBySlug({ slug: "maja-hedin" });
      expect(JSON.stringify(page)).not.toContain("maja@example.se");
      expect(JSON.stringify(await programme())).not.toContain("maja@example.se");
      expect(JSON.stringify(await getOrganisationBySlug({ slug: "effect-management" }))).not.toContain("maja@example.se");
    } finally {
      db.update(speakers).set({ email: null }).where(eq(speakers.slug, "maja-hedin")).run();
    }
  });

  it("getSpeakerBySlug: null for unknown slugs and for speakers with only draft lärpass", async () => {
    expect(await getSpeakerBySlug({ slug: "finns-inte" })).toBeNull();
    expect(await getSpeakerBySlug({ slug: "kjell-nilsson" })).not.toBeNull();
    patchLarpass("state-of-the-nordic-region-2018", { status: "draft" });
    expect(await getSpeakerBySlug({ slug: "kjell-nilsson" })).toBeNull();
  });

  it("getSpeakerBySlug: a cancelled lärpass still counts, an unpublished event does not", async () => {
    patchLarpass("state-of-the-nordic-region-2018", { status: "cancelled" });
    expect((await getSpeakerBySlug({ slug: "kjell-nilsson" }))!.larpass[0].status).toBe("cancelled");
    db.update(events).set({ published: false }).where(eq(events.id, demo.id)).run();
    try {
      expect(await getSpeakerBySlug({ slug: "kjell-nilsson" })).toBeNull();
      expect(await getOrganisationBySlug({ slug: "nordregio" })).toBeNull();
      expect(await listOrganisations()).toEqual([]);
    } finally {
      db.update(events).set({ published: true }).where(eq(events.id, demo.id)).run();
    }
  });
});

describe("organisations", () => {
  it("listOrganisations: Swedish alphabetical order with speaker and lärpass counts", async () => {
    const list = await listOrganisations();
    expect(list.map((o) => o.name)).toEqual([
      "Cajalma AB",
      "Effect management",
      "ESF-rådet",
      "Landstinget Västernorrland",
      "Luleå tekniska universitet",
      "Nordregio",
      "Ramböll",
      "Region Dalarna",
      "Region Gävleborg",
      "Region Norrbotten",
      "Region Uppsala",
      "Region Värmland",
      "Region Västerbotten",
      "Region Östergötland",
      "SKL",
      "Tillväxtverket",
      "Västra Götalandsregionen",
    ]);
    const by = Object.fromEntries(list.map((o) => [o.slug, o]));
    expect(by["region-vasterbotten"]).toMatchObject({ speakerCount: 5, larpassCount: 3, kind: "region" });
    expect(by["region-gavleborg"]).toMatchObject({ speakerCount: 3, larpassCount: 2 });
    expect(by["tillvaxtverket"]).toMatchObject({ speakerCount: 3, larpassCount: 2, kind: "agency" });
    expect(by["effect-management"]).toMatchObject({ speakerCount: 2, larpassCount: 1, kind: "company" });
    expect(by["nordregio"]).toMatchObject({ speakerCount: 1, larpassCount: 1 });
  });

  it("listOrganisations: Ö after Z, Å/Ä/Ö in Swedish order", async () => {
    const event = tempEvent({ slug: "konf-2019", startsOn: "2019-03-14", endsOn: "2019-03-15", published: true });
    const text = [
      "Lärpass 2019",
      "",
      "Inledning.",
      "",
      "Gruvorna och regionen",
      "Om gruvnäringen.",
      "Anna Zetterberg, Zinkgruvan Mining AB och Olle Öst, Örebro universitet",
      "",
      "Fjällen",
      "Om turism.",
      "Åsa Åhlén, Åre kommun och Ärla Äng, Älvsbyns kommun",
    ].join("\n");
    importProgramme({ eventId: event.id, programme: parseProgramme(text), database: db });
    const names = (await listOrganisations()).map((o) => o.name);
    expect(names.slice(-4)).toEqual(["Zinkgruvan Mining AB", "Åre kommun", "Älvsbyns kommun", "Örebro universitet"]);
    expect(names.indexOf("Västra Götalandsregionen")).toBeLessThan(names.indexOf("Zinkgruvan Mining AB"));
  });

  it("getOrganisationBySlug: speakers in Swedish order and the organisation's public lärpass", async () => {
    const page = await getOrganisationBySlug({ slug: "region-vasterbotten" });
    expect(page!.organisation).toMatchObject({ name: "Region Västerbotten", kind: "region" });
    expect(page!.speakers.map((s) => s.name)).toEqual(["Anna Norin", "Aurora Pelli", "Micaela Löwenhöök", "Niklas Gandal", "Tobias Thomson"]);
    expect(page!.larpass.map((l) => l.title)).toEqual([
      "BRP+ vad gömmer sig bakom mätetalen?",
      "Batterifabriken kommer ‒ stora etableringar i små kommuner",
      "Region med rätt att påverka",
    ]);
  });

  it("getOrganisationBySlug: null for unknown slugs and for organisations with only draft lärpass", async () => {
    expect(await getOrganisationBySlug({ slug: "finns-inte" })).toBeNull();
    patchLarpass("state-of-the-nordic-region-2018", { status: "draft" });
    expect(await getOrganisationBySlug({ slug: "nordregio" })).toBeNull();
    expect((await listOrganisations()).map((o) => o.slug)).not.toContain("nordregio");
  });

  it("getOrganisationBySlug: only speakers with something public are listed", async () => {
    // Region Västerbotten's Anna Norin is only in BRP+; make it a draft
    patchLarpass("brp-vad-gommer-sig-bakom-matetalen", { status: "draft" });
    const page = await getOrganisationBySlug({ slug: "region-vasterbotten" });
    expect(page!.speakers.map((s) => s.name)).not.toContain("Anna Norin");
    expect(page!.larpass).toHaveLength(2);
    const summary = (await listOrganisations()).find((o) => o.slug === "region-vasterbotten");
    expect(summary).toMatchObject({ speakerCount: 4, larpassCount: 2 });
  });
});

describe("restores", () => {
  it("the tests above left the demo as seeded", async () => {
    const p = await programme();
    expect(p.total).toBe(14);
    expect((await listEvents()).map((e) => e.slug)).toEqual([DEMO_EVENT_SLUG]);
    const statuses = db.select({ status: larpass.status }).from(larpass).where(inArray(larpass.eventId, [demo.id])).all();
    expect(new Set(statuses.map((s) => s.status))).toEqual(new Set(["published"]));
  });
});

describe("a large event of several days is shown one day at a time", () => {
  it("splits from DAY_SPLIT_AT lärpass: today's or the first day by default, another day or every day on request", async () => {
    const { createEvent } = await import("@/test/factories");
    const { DAY_SPLIT_AT } = await import("./programme");
    const f = createEvent(db, { startsOn: "2030-05-06", endsOn: "2030-05-07" });
    const day1 = f.slot("09:00", "09:45", "2030-05-06");
    const day2 = f.slot("09:00", "09:45", "2030-05-07");
    for (let i = 0; i < DAY_SPLIT_AT / 2; i++) f.larpass({ slot: day1 });
    for (let i = 0; i < DAY_SPLIT_AT / 2; i++) f.larpass({ slot: day2 });
    const eventId = f.event.id;

    // At DAY_SPLIT_AT lärpass: everything on one page, as before.
    const small = await getProgramme({ eventId });
    expect(small.days).toEqual([]);
    expect(small.shown).toBe(DAY_SPLIT_AT);

    f.larpass({ slot: day2 });
    f.larpass({ slot: null });
    const before = await getProgramme({ eventId, today: new Date("2030-01-01T12:00:00Z") });
    expect(before.days).toEqual([
      { date: "2030-05-06", count: DAY_SPLIT_AT / 2 },
      { date: "2030-05-07", count: DAY_SPLIT_AT / 2 + 1 },
    ]);
    expect(before.day).toBe("2030-05-06");
    // The first day and the lärpass without a time.
    expect(before.shown).toBe(DAY_SPLIT_AT / 2 + 1);
    expect(before.total).toBe(DAY_SPLIT_AT + 2);

    const during = await getProgramme({ eventId, today: new Date("2030-05-07T08:00:00Z") });
    expect(during.day).toBe("2030-05-07");
    expect((await getProgramme({ eventId, filters: { dag: "2030-05-07" } })).shown).toBe(DAY_SPLIT_AT / 2 + 2);
    expect((await getProgramme({ eventId, filters: { dag: "alla" } })).shown).toBe(DAY_SPLIT_AT + 2);
    // A time asked for wins over the day; a day the event does not have falls back to the default.
    expect(await getProgramme({ eventId, filters: { slot: day2.id } })).toMatchObject({ day: null, shown: DAY_SPLIT_AT / 2 + 1 });
    expect((await getProgramme({ eventId, filters: { dag: "2031-01-01" }, today: new Date("2030-01-01T12:00:00Z") })).day).toBe("2030-05-06");
    expect(parseProgrammeFilters({ dag: "alla" })).toEqual({ dag: "alla" });
    expect(parseProgrammeFilters({ dag: "<script>" })).toEqual({});
  });
});
