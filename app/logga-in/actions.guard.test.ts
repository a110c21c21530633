// The sign-in action in detail: field errors, rate limits, local return paths, mail failures.
// Called directly, with only the request-time edges replaced (test/mock-auth.ts); who may call it at all
// is in the table of app/actions.guard.test.ts.
import { describe, expect, test, vi } from "vitest";

vi.mock("@/lib/auth", async () => (await import("@/test/mock-auth")).authModuleMock);
vi.mock("next/navigation", async () => (await import("@/test/mock-auth")).navigationMock);
vi.mock("next/headers", async () => (await import("@/test/mock-auth")).headersMock);
vi.mock("next-auth", async () => ({ AuthError: (await import("@/test/mock-auth")).AuthError }));

import { AuthError, authModuleMock, setRequestHeaders } from "@/test/mock-auth";
import { expectNoDbChange, form, redirectOf, useMemberWorld } from "@/test/member-harness";
import { signInAction } from "@/app/logga-in/actions";

useMemberWorld();

describe("signInAction (public, rate-limited)", () => {
  test("an invalid e-mail address gives the Swedish field error and keeps what was typed", async () => {
    setRequestHeaders({ "x-forwarded-for": "203.0.113.10" });
    const state = await expectNoDbChange(() => signInAction({}, form({ email: "anna.example.se" })));
    expect(state).toEqual({
      errors: { email: "Skriv en giltig e-postadress, till exempel namn@region.se." },
      values: { email: "anna.example.se" },
    });
    expect(authModuleMock.signIn).not.toHaveBeenCalled();
  });

  test("an empty address asks for one", async () => {
    const state = await signInAction({}, form({ email: "   " }));
    expect(state).toEqual({ errors: { email: "Skriv din e-postadress." }, values: { email: "   " } });
    expect(authModuleMock.signIn).not.toHaveBeenCalled();
  });

  test("the 4th request for the same address within 10 minutes is refused (however it is spelled)", async () => {
    setRequestHeaders({ "x-forwarded-for": "203.0.113.11" });
    const spellings = ["kim@region.se", "Kim@Region.se", " KIM@REGION.SE ", "kim@region.se"];
    for (const email of spellings.slice(0, 3)) {
      expect(await redirectOf(() => signInAction({}, form({ email })))).toBe("/logga-in/kolla-mejlen");
    }
    const state = await signInAction({}, form({ email: spellings[3] }));
    expect(state.errors?.form).toBe(
      "Du har bett om för många inloggningslänkar på kort tid. Vänta 10 minuter och försök igen, eller använd länken i ett mejl du redan fått.",
    );
    expect(state.values).toEqual({ email: "kim@region.se" });
    expect(authModuleMock.signIn).toHaveBeenCalledTimes(3);
    // Another address from the same client is still served.
    expect(await redirectOf(() => signInAction({}, form({ email: "annan@region.se" })))).toBe("/logga-in/kolla-mejlen");
    expect(authModuleMock.signIn).toHaveBeenCalledTimes(4);
  });

  test("the 21st request from one client within 10 minutes is refused, whatever the address", async () => {
    setRequestHeaders({ "x-forwarded-for": "203.0.113.12, 10.0.0.1" });
    for (let i = 0; i < 20; i++) {
      await redirectOf(() => signInAction({}, form({ email: `person${i}@kommun.se` })));
    }
    const state = await signInAction({}, form({ email: "person20@kommun.se" }));
    expect(state.errors?.form).toMatch(/^Du har bett om för många inloggningslänkar på kort tid\. Vänta /);
    expect(authModuleMock.signIn).toHaveBeenCalledTimes(20);
  });

  test("the return path is local only (no open redirect after sign-in)", async () => {
    setRequestHeaders({ "x-forwarded-for": "203.0.113.13" });
    for (const next of ["//evil.example/x", "https://evil.example/", "/\\evil.example"]) {
      await redirectOf(() => signInAction({}, form({ email: "lokal@region.se", next })));
    }
    for (const call of authModuleMock.signIn.mock.calls) {
      expect(call[1]).toMatchObject({ redirectTo: "/efter-inloggning" });
    }
  });

  test("a failing mail gives a Swedish form error", async () => {
    setRequestHeaders({ "x-forwarded-for": "203.0.113.14" });
    authModuleMock.signIn.mockRejectedValueOnce(new AuthError("smtp down"));
    const state = await signInAction({}, form({ email: "fel@region.se" }));
    expect(state).toEqual({
      errors: { form: "Inloggningsmejlet kunde inte skickas. Försök igen om en stund." },
      values: { email: "fel@region.se" },
    });
  });
});
