// Absurd dates already in the database (written before the forms checked them, or by hand) must not hang
// the server: every loop over an event's dates is bounded and the output stays small (issue #9, item 2).
// The rows are written with plain SQL, past every check; the functions run in a separate process
// (test/hostile-dates-worker.ts) with a timeout and a small heap, so a loop that never ends fails
// this test in seconds instead of hanging the run.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import type { HostileReport } from "@/test/hostile-dates-worker";
import { calendarDates, MAX_EVENT_DAYS, zonedToUtc } from "@/lib/time";

const root = fileURLToPath(new URL("..", import.meta.url));
const tsx = path.join(root, "node_modules", ".bin", "tsx");
const worker = path.join(root, "test", "hostile-dates-worker.ts");

type Hostile = { slug: string; startsOn: string; endsOn: string; dayDates?: string[]; slotDay?: string };

const HOSTILE: Hostile[] = [
  { slug: "slut-9999", startsOn: "2018-03-15", endsOn: "9999-12-31", dayDates: ["2018-03-15"], slotDay: "2018-03-15" },
  { slug: "slut-2109", startsOn: "2018-03-15", endsOn: "2109-03-15", dayDates: ["2018-03-15", "2018-03-16"], slotDay: "2018-03-16" },
  { slug: "baklanges", startsOn: "2018-03-15", endsOn: "2017-01-01" },
  { slug: "inte-datum", startsOn: "i morgon", endsOn: "9999-99-99", dayDates: ["9999-99-99"] },
  { slug: "utokat-ar", startsOn: "+010000-01-01", endsOn: "+275760-09-13" },
  { slug: "tomt", startsOn: "", endsOn: "" },
  { slug: "xml-i-datum", startsOn: "<a>&", endsOn: "2018-03-15" },
];

let reports: HostileReport[] = [];

beforeAll(async () => {
  const sqlite = db.$client;
  const insertEvent = sqlite.prepare("INSERT INTO events (slug, name, starts_on, ends_on, published) VALUES (?, ?, ?, ?, 1)");
  const insertDay = sqlite.prepare("INSERT INTO days (event_id, date) VALUES (?, ?)");
  const insertSlot = sqlite.prepare("INSERT INTO time_slots (event_id, day_id, starts_at, ends_at) VALUES (?, ?, ?, ?)");
  const insertLarpass = sqlite.prepare(
    "INSERT INTO larpass (event_id, slug, title, status, time_slot_id) VALUES (?, ?, ?, 'published', ?)",
  );
  for (const h of HOSTILE) {
    const eventId = Number(insertEvent.run(h.slug, `Evenemang ${h.slug}`, h.startsOn, h.endsOn).lastInsertRowid);
    for (const date of h.dayDates ?? []) {
      const dayId = Number(insertDay.run(eventId, date).lastInsertRowid);
      if (date !== h.slotDay) continue;
      const slotId = Number(insertSlot.run(eventId, dayId, zonedToUtc(date, "09:00").getTime(), zonedToUtc(date, "09:45").getTime()).lastInsertRowid);
      insertLarpass.run(eventId, `pass-${h.slug}`, `Lärpass i ${h.slug}`, slotId);
    }
  }
  reports = JSON.parse(await runWorker(HOSTILE.map((h) => h.slug))) as HostileReport[];
}, 60_000);

/** The worker's stdout; its whole process group (tsx starts a child node) is killed after 30 s. */
function runWorker(slugs: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, ["--conditions=react-server", worker, JSON.stringify(slugs)], {
      cwd: root,
      env: { ...process.env, NODE_OPTIONS: "--max-old-space-size=256" },
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // already gone
      }
      reject(new Error("the worker hung: killed after 30 s"));
    }, 30_000);
    child.on("close", (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(out);
      else reject(new Error(`the worker failed (exit ${code}):\n${err.slice(0, 2000)}`));
    });
  });
}

const report = (slug: string) => reports.find((r) => r.slug === slug)!;
const daysIn = (xml: string) => Number(/<days>(\d+)<\/days>/.exec(xml)![1]);

describe("absurd event dates in the database", () => {
  it("every function answers quickly with a small result", () => {
    expect(reports.map((r) => r.slug)).toEqual(HOSTILE.map((h) => h.slug));
    for (const r of reports) {
      expect(r.ms, r.slug).toBeLessThan(2_000);
      expect(r.xml, r.slug).not.toBeNull();
      expect(r.xml!.length, r.slug).toBeLessThan(20_000);
      expect(daysIn(r.xml!), r.slug).toBeLessThanOrEqual(MAX_EVENT_DAYS + 1);
    }
  });

  it("an end on 9999-12-31: the schedule.xml lists at most 31 days, the lärpass on its own day", () => {
    const xml = report("slut-9999").xml!;
    expect(daysIn(xml)).toBe(MAX_EVENT_DAYS);
    expect(xml).toContain("<start>2018-03-15</start>");
    expect(xml).toContain('<day index="1" date="2018-03-15" start="2018-03-15T09:00:00+01:00"');
    expect(xml.match(/<event id=/g)).toHaveLength(1);
    expect(report("slut-9999").nextFreeDay).toBe("2018-03-16");
    expect(report("slut-9999").span).toContain("9999");
  });

  it("an end in 2109: bounded, not 1.6 MB", () => {
    const r = report("slut-2109");
    expect(daysIn(r.xml!)).toBe(MAX_EVENT_DAYS);
    expect(r.xml!.match(/<event id=/g)).toHaveLength(1);
    expect(r.nextFreeDay).toBe("2018-03-17");
  });

  it("dates that are not dates, or in the wrong order: no days, no crash, and the text is escaped", () => {
    for (const slug of ["baklanges", "inte-datum", "utokat-ar", "tomt"]) {
      expect(daysIn(report(slug).xml!), slug).toBe(0);
    }
    expect(report("inte-datum").span).toBe("i morgon–9999-99-99");
    expect(report("inte-datum").dayLabels).toEqual(["9999-99-99"]);
    expect(report("inte-datum").nextFreeDay).toBe("i morgon");
    expect(report("xml-i-datum").xml).toContain("<start>&lt;a&gt;&amp;</start>");
    expect(report("xml-i-datum").xml).not.toContain("<a>");
  });
});

describe("calendarDates", () => {
  it("every date from the first to the last, at most the limit, none for what is not a date", () => {
    expect(calendarDates("2018-03-14", "2018-03-16")).toEqual(["2018-03-14", "2018-03-15", "2018-03-16"]);
    expect(calendarDates("2018-10-27", "2018-10-29")).toEqual(["2018-10-27", "2018-10-28", "2018-10-29"]);
    expect(calendarDates("2018-03-15", "9999-12-31")).toHaveLength(MAX_EVENT_DAYS);
    expect(calendarDates("2018-03-15", "9999-12-31", 3)).toEqual(["2018-03-15", "2018-03-16", "2018-03-17"]);
    expect(calendarDates("2018-03-16", "2018-03-15")).toEqual([]);
    expect(calendarDates("+010000-01-01", "+275760-09-13")).toEqual([]);
    expect(calendarDates("", "")).toEqual([]);
  });
});
