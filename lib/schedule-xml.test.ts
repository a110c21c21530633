// schedule.xml (frab format) validated against test/fixtures/schemas/schedule.xml.xsd (a copy of the shared schedule-format schema) with xmllint.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { DEMO_EVENT_SLUG, seedDemo } from "@/scripts/seed";
import { larpassSpeakers, speakers } from "@/db/schema";
import { createEvent } from "@/test/factories";
import { getScheduleXml, larpassGuid, xmlText } from "./schedule-xml";

const XSD = path.resolve(__dirname, "..", "test", "fixtures", "schemas", "schedule.xml.xsd");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "larpass-xml-"));

function hasXmllint(): boolean {
  try {
    execFileSync("xmllint", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** xmllint's verdict; throws with its messages when the document is invalid. */
function validate(xml: string, name: string): void {
  const file = path.join(dir, `${name}.xml`);
  fs.writeFileSync(file, xml);
  try {
    execFileSync("xmllint", ["--noout", "--schema", XSD, file], { stdio: "pipe" });
  } catch (error) {
    const e = error as { stderr?: Buffer };
    throw new Error(`schedule.xml är inte giltig mot ${XSD}:\n${e.stderr?.toString() ?? String(error)}`);
  }
}

beforeAll(() => {
  seedDemo(db);
});

describe("schedule.xml", () => {
  it("the schema and xmllint are there (apt-get install libxml2-utils)", () => {
    expect(fs.existsSync(XSD), XSD).toBe(true);
    expect(hasXmllint(), "xmllint saknas: apt-get install -y libxml2-utils").toBe(true);
  });

  it("the seeded 2018 programme validates, with every published lärpass once", () => {
    const xml = getScheduleXml({ slug: DEMO_EVENT_SLUG, baseUrl: "https://larpass.example.se" })!;
    validate(xml, "demo");
    expect(xml.match(/<event id=/g)).toHaveLength(14);
    expect(xml).toContain("<title>Reglabs årskonferens 2018</title>");
    expect(xml).toContain("<days>2</days>");
    expect(xml).toContain('<day index="1" date="2018-03-14">');
    expect(xml).toContain('<day index="2" date="2018-03-15" start="2018-03-15T09:00:00+01:00" end="2018-03-15T12:00:00+01:00">');
    expect(xml).toContain("<start>10:15</start>");
    expect(xml).toContain("<duration>00:45</duration>");
    expect(xml).toContain('<room name="Stora salen">');
    expect(xml).toContain('href="https://larpass.example.se/evenemang/arskonferens-2018/larpass/behall-talangerna"');
  });

  it("escapes what XML needs escaped, drops what XML forbids, and still validates", () => {
    const f = createEvent(db, { name: "Test & <prov> \"2018\"", startsOn: "2018-03-15", endsOn: "2018-03-16" });
    const slot = f.slot("09:00", "09:45", "2018-03-16");
    const room = f.room(20, "Rum <A> & 'B'");
    const odd = f.larpass({ slot, room, title: 'A & B <c> "d" \u0001\u{1F600}' });
    f.larpass({ slot, room: null, title: "Utan lokal" });
    f.larpass({ slot: null, title: "Utan tid" });
    f.larpass({ slot, room, title: "Utkast", status: "draft" });
    f.larpass({ slot, room, title: "Inställt", status: "cancelled" });
    const s = db.insert(speakers).values({ slug: `talare-${odd.id}`, name: "Åsa & Öst" }).returning().get();
    db.insert(larpassSpeakers).values({ larpassId: odd.id, speakerId: s.id }).run();

    const xml = getScheduleXml({ slug: f.event.slug, baseUrl: "http://localhost:3000" })!;
    validate(xml, "escaped");
    expect(xml).toContain("<title>A &amp; B &lt;c&gt; &quot;d&quot; \u{1F600}</title>");
    expect(xml).not.toContain("\u0001");
    expect(xml).toContain(`<person id="${s.id}">Åsa &amp; Öst</person>`);
    expect(xml).toContain('<room name="Lokal meddelas senare">');
    expect(xml).toContain('<room name="Rum &lt;A&gt; &amp; &apos;B&apos;">');
    expect(xml).not.toContain("Utan tid");
    expect(xml).not.toContain("Utkast");
    expect(xml).not.toContain("Inställt");
    expect(xml).toContain('<day index="1" date="2018-03-15">');
    expect(xml).toContain(`<event id="${odd.id}" guid="${larpassGuid(f.event.slug, odd.id)}">`);
  });

  it("an event with nothing scheduled still validates (an empty day per date)", () => {
    const f = createEvent(db, { startsOn: "2016-05-10", endsOn: "2016-05-10" });
    const xml = getScheduleXml({ slug: f.event.slug })!;
    validate(xml, "empty");
    expect(xml).toContain('<day index="1" date="2016-05-10">\n  </day>');
  });

  it("an unpublished or unknown event has none", () => {
    const hidden = createEvent(db, { published: false });
    expect(getScheduleXml({ slug: hidden.event.slug })).toBeNull();
    expect(getScheduleXml({ slug: "finns-inte" })).toBeNull();
  });

  it("guids are stable and UUID-shaped", () => {
    expect(larpassGuid("a", 1)).toBe(larpassGuid("a", 1));
    expect(larpassGuid("a", 1)).not.toBe(larpassGuid("a", 2));
    expect(larpassGuid("a", 1)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(xmlText("\uD800x\u{1F600}")).toBe("x\u{1F600}");
  });
});
