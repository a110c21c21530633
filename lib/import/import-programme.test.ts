// The import against a real SQLite file (see test/setup-db.ts); every test starts from empty tables.
import fs from "node:fs";
import { asc, count, eq, type SQL } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/db";
import { events, larpass, larpassSpeakers, organisations, speakers } from "@/db/schema";
import { getSpeakerBySlug } from "@/lib/programme";
import { ImportError, importProgramme, type ImportResult } from "./import-programme";
import { guessOrganisationKind } from "./organisation-kind";
import { parseProgramme, type ParsedProgramme } from "./parse-programme";

const fixtureText = fs.readFileSync(new URL("./fixtures/larpass-2018.txt", import.meta.url), "utf8");
const fixture = () => parseProgramme(fixtureText);

/** Row count, synchronously (db.$count is a thenable builder, not a number). */
function countOf(table: SQLiteTable, where?: SQL): number {
  return db.select({ n: count() }).from(table).where(where).get()!.n;
}

let eventId: number;
beforeEach(() => {
  // organisations and speakers outlive events, so clear them too
  db.delete(events).run();
  db.delete(speakers).run();
  db.delete(organisations).run();
  eventId = newEvent("arskonferens-2019");
});

function newEvent(slug: string): number {
  return db.insert(events).values({ slug, name: slug, startsOn: "2019-03-14", endsOn: "2019-03-15", published: true }).returning().get().id;
}

const counts = () => ({
  events: countOf(events),
  organisations: countOf(organisations),
  speakers: countOf(speakers),
  larpass: countOf(larpass),
  links: countOf(larpassSpeakers),
});
const actions = (list: { action: string }[]) =>
  list.reduce<Record<string, number>>((acc, x) => ({ ...acc, [x.action]: (acc[x.action] ?? 0) + 1 }), {});
const run = (programme: ParsedProgramme, opts: Partial<Parameters<typeof importProgramme>[0]> = {}): ImportResult =>
  importProgramme({ eventId, programme, database: db, ...opts });

/** A small programme in the published text format. */
function text(...sessions: [title: string, abstract: string, speakerLine: string][]): string {
  return ["Lärpass 2019", "", "Inledning.", "", ...sessions.flatMap(([t, a, s]) => [t, a, s, ""])].join("\n");
}

describe("importing the 2018 list into a fresh event", () => {
  it("creates every organisation, speaker and lärpass once", () => {
    const result = run(fixture());
    expect(counts()).toEqual({ events: 1, organisations: 17, speakers: 29, larpass: 14, links: 29 });
    expect(actions(result.larpass)).toEqual({ create: 14 });
    expect(actions(result.speakers)).toEqual({ create: 29 });
    expect(actions(result.organisations)).toEqual({ create: 17 });
    expect(result.larpassIds).toHaveLength(14);
    // the same organisation named by several speakers and lärpass is one row
    const vb = db.select().from(organisations).where(eq(organisations.name, "Region Västerbotten")).all();
    expect(vb).toHaveLength(1);
    expect(countOf(speakers, eq(speakers.organisationId, vb[0].id))).toBe(5);
  });

  it("stores lärpass with slug, abstract, status, sort order, version 1, speakers in order", () => {
    run(fixture(), { status: "draft" });
    const rows = db.select().from(larpass).orderBy(asc(larpass.sortOrder)).all();
    expect(rows.map((r) => r.sortOrder)).toEqual(Array.from({ length: 14 }, (_, i) => i + 1));
    expect(rows.every((r) => r.status === "draft" && r.version === 1 && r.eventId === eventId)).toBe(true);
    const behall = rows.find((r) => r.slug === "behall-talangerna")!;
    expect(behall.title).toBe("Behåll talangerna!");
    expect(behall.abstract).toMatch(/^Urbaniseringen kan dränera/);
    const names = db
      .select({ name: speakers.name, org: organisations.name, position: larpassSpeakers.position })
      .from(larpassSpeakers)
      .innerJoin(speakers, eq(speakers.id, larpassSpeakers.speakerId))
      .leftJoin(organisations, eq(organisations.id, speakers.organisationId))
      .where(eq(larpassSpeakers.larpassId, behall.id))
      .orderBy(asc(larpassSpeakers.position))
      .all();
    expect(names).toEqual([
      { name: "Britta Zetterlund-Johansson", org: "Region Värmland", position: 0 },
      { name: "Anne-Charlotte Sverkström", org: "Effect management", position: 1 },
      { name: "Maja Hedin", org: "Effect management", position: 2 },
    ]);
    const kjell = db.select().from(speakers).where(eq(speakers.slug, "kjell-nilsson")).get()!;
    expect(kjell.role).toBe("direktör");
  });

  it("guesses organisation kinds", () => {
    run(fixture());
    const kind = (name: string) => db.select().from(organisations).where(eq(organisations.name, name)).get()?.kind;
    expect(kind("Region Norrbotten")).toBe("region");
    expect(kind("Region Värmland")).toBe("region");
    expect(kind("Västra Götalandsregionen")).toBe("region");
    expect(kind("Landstinget Västernorrland")).toBe("region");
    expect(kind("Tillväxtverket")).toBe("agency");
    expect(kind("ESF-rådet")).toBe("agency");
    expect(kind("Luleå tekniska universitet")).toBe("university");
    expect(kind("Cajalma AB")).toBe("company");
    expect(kind("Effect management")).toBe("company");
    expect(kind("Ramböll")).toBe("company");
    expect(kind("SKL")).toBe("other");
  });

  it("guessOrganisationKind on names not in the list", () => {
    expect(guessOrganisationKind("Region Jämtland Härjedalen")).toBe("region");
    expect(guessOrganisationKind("Regionförbundet Kalmar län")).toBe("region");
    expect(guessOrganisationKind("Länsstyrelsen i Dalarnas län")).toBe("agency");
    expect(guessOrganisationKind("Vinnova")).toBe("agency");
    expect(guessOrganisationKind("Mittuniversitetet")).toBe("university");
    expect(guessOrganisationKind("Högskolan Dalarna")).toBe("university");
    expect(guessOrganisationKind("Sweco Society AB")).toBe("company");
    expect(guessOrganisationKind("Coompanion")).toBe("other");
    // "region" inside a word is not a region
    expect(guessOrganisationKind("Regionalt forum")).toBe("other");
  });
});

describe("re-importing", () => {
  it("the same file creates nothing new and reports everything unchanged", () => {
    const first = run(fixture());
    const before = counts();
    const rowsBefore = db.select().from(larpass).all();
    const second = run(fixture());
    expect(counts()).toEqual(before);
    expect(actions(second.larpass)).toEqual({ unchanged: 14 });
    expect(actions(second.speakers)).toEqual({ unchanged: 29 });
    expect(actions(second.organisations)).toEqual({ unchanged: 17 });
    expect(second.larpassIds).toEqual(first.larpassIds);
    expect(db.select().from(larpass).all()).toEqual(rowsBefore); // not even updated_at or version moved
  });

  it("an edited text updates lärpass in place: same ids, version bumped, no duplicates", () => {
    const first = run(fixture());
    const before = counts();
    const gisBefore = db.select().from(larpass).where(eq(larpass.slug, "nya-mojligheter-med-gis")).get()!;
    const edited = fixtureText
      .replace("Ett samordnat GIS-arbete kan ge mervärde för alla regioner.", "Nu med nya exempel från 2018.")
      .replace(
        "Mats Andersson, ESF-rådet",
        "Mats Andersson, ESF-rådet och Eva Ek, Region Jämtland Härjedalen",
      );
    const result = run(parseProgramme(edited));

    expect(result.larpassIds).toEqual(first.larpassIds);
    expect(actions(result.larpass)).toEqual({ unchanged: 12, update: 2 });
    expect(result.larpass.find((l) => l.title === "Nya möjligheter med GIS")).toEqual({
      title: "Nya möjligheter med GIS",
      action: "update",
      changes: ["sammanfattning"],
    });
    expect(result.larpass.find((l) => l.title.startsWith("Kan branschskolor"))!.changes).toEqual(["talare"]);
    expect(actions(result.speakers)).toEqual({ unchanged: 29, create: 1 });
    expect(actions(result.organisations)).toEqual({ unchanged: 17, create: 1 });
    expect(counts()).toEqual({ ...before, speakers: 30, organisations: 18, links: 30 });

    const gis = db.select().from(larpass).where(eq(larpass.id, gisBefore.id)).get()!;
    expect(gis.abstract).toContain("Nu med nya exempel från 2018.");
    expect(gis.version).toBe(2);
    expect(gis.slug).toBe(gisBefore.slug);
    expect(gis.updatedAt.getTime()).toBeGreaterThanOrEqual(gisBefore.updatedAt.getTime());

    const branschId = result.larpassIds[13];
    const branschSpeakers = db
      .select({ name: speakers.name, org: organisations.name, kind: organisations.kind })
      .from(larpassSpeakers)
      .innerJoin(speakers, eq(speakers.id, larpassSpeakers.speakerId))
      .innerJoin(organisations, eq(organisations.id, speakers.organisationId))
      .where(eq(larpassSpeakers.larpassId, branschId))
      .orderBy(asc(larpassSpeakers.position))
      .all();
    expect(branschSpeakers).toEqual([
      { name: "Mats Andersson", org: "ESF-rådet", kind: "agency" },
      { name: "Eva Ek", org: "Region Jämtland Härjedalen", kind: "region" },
    ]);
    expect(db.select().from(larpass).where(eq(larpass.id, branschId)).get()!.version).toBe(2);
    // untouched lärpass keep version 1
    expect(countOf(larpass, eq(larpass.version, 1))).toBe(12);

    // and importing the edited text again is a no-op
    const again = run(parseProgramme(edited));
    expect(actions(again.larpass)).toEqual({ unchanged: 14 });
    expect(counts()).toEqual({ ...before, speakers: 30, organisations: 18, links: 30 });
  });

  it("matches titles and names case-insensitively and does not touch lärpass missing from the file", () => {
    run(fixture());
    const before = counts();
    const small: ParsedProgramme = {
      heading: null,
      intro: "",
      warnings: [],
      sessions: [
        {
          title: "BEHÅLL TALANGERNA!",
          abstract: "Urbaniseringen kan dränera…",
          speakers: [{ name: "MAJA HEDIN", role: null, organisation: "EFFECT MANAGEMENT" }],
          line: 1,
        },
      ],
    };
    const result = run(small);
    expect(result.larpass).toEqual([{ title: "Behåll talangerna!", action: "update", changes: ["sammanfattning", "talare"] }]);
    expect(result.speakers).toEqual([{ name: "Maja Hedin", action: "unchanged" }]);
    expect(result.organisations).toEqual([{ name: "Effect management", action: "unchanged" }]);
    expect(counts()).toEqual({ ...before, links: before.links - 2 });
    expect(countOf(larpass)).toBe(14);
  });

  it("a speaker who changed organisation is updated, not duplicated", () => {
    run(parseProgramme(text(["Ett", "Om ett.", "Anna Berg, Region Halland"])));
    const anna = db.select().from(speakers).where(eq(speakers.slug, "anna-berg")).get()!;
    const result = run(parseProgramme(text(["Ett", "Om ett.", "Anna Berg, Tillväxtverket"])));
    expect(result.speakers).toEqual([{ name: "Anna Berg", action: "update" }]);
    const after = db.select().from(speakers).all();
    expect(after).toHaveLength(1);
    expect(after[0].id).toBe(anna.id);
    expect(db.select().from(organisations).where(eq(organisations.id, after[0].organisationId!)).get()!.name).toBe("Tillväxtverket");
  });
});

describe("speakers and organisations are shared", () => {
  it("a speaker in two lärpass is one row, linked to both", async () => {
    const result = run(
      parseProgramme(
        text(
          ["Första passet", "Om det första.", "Anna Berg, Region Halland och Per Lind, Tillväxtverket"],
          ["Andra passet", "Om det andra.", "Anna Berg, Region Halland"],
        ),
      ),
    );
    expect(result.speakers).toEqual([
      { name: "Anna Berg", action: "create" },
      { name: "Per Lind", action: "create" },
    ]);
    expect(countOf(speakers)).toBe(2);
    expect(countOf(organisations)).toBe(2);
    const anna = db.select().from(speakers).where(eq(speakers.name, "Anna Berg")).all();
    expect(anna).toHaveLength(1);
    expect(countOf(larpassSpeakers, eq(larpassSpeakers.speakerId, anna[0].id))).toBe(2);
    const page = await getSpeakerBySlug({ slug: anna[0].slug });
    expect(page!.larpass.map((l) => l.title)).toEqual(["Första passet", "Andra passet"]);
  });

  it("importing into a second event reuses organisations and speakers", () => {
    run(fixture());
    const before = counts();
    const other = newEvent("arskonferens-2020");
    const result = run(fixture(), { eventId: other });
    expect(actions(result.larpass)).toEqual({ create: 14 });
    expect(actions(result.speakers)).toEqual({ unchanged: 29 });
    expect(actions(result.organisations)).toEqual({ unchanged: 17 });
    expect(counts()).toEqual({ events: 2, organisations: 17, speakers: 29, larpass: 28, links: 58 });
    // lärpass slugs are per event: the same slug in both
    expect(countOf(larpass, eq(larpass.slug, "behall-talangerna"))).toBe(2);
    expect(before.larpass).toBe(14);
  });

  it("distinct names with the same slug get distinct slugs", () => {
    run(
      parseProgramme(
        text(
          ["Ett", "Om ett.", "Anna Öberg, Region Väst"],
          ["Två", "Om två.", "Anna Oberg, Region Vast"],
        ),
      ),
    );
    expect(db.select({ slug: speakers.slug }).from(speakers).orderBy(asc(speakers.id)).all().map((s) => s.slug)).toEqual([
      "anna-oberg",
      "anna-oberg-2",
    ]);
    expect(db.select({ slug: organisations.slug }).from(organisations).orderBy(asc(organisations.id)).all().map((s) => s.slug)).toEqual([
      "region-vast",
      "region-vast-2",
    ]);
  });

  it("the same title twice in one file: the first wins, no crash on the unique slug", () => {
    const result = run(parseProgramme(text(["Samma titel", "Första.", "Anna Berg, Region Halland"], ["Samma titel", "Andra.", "Per Lind, Tillväxtverket"])));
    expect(result.larpass).toEqual([{ title: "Samma titel", action: "create", changes: [] }]);
    expect(db.select().from(larpass).all().map((l) => l.abstract)).toEqual(["Första."]);
  });
});

describe("dry run", () => {
  it("writes nothing but reports what would be created", () => {
    const before = counts();
    const result = run(fixture(), { dryRun: true });
    expect(counts()).toEqual(before);
    expect(actions(result.larpass)).toEqual({ create: 14 });
    expect(actions(result.speakers)).toEqual({ create: 29 });
    expect(actions(result.organisations)).toEqual({ create: 17 });
    expect(result.larpassIds).toEqual([]);
  });

  it("against existing data: reports updates and creates, still writes nothing", () => {
    run(fixture());
    const before = counts();
    const rowsBefore = db.select().from(larpass).all();
    const edited = fixtureText.replace("Mats Andersson, ESF-rådet", "Mats Andersson, ESF-rådet och Eva Ek, Region Jämtland Härjedalen");
    const result = run(parseProgramme(edited), { dryRun: true });
    expect(actions(result.larpass)).toEqual({ unchanged: 13, update: 1 });
    expect(actions(result.speakers)).toEqual({ unchanged: 29, create: 1 });
    expect(actions(result.organisations)).toEqual({ unchanged: 17, create: 1 });
    expect(counts()).toEqual(before);
    expect(db.select().from(larpass).all()).toEqual(rowsBefore);
  });
});

describe("failures roll back", () => {
  it("an unknown event throws ImportError and writes nothing", () => {
    const before = counts();
    expect(() => run(fixture(), { eventId: 999_999 })).toThrow(ImportError);
    expect(() => run(fixture(), { eventId: 999_999 })).toThrow("Evenemanget finns inte.");
    expect(() => run(fixture(), { eventId: 999_999, dryRun: true })).toThrow(ImportError);
    expect(counts()).toEqual(before);
  });

  it("a database error halfway (after organisations and speakers were written) leaves no rows", () => {
    // A real failure inside the transaction: the third lärpass insert is refused by SQLite.
    db.$client.exec(`CREATE TEMP TRIGGER fail_third_larpass BEFORE INSERT ON larpass
      WHEN (SELECT count(*) FROM larpass) >= 2 BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    try {
      const before = counts();
      expect(() => run(fixture())).toThrow(/disk full/);
      expect(counts()).toEqual(before);
      expect(countOf(organisations)).toBe(0);
      expect(countOf(speakers)).toBe(0);
    } finally {
      db.$client.exec("DROP TRIGGER fail_third_larpass");
    }
    // and the database is usable afterwards
    run(fixture());
    expect(countOf(larpass)).toBe(14);
  });

  it("a failure halfway through a re-import keeps the previous state intact", () => {
    run(fixture());
    const before = counts();
    const rowsBefore = db.select().from(larpass).all();
    const edited = fixtureText
      .replace("Ett samordnat GIS-arbete kan ge mervärde för alla regioner.", "Ändrad.")
      .replace("Mats Andersson, ESF-rådet", "Mats Andersson, ESF-rådet och Eva Ek, Region Jämtland Härjedalen");
    db.$client.exec(`CREATE TEMP TRIGGER fail_links BEFORE INSERT ON larpass_speakers
      WHEN NEW.speaker_id = (SELECT id FROM speakers WHERE name = 'Eva Ek') BEGIN SELECT RAISE(ABORT, 'boom'); END`);
    try {
      expect(() => run(parseProgramme(edited))).toThrow(/boom/);
    } finally {
      db.$client.exec("DROP TRIGGER fail_links");
    }
    expect(counts()).toEqual(before);
    expect(db.select().from(larpass).all()).toEqual(rowsBefore);
    expect(db.select().from(speakers).where(eq(speakers.name, "Eva Ek")).all()).toEqual([]);
  });
});
