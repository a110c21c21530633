// The calendar feed in detail: tokens, rotation and revocation.
// Called directly, with only the request-time edges replaced (test/mock-auth.ts); who may call it at all
// is in the table of app/actions.guard.test.ts.
import { describe, expect, test, vi } from "vitest";

vi.mock("@/lib/auth", async () => (await import("@/test/mock-auth")).authModuleMock);
vi.mock("next/navigation", async () => (await import("@/test/mock-auth")).navigationMock);
vi.mock("next/headers", async () => (await import("@/test/mock-auth")).headersMock);
vi.mock("next-auth", async () => ({ AuthError: (await import("@/test/mock-auth")).AuthError }));

import { getCalendarToken, rotateCalendarToken } from "@/lib/account";
import { chooseLarpass } from "@/lib/registrations";
import { signInAs, signOutAll } from "@/test/mock-auth";
import { feed, inCalendar, lp, makeUser, redirectOf, summaries, useMemberWorld } from "@/test/member-harness";
import { createCalendarLinkAction, revokeCalendarLinkAction } from "@/app/mitt-program/actions";

useMemberWorld();

describe("GET /kalender/<token>.ics details", () => {
  test("an unknown or malformed token is 404 with a Swedish message, signed in or not", async () => {
    const owner = makeUser();
    const token = rotateCalendarToken({ userId: owner.id });
    const bad = [
      `${"a".repeat(64)}.ics`,
      "abc.ics",
      `${token.toUpperCase()}.ics`,
      `${token}x.ics`,
      `${token.slice(1)}.ics`,
      `${token}.ics.ics`,
      "..%2F..%2Fkonto%2Fdata.json",
      ".ics",
    ];
    for (const session of [null, makeUser(), owner]) {
      if (session) signInAs(session);
      else signOutAll();
      for (const file of bad) {
        const res = await feed(file);
        expect(res.status, file).toBe(404);
        expect(res.headers.get("content-type")).toBe("text/plain; charset=utf-8");
        expect(await res.text()).toBe("Kalenderadressen finns inte eller har stängts av. Skapa en ny i Mitt program.");
      }
    }
  });

  test("a valid token gives that member's calendar (200 text/calendar), and only theirs", async () => {
    const owner = makeUser();
    const other = makeUser();
    await chooseLarpass({ userId: owner.id, larpassId: lp.a.id });
    await chooseLarpass({ userId: other.id, larpassId: lp.b.id });
    const token = rotateCalendarToken({ userId: owner.id });
    signInAs(other); // the session plays no part
    const res = await feed(`${token}.ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("private, max-age=300");
    expect(summaries(await res.text())).toEqual([inCalendar(lp.a.title)]);
  });

  test("a rotated or revoked token stops working at once", async () => {
    const owner = makeUser();
    signInAs(owner);
    await redirectOf(() => createCalendarLinkAction());
    const first = getCalendarToken({ userId: owner.id })!;
    expect((await feed(`${first}.ics`)).status).toBe(200);
    await redirectOf(() => createCalendarLinkAction());
    const second = getCalendarToken({ userId: owner.id })!;
    expect(second).not.toBe(first);
    expect((await feed(`${first}.ics`)).status).toBe(404);
    expect((await feed(`${second}.ics`)).status).toBe(200);
    await redirectOf(() => revokeCalendarLinkAction());
    expect((await feed(`${second}.ics`)).status).toBe(404);
  });
});
