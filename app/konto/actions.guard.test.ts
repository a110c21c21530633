// Deleting one's account in detail: the confirmation box.
// Called directly, with only the request-time edges replaced (test/mock-auth.ts); who may call it at all
// is in the table of app/actions.guard.test.ts.
import { describe, expect, test, vi } from "vitest";

vi.mock("@/lib/auth", async () => (await import("@/test/mock-auth")).authModuleMock);
vi.mock("next/navigation", async () => (await import("@/test/mock-auth")).navigationMock);
vi.mock("next/headers", async () => (await import("@/test/mock-auth")).headersMock);
vi.mock("next-auth", async () => ({ AuthError: (await import("@/test/mock-auth")).AuthError }));

import { authModuleMock, signInAs } from "@/test/mock-auth";
import { expectNoDbChange, form, makeUser, useMemberWorld } from "@/test/member-harness";
import { deleteAccountAction } from "@/app/konto/actions";

useMemberWorld();

describe("deleteAccountAction details", () => {
  test("without the confirmation box it asks for it (in Swedish) and deletes nothing", async () => {
    const member = makeUser();
    signInAs(member);
    const state = await expectNoDbChange(() => deleteAccountAction({}, form()));
    expect(state).toEqual({ error: "Kryssa i rutan för att bekräfta att du vill ta bort ditt konto." });
    expect(authModuleMock.signOut).not.toHaveBeenCalled();
  });
});
