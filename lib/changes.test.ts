// The public record of programme changes (lib/changes.ts) and the programme's "Senast uppdaterad".
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { larpass, programmeChanges } from "@/db/schema";
import { createEvent } from "@/test/factories";
import { latestChangeAt, listPublicChanges } from "./changes";
import { getProgramme } from "./programme";

describe("listPublicChanges and latestChangeAt", () => {
  it("lists newest first, and links only lärpass that are still public", () => {
    const f = createEvent(db);
    const open = f.larpass({ title: "Öppet" });
    const hidden = f.larpass({ title: "Tillbaka till utkast" });
    const insert = (larpassId: number | null, title: string, at: string) =>
      db.insert(programmeChanges).values({ eventId: f.event.id, larpassId, larpassTitle: title, kind: "time", createdAt: new Date(at) }).run();
    insert(open.id, "Öppet", "2018-03-01T10:00:00Z");
    insert(hidden.id, "Tillbaka till utkast", "2018-03-02T10:00:00Z");
    insert(null, "Borttaget", "2018-03-03T10:00:00Z");
    db.update(larpass).set({ status: "draft" }).where(eq(larpass.id, hidden.id)).run();

    expect(listPublicChanges({ eventId: f.event.id }).map((c) => [c.larpassTitle, c.larpassSlug])).toEqual([
      ["Borttaget", null],
      ["Tillbaka till utkast", null],
      ["Öppet", open.slug],
    ]);
    expect(latestChangeAt({ eventId: f.event.id })).toEqual(new Date("2018-03-03T10:00:00Z"));
    expect(latestChangeAt({ eventId: createEvent(db).event.id })).toBeNull();
  });

  it("the programme's last update is the newest change when that is newer than every lärpass", async () => {
    const f = createEvent(db);
    f.larpass({ title: "Kvar" });
    const before = (await getProgramme({ eventId: f.event.id })).lastUpdated!;
    const later = new Date(before.getTime() + 60_000);
    db.insert(programmeChanges).values({ eventId: f.event.id, larpassId: null, larpassTitle: "Borttaget", kind: "removed", createdAt: later }).run();
    expect((await getProgramme({ eventId: f.event.id })).lastUpdated).toEqual(later);
  });
});
