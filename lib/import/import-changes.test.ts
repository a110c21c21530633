// An import into a published programme is logged on the "Ändringar" page like an organiser's edit.
import fs from "node:fs";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { events, programmeChanges } from "@/db/schema";
import { importProgramme } from "./import-programme";
import { parseProgramme } from "./parse-programme";

const fixture = fs.readFileSync(new URL("./fixtures/larpass-2018.txt", import.meta.url), "utf8");
let n = 0;
const newEvent = (published: boolean) =>
  db.insert(events).values({ slug: `importlogg-${++n}`, name: `Importlogg ${n}`, startsOn: "2019-03-14", endsOn: "2019-03-14", published }).returning().get().id;
const log = (eventId: number) => db.select().from(programmeChanges).where(eq(programmeChanges.eventId, eventId)).all();

describe("importProgramme and the change log", () => {
  it("logs new published lärpass, and a re-import's new abstract and speakers, in a published event", () => {
    const eventId = newEvent(true);
    importProgramme({ eventId, programme: parseProgramme(fixture), status: "published" });
    expect(log(eventId).map((c) => c.kind)).toEqual(Array(14).fill("new"));

    const edited = fixture
      .replace("Ta del av våra framtidsanalyser på lärpasset!", "Nu med nya analyser.")
      .replace("Kjell Nilsson, direktör Nordregio", "Kjell Nilsson, direktör Nordregio och Anna Norin, Region Västerbotten");
    importProgramme({ eventId, programme: parseProgramme(edited), status: "published" });
    const later = log(eventId).slice(14);
    expect(later.map((c) => [c.kind, c.larpassTitle])).toEqual([
      ["abstract", "Tillbaka till framtiden"],
      ["speakers", "State of the Nordic Region 2018"],
    ]);
    expect(later[1]).toMatchObject({ before: "Kjell Nilsson", after: "Kjell Nilsson, Anna Norin" });
    // A preview writes nothing, the log included.
    importProgramme({ eventId, programme: parseProgramme(fixture), status: "published", dryRun: true });
    expect(log(eventId)).toHaveLength(16);
  });

  it("logs nothing for drafts or for an event that is not published", () => {
    const drafts = newEvent(true);
    importProgramme({ eventId: drafts, programme: parseProgramme(fixture), status: "draft" });
    const hidden = newEvent(false);
    importProgramme({ eventId: hidden, programme: parseProgramme(fixture), status: "published" });
    expect([...log(drafts), ...log(hidden)]).toEqual([]);
  });
});
