// schedule.json (C3VOC format) validated against test/fixtures/schemas/schedule.schema.json (a copy of the
// shared schedule-format schema, draft-06) with ajv and ajv-formats.
import fs from "node:fs";
import path from "node:path";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import draft06 from "ajv/dist/refs/json-schema-draft-06.json";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { larpassSpeakers, speakers } from "@/db/schema";
import { larpassGuid } from "@/lib/schedule-xml";
import { DEMO_EVENT_SLUG, seedDemo } from "@/scripts/seed";
import { createEvent } from "@/test/factories";
import { acronymOf, getScheduleJson } from "./schedule-json";

const SCHEMA = path.resolve(__dirname, "..", "..", "test", "fixtures", "schemas", "schedule.schema.json");

function validator() {
  // strict: false because the upstream schema carries keywords of its own ("$oneOf", "$todo").
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addMetaSchema(draft06);
  addFormats(ajv);
  ajv.addFormat("color", /^(#[0-9a-fA-F]{3,8}|[a-z]+)$/);
  return ajv.compile(JSON.parse(fs.readFileSync(SCHEMA, "utf8")));
}
const validate = validator();

function expectValid(doc: unknown) {
  const ok = validate(doc);
  expect(ok ? [] : validate.errors!.map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`)).toEqual([]);
}

beforeAll(() => {
  seedDemo(db);
});

describe("schedule.json", () => {
  it("the validator rejects what the schema forbids (so a pass means something)", () => {
    expect(validate({ schedule: { version: "1", conference: { acronym: "arskonferens-2018" } } })).toBe(false);
    expect(validate({})).toBe(false);
  });

  it("the seeded 2018 programme validates, with every published lärpass once", () => {
    const doc = getScheduleJson({ slug: DEMO_EVENT_SLUG, baseUrl: "https://larpass.example.se" })!;
    expectValid(doc);
    const conference = doc.schedule.conference as { acronym: string; title: string; daysCount: number; days: { date: string; rooms: Record<string, { title: string; date: string; start: string; duration: string; url: string; guid: string }[]> }[] };
    expect(conference.acronym).toBe("arskonferens_2018");
    expect(conference.title).toBe("Reglabs årskonferens 2018");
    expect(conference.daysCount).toBe(2);
    const all = conference.days.flatMap((d) => Object.values(d.rooms).flat());
    expect(all).toHaveLength(14);
    const behall = all.find((e) => e.url.endsWith("/larpass/behall-talangerna"))!;
    expect(behall.url).toBe("https://larpass.example.se/evenemang/arskonferens-2018/larpass/behall-talangerna");
    expect(all.map((e) => e.start)).toContain("10:15");
    expect(all.every((e) => e.duration === "00:45")).toBe(true);
    expect(conference.days[1].date).toBe("2018-03-15");
    expect(all[0].date).toMatch(/^2018-03-15T\d\d:\d\d:00\+01:00$/);
  });

  it("hostile names, odd slugs, no room, drafts and cancellations: still valid, and only the public lärpass", () => {
    const f = createEvent(db, { slug: "ab", name: 'Test & <prov> "2018"', startsOn: "2018-03-15", endsOn: "2018-03-16" });
    const slot = f.slot("09:00", "09:45", "2018-03-16");
    const room = f.room(20, "Rum <A> & 'B'");
    const odd = f.larpass({ slot, room, title: 'A & B <c> "d" \u0001\u{1F600}' });
    f.larpass({ slot, room: null, title: "Utan lokal" });
    f.larpass({ slot: null, title: "Utan tid" });
    f.larpass({ slot, room, title: "Utkast", status: "draft" });
    f.larpass({ slot, room, title: "Inställt", status: "cancelled" });
    const s = db.insert(speakers).values({ slug: `talare-${odd.id}`, name: "Åsa & Öst", email: "hemlig@example.se" }).returning().get();
    db.insert(larpassSpeakers).values({ larpassId: odd.id, speakerId: s.id }).run();
    const doc = getScheduleJson({ slug: f.event.slug })!;
    expectValid(doc);
    const text = JSON.stringify(doc);
    expect(text).not.toContain("Utkast");
    expect(text).not.toContain("Utan tid");
    expect(text).not.toContain("Inställt");
    expect(text).not.toContain("hemlig@example.se");
    expect(text).toContain("Lokal meddelas senare");
    expect(text).toContain(larpassGuid(f.event.slug, odd.id));
    expect((doc.schedule.conference as { acronym: string }).acronym).toBe("ab__");
  });

  it("an event with nothing scheduled validates; an unpublished or unknown one has none", () => {
    const empty = createEvent(db, { startsOn: "2016-05-10", endsOn: "2016-05-10" });
    expectValid(getScheduleJson({ slug: empty.event.slug }));
    const hidden = createEvent(db, { published: false });
    expect(getScheduleJson({ slug: hidden.event.slug })).toBeNull();
    expect(getScheduleJson({ slug: "finns-inte" })).toBeNull();
  });

  it("acronyms match the schema's pattern", () => {
    const pattern = /^[a-z0-9_-][a-z0-9_]{3,}(-2[0-9]{3}-[a-z]+)?$/;
    for (const slug of ["arskonferens-2018", "a", "x-y", "test-1234-5", "ÅÄÖ", ""]) expect(acronymOf(slug), slug).toMatch(pattern);
  });
});
