// Mitt program offers the member's own events: the nearest upcoming first, then past ones, newest first.
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { chooseLarpass } from "@/lib/registrations";
import { createEvent, createUser } from "@/test/factories";
import { listMyEvents } from "./my-programme";

describe("listMyEvents", () => {
  it("orders the events with a seat or queue place: nearest upcoming (or ongoing) first, then past, most recent first", async () => {
    const today = new Date("2026-05-10T10:00:00Z");
    const made = {
      past2017: createEvent(db, { startsOn: "2017-05-10", endsOn: "2017-05-10", name: "Dag 2017" }),
      past2025: createEvent(db, { startsOn: "2025-05-10", endsOn: "2025-05-11", name: "Dag 2025" }),
      ongoing: createEvent(db, { startsOn: "2026-05-09", endsOn: "2026-05-10", name: "Pågår" }),
      later: createEvent(db, { startsOn: "2027-01-20", endsOn: "2027-01-20", name: "Nästa år" }),
      soon: createEvent(db, { startsOn: "2026-06-01", endsOn: "2026-06-01", name: "Snart" }),
      unpublished: createEvent(db, { startsOn: "2026-05-20", endsOn: "2026-05-20", name: "Inte publicerat", published: false }),
      notMine: createEvent(db, { startsOn: "2026-05-15", endsOn: "2026-05-15", name: "Inte mitt" }),
    };
    const member = createUser(db);
    for (const [key, f] of Object.entries(made)) {
      if (key === "notMine") continue;
      const slot = f.slot("09:00", "09:45");
      const lp = f.larpass({ slot, capacity: key === "soon" ? 0 : 10 });
      // In "Snart" the lärpass is full: a waitlist place counts as the member's event as well.
      await chooseLarpass({ userId: member.id, larpassId: lp.id, ...(key === "soon" ? { waitlist: true } : {}) });
    }
    const list = await listMyEvents({ userId: member.id, today });
    expect(list.map((e) => e.name)).toEqual(["Pågår", "Snart", "Nästa år", "Dag 2025", "Dag 2017"]);
  });

  it("is empty for a member without choices", async () => {
    expect(await listMyEvents({ userId: createUser(db).id })).toEqual([]);
  });
});
