// Demand per organisation: members, seats and queue places per organisation, and which lärpass.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { larpass, organisations, users } from "@/db/schema";
import { chooseLarpass } from "@/lib/registrations";
import { createEvent, createUsers } from "@/test/factories";
import { getOrganisationDemand } from "./organisation-demand";

describe("getOrganisationDemand", () => {
  it("counts members, seats and queue places per organisation, members without one last", async () => {
    const f = createEvent(db);
    const nine = f.slot("09:00", "09:45");
    const ten = f.slot("10:00", "10:45");
    const small = f.larpass({ slot: nine, capacity: 1, title: "Litet" });
    const big = f.larpass({ slot: ten, capacity: 10, title: "Stort" });
    const cancelled = f.larpass({ slot: ten, capacity: 10, title: "Inställt", status: "published" });
    const stamp = Date.now();
    const norr = db.insert(organisations).values({ slug: `norr-${stamp}`, name: `Region Norrbotten ${stamp}` }).returning().get();
    const ny = db.insert(organisations).values({ slug: `ny-${stamp}`, name: `Ny förening ${stamp}`, confirmed: false }).returning().get();
    const [a, b, c, d] = createUsers(db, 4);
    for (const [u, o] of [[a, norr], [b, norr], [c, ny]] as const) db.update(users).set({ organisationId: o.id }).where(eq(users.id, u.id)).run();
    await chooseLarpass({ userId: a.id, larpassId: small.id });
    await chooseLarpass({ userId: b.id, larpassId: small.id, waitlist: true });
    await chooseLarpass({ userId: a.id, larpassId: big.id });
    await chooseLarpass({ userId: b.id, larpassId: big.id });
    await chooseLarpass({ userId: c.id, larpassId: big.id });
    await chooseLarpass({ userId: d.id, larpassId: cancelled.id });
    db.update(larpass).set({ status: "cancelled" }).where(eq(larpass.id, cancelled.id)).run();

    expect(getOrganisationDemand({ eventId: f.event.id })).toEqual([
      {
        organisation: { id: norr.id, name: norr.name, confirmed: true },
        members: 2,
        seats: 3,
        waitlisted: 1,
        larpass: [
          // Most interest first; equal interest in Swedish title order.
          { id: small.id, title: "Litet", seats: 1, waitlisted: 1 },
          { id: big.id, title: "Stort", seats: 2, waitlisted: 0 },
        ],
      },
      { organisation: { id: ny.id, name: ny.name, confirmed: false }, members: 1, seats: 1, waitlisted: 0, larpass: [{ id: big.id, title: "Stort", seats: 1, waitlisted: 0 }] },
    ]);
  });
});
