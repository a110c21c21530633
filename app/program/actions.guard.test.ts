// The choose and leave buttons in detail: where the caller is sent back to, and bad ids.
// Called directly, with only the request-time edges replaced (test/mock-auth.ts); who may call it at all
// is in the table of app/actions.guard.test.ts.
import { describe, expect, test, vi } from "vitest";

vi.mock("@/lib/auth", async () => (await import("@/test/mock-auth")).authModuleMock);
vi.mock("next/navigation", async () => (await import("@/test/mock-auth")).navigationMock);
vi.mock("next/headers", async () => (await import("@/test/mock-auth")).headersMock);
vi.mock("next-auth", async () => ({ AuthError: (await import("@/test/mock-auth")).AuthError }));

import { and, eq, ne } from "drizzle-orm";
import { db } from "@/db";
import { larpass } from "@/db/schema";
import { chooseLarpass, getSeatCounts } from "@/lib/registrations";
import { signInAs } from "@/test/mock-auth";
import { expectNoDbChange, form, lp, makeUser, redirectOf, regsOf, useMemberWorld } from "@/test/member-harness";
import { chooseAction, leaveAction } from "@/app/program/actions";

useMemberWorld();

describe("chooseAction / leaveAction details", () => {
  test("an anonymous caller is sent to the login page with a local return path only", async () => {
    for (const returnTo of ["//evil.example/x", "https://evil.example/program"]) {
      const url = await expectNoDbChange(() => redirectOf(() => chooseAction(null, form({ larpassId: String(lp.a.id), returnTo }))));
      expect(url).toBe(`/logga-in?next=${encodeURIComponent("/program")}`);
    }
  });

  test("a signed-in member is sent back to a local path only", async () => {
    const member = makeUser();
    signInAs(member);
    const url = await redirectOf(() => chooseAction(null, form({ larpassId: String(lp.a.id), returnTo: "//evil.example/x" })));
    expect(url).toBe(`/program?anmalan=vald&lp=${lp.a.id}#lp-${lp.a.id}`);
  });

  test("an invalid lärpass id writes nothing", async () => {
    signInAs(makeUser());
    for (const bad of [0, -1, Number.NaN, 999_999] as number[]) {
      const url = await expectNoDbChange(() => redirectOf(() => chooseAction(null, form({ larpassId: String(bad) }))));
      expect(url).toMatch(/anmalan=fel-not_found/);
    }
  });
});

// With JavaScript (js=1 in the form) the action answers with the cards it changed instead of sending the
// browser back to a freshly rendered page: that answer is what the card shows, so it must be exact.
describe("chooseAction / leaveAction with JavaScript: the cards' exact state, no redirect", () => {
  const slotmate = () =>
    db
      .select({ id: larpass.id, title: larpass.title })
      .from(larpass)
      .where(and(eq(larpass.timeSlotId, db.select({ s: larpass.timeSlotId }).from(larpass).where(eq(larpass.id, lp.a.id))), ne(larpass.id, lp.a.id)))
      .limit(1)
      .get()!;
  /** The seats the database holds now: the answer must equal them. */
  const taken = (id: number) => getSeatCounts({ larpassIds: [id] }).get(id) ?? { confirmed: 0, waitlisted: 0 };

  test("choose answers with the card's seats and the caller's own seat", async () => {
    const other = makeUser();
    await chooseLarpass({ userId: other.id, larpassId: lp.a.id });
    const member = makeUser();
    signInAs(member);
    const result = await chooseAction(null, form({ larpassId: String(lp.a.id), returnTo: "/program", js: "1" }));
    expect(result).toEqual({
      larpassId: lp.a.id,
      code: "vald",
      notice: { text: "Klart! Du har en plats på det här lärpasset.", error: false },
      cards: [{ id: lp.a.id, ...taken(lp.a.id), mine: { status: "confirmed", position: 0 } }],
    });
    expect(regsOf(member.id)).toEqual([{ larpassId: lp.a.id, status: "confirmed" }]);
  });

  test("a move answers for both cards: the seat taken and the seat left", async () => {
    const member = makeUser();
    signInAs(member);
    const b = slotmate();
    await chooseAction(null, form({ larpassId: String(lp.a.id), js: "1" }));
    const result = await chooseAction(null, form({ larpassId: String(b.id), js: "1" }));
    expect(result.code).toBe("flyttad");
    expect(result.cards).toEqual([
      { id: b.id, ...taken(b.id), mine: { status: "confirmed", position: 0 } },
      { id: lp.a.id, ...taken(lp.a.id), mine: null },
    ]);
    expect(result.cards[0].confirmed).toBeGreaterThan(0);
    const left = await leaveAction(null, form({ larpassId: String(b.id), js: "1" }));
    expect(left).toMatchObject({ code: "lamnad", notice: { text: "Du har lämnat din plats.", error: false } });
    expect(left.cards).toEqual([{ id: b.id, ...taken(b.id), mine: null }]);
    expect(regsOf(member.id)).toEqual([]);
  });

  test("another member's place is never in the answer, and a refusal is a Swedish message", async () => {
    const other = makeUser();
    await chooseLarpass({ userId: other.id, larpassId: lp.a.id });
    signInAs(makeUser());
    const result = await leaveAction(null, form({ larpassId: String(lp.a.id), js: "1" }));
    expect(result).toMatchObject({ code: "fel-not_registered", notice: { error: true } });
    expect(result.notice.text).toMatch(/^[A-ZÅÄÖ].*\.$/);
    expect(result.cards).toEqual([{ id: lp.a.id, ...taken(lp.a.id), mine: null }]);
    expect(result.cards[0].confirmed).toBeGreaterThan(0);
    const bad = await expectNoDbChange(() => chooseAction(null, form({ larpassId: "abc", js: "1" })));
    expect(bad).toMatchObject({ code: "fel-not_found", cards: [], notice: { text: "Lärpasset finns inte.", error: true } });
  });
});
