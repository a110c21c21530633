// The Ändringar feeds (RSS 2.0 and Atom 1.0) are well-formed XML (xmllint, as for schedule.xml) and carry
// each public change, escaped; an unpublished event has none.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { recordChange } from "@/lib/changes";
import { createEvent } from "@/test/factories";
import { buildChangesFeed } from "./changes-feed";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "larpass-feed-"));

/** xmllint's verdict on well-formedness, and an XPath count. */
function xmllint(xml: string, name: string, xpath?: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, xml);
  const args = xpath ? ["--xpath", xpath, file] : ["--noout", file];
  return execFileSync("xmllint", args, { stdio: "pipe" }).toString().trim();
}

describe("Ändringar as RSS and Atom", () => {
  it("are well-formed and list each change with its lärpass link, newest first", async () => {
    const f = createEvent(db);
    const slot = f.slot("09:00", "09:45");
    const a = f.larpass({ slot, title: 'Vård & omsorg <i hemmet> "nu"' });
    const b = f.larpass({ slot, title: "Tillväxt" });
    recordChange(db, { larpassId: a.id, kind: "time", before: "09:00–09:45", after: "10:00–10:45" });
    recordChange(db, { larpassId: b.id, kind: "cancelled" });
    const feed = (await buildChangesFeed({ eventSlug: f.event.slug, baseUrl: "https://larpass.example.se" }))!;

    const rss = feed.rss2();
    expect(() => xmllint(rss, "rss.xml")).not.toThrow();
    expect(xmllint(rss, "rss.xml", "count(/rss/channel/item)")).toBe("2");
    expect(xmllint(rss, "rss.xml", "string(/rss/channel/language)")).toBe("sv");
    const titles = xmllint(rss, "rss.xml", "string(/rss/channel/item[2]/title)");
    expect(titles).toBe('Ny tid: Vård & omsorg <i hemmet> "nu"');
    expect(xmllint(rss, "rss.xml", "string(/rss/channel/item[2]/link)")).toBe(`https://larpass.example.se/evenemang/${f.event.slug}/larpass/${a.slug}`);
    expect(xmllint(rss, "rss.xml", "string(/rss/channel/item[1]/title)")).toBe("Inställt: Tillväxt");

    const atom = feed.atom1();
    expect(() => xmllint(atom, "atom.xml")).not.toThrow();
    expect(xmllint(atom, "atom.xml", "count(/*[local-name()='feed']/*[local-name()='entry'])")).toBe("2");
    expect(xmllint(atom, "atom.xml", "string(/*[local-name()='feed']/*[local-name()='entry'][2]/*[local-name()='summary'])")).toContain("09:00–09:45 → 10:00–10:45");
  });

  it("an event without changes still gives a valid, empty feed; an unpublished event has none", async () => {
    const f = createEvent(db);
    const feed = (await buildChangesFeed({ eventSlug: f.event.slug, baseUrl: "http://localhost:3000" }))!;
    expect(xmllint(feed.rss2(), "empty.xml", "count(/rss/channel/item)")).toBe("0");
    expect(() => xmllint(feed.atom1(), "empty-atom.xml")).not.toThrow();
    const hidden = createEvent(db, { published: false });
    expect(await buildChangesFeed({ eventSlug: hidden.event.slug, baseUrl: "x" })).toBeNull();
  });
});
