// The choose and leave buttons in detail: where the caller is sent back to, and bad ids.
// Called directly, with only the request-time edges replaced (test/mock-auth.ts); who may call it at all
// is in the table of app/actions.guard.test.ts.
import { describe, expect, test, vi } from "vitest";

vi.mock("@/lib/auth", async () => (await import("@/test/mock-auth")).authModuleMock);
vi.mock("next/navigation", async () => (await import("@/test/mock-auth")).navigationMock);
vi.mock("next/headers", async () => (await import("@/test/mock-auth")).headersMock);
vi.mock("next-auth", async () => ({ AuthError: (await import("@/test/mock-auth")).AuthError }));

import { signInAs } from "@/test/mock-auth";
import { expectNoDbChange, form, lp, makeUser, redirectOf, useMemberWorld } from "@/test/member-harness";
import { chooseAction } from "@/app/program/actions";

useMemberWorld();

describe("chooseAction / leaveAction details", () => {
  test("an anonymous caller is sent to the login page with a local return path only", async () => {
    for (const returnTo of ["//evil.example/x", "https://evil.example/program"]) {
      const url = await expectNoDbChange(() => redirectOf(() => chooseAction(lp.a.id, form({ returnTo }))));
      expect(url).toBe(`/logga-in?next=${encodeURIComponent("/program")}`);
    }
  });

  test("a signed-in member is sent back to a local path only", async () => {
    const member = makeUser();
    signInAs(member);
    const url = await redirectOf(() => chooseAction(lp.a.id, form({ returnTo: "//evil.example/x" })));
    expect(url).toBe(`/program?anmalan=vald&lp=${lp.a.id}#lp-${lp.a.id}`);
  });

  test("an invalid lärpass id writes nothing", async () => {
    signInAs(makeUser());
    for (const bad of [0, -1, Number.NaN, 999_999] as number[]) {
      const url = await expectNoDbChange(() => redirectOf(() => chooseAction(bad, form())));
      expect(url).toMatch(/anmalan=fel-not_found/);
    }
  });
});
