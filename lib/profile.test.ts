// Participants' name and organisation: saved on their own account, new organisations wait for organisers.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { organisations, users } from "@/db/schema";
import { createUser } from "@/test/factories";
import { profileSchema } from "@/lib/validation/profile";
import {
  askBeforeFirstSignup,
  confirmOrganisation,
  getProfile,
  listOrganisationChoices,
  listUnconfirmedOrganisations,
  saveProfile,
  shouldAskAtSignIn,
  skipProfile,
} from "./profile";

let n = 0;
const org = (name: string, confirmed = true) =>
  db.insert(organisations).values({ slug: `org-${++n}-${Date.now()}`, name: `${name} ${n}`, confirmed }).returning().get();
const parse = (v: Record<string, string>) => profileSchema.parse({ otherOrganisation: "", ...v });

describe("profileSchema", () => {
  it("needs a name and an organisation, from the list or typed in as 'annan'", () => {
    const bad = profileSchema.safeParse({ name: " ", organisation: "", otherOrganisation: "" });
    expect(!bad.success && bad.error.issues.map((i) => [i.path[0], i.message])).toEqual([
      ["name", "Skriv ditt namn."],
      ["organisation", "Välj din organisation."],
    ]);
    const noOther = profileSchema.safeParse({ name: "Anna", organisation: "annan", otherOrganisation: " " });
    expect(!noOther.success && noOther.error.issues[0]).toMatchObject({ path: ["otherOrganisation"], message: "Skriv namnet på din organisation." });
    const forged = profileSchema.safeParse({ name: "Anna", organisation: "1 OR 1=1", otherOrganisation: "" });
    expect(!forged.success && forged.error.issues[0].message).toBe("Välj din organisation i listan.");
    expect(parse({ name: " Anna ", organisation: "7" })).toEqual({ name: "Anna", organisation: { kind: "existing", id: 7 } });
  });
});

describe("saveProfile", () => {
  it("saves a known organisation, and a typed name that matches a known one is that one", () => {
    const region = org("Region Jämtland Härjedalen");
    const u = createUser(db);
    expect(saveProfile({ userId: u.id, input: parse({ name: "Åsa Öberg", organisation: String(region.id) }) })).toEqual({ ok: true });
    expect(getProfile({ userId: u.id })).toMatchObject({ name: "Åsa Öberg", organisation: { id: region.id, confirmed: true } });
    saveProfile({ userId: u.id, input: parse({ name: "Åsa Öberg", organisation: "annan", otherOrganisation: `  ${region.name.toUpperCase()} ` }) });
    expect(getProfile({ userId: u.id })!.organisation!.id).toBe(region.id);
  });

  it("creates a typed-in organisation unconfirmed: only its member is offered it until an organiser confirms it", () => {
    const [a, b] = [createUser(db), createUser(db)];
    saveProfile({ userId: a.id, input: parse({ name: "Anna", organisation: "annan", otherOrganisation: "Glesbygdsnätverket Norr" }) });
    const mine = getProfile({ userId: a.id })!.organisation!;
    expect(mine).toMatchObject({ name: "Glesbygdsnätverket Norr", confirmed: false });
    expect(listOrganisationChoices({ userId: a.id }).map((o) => o.id)).toContain(mine.id);
    expect(listOrganisationChoices({ userId: b.id }).map((o) => o.id)).not.toContain(mine.id);
    // b cannot pick it by id either.
    expect(saveProfile({ userId: b.id, input: parse({ name: "Bo", organisation: String(mine.id) }) })).toEqual({
      ok: false,
      errors: { organisation: "Den organisationen finns inte längre. Välj en annan." },
    });
    expect(listUnconfirmedOrganisations().find((o) => o.id === mine.id)).toEqual({ id: mine.id, name: "Glesbygdsnätverket Norr", members: 1 });
    expect(confirmOrganisation({ id: mine.id })).toBe(true);
    expect(confirmOrganisation({ id: mine.id })).toBe(false);
    expect(listOrganisationChoices({ userId: b.id }).map((o) => o.id)).toContain(mine.id);
  });

  it("offers the organisations in Swedish order", () => {
    const u = createUser(db);
    const names = listOrganisationChoices({ userId: u.id }).map((o) => o.name);
    expect(names).toEqual([...names].sort((x, y) => x.localeCompare(y, "sv")));
  });
});

describe("when to ask", () => {
  it("asks at the first sign-in until answered or skipped, and once more before the first sign-up", () => {
    const u = createUser(db);
    db.update(users).set({ name: null }).where(eq(users.id, u.id)).run();
    expect(shouldAskAtSignIn(getProfile({ userId: u.id }))).toBe(true);
    skipProfile({ userId: u.id });
    expect(shouldAskAtSignIn(getProfile({ userId: u.id }))).toBe(false);
    expect(askBeforeFirstSignup({ userId: u.id, registrations: 0 })).toBe(true);
    expect(askBeforeFirstSignup({ userId: u.id, registrations: 1 })).toBe(false);
    saveProfile({ userId: u.id, input: parse({ name: "Kim", organisation: String(org("Vinnova").id) }) });
    expect(askBeforeFirstSignup({ userId: u.id, registrations: 0 })).toBe(false);
  });
});
