// Auth.js's route in detail: what it passes on and what it closes.
// Called directly, with only the request-time edges replaced (test/mock-auth.ts); who may call it at all
// is in the table of app/actions.guard.test.ts.
import { describe, expect, test, vi } from "vitest";

vi.mock("@/lib/auth", async () => (await import("@/test/mock-auth")).authModuleMock);
vi.mock("next/navigation", async () => (await import("@/test/mock-auth")).navigationMock);
vi.mock("next/headers", async () => (await import("@/test/mock-auth")).headersMock);
vi.mock("next-auth", async () => ({ AuthError: (await import("@/test/mock-auth")).AuthError }));

import { authModuleMock } from "@/test/mock-auth";
import { ORIGIN, expectNoDbChange, useMemberWorld } from "@/test/member-harness";
import * as authRoute from "@/app/api/auth/[...nextauth]/route";

useMemberWorld();

describe("/api/auth/[...nextauth] details", () => {
  test.each([
    "/api/auth/signin/nodemailer",
    "/api/auth/signin/nodemailer/",
    "/api/auth/signin/nodemailer?callbackUrl=%2Fmitt-program",
    "/api/auth//signin/nodemailer",
    "/api/auth/signin/email",
  ])("POST %s is closed (404), so the sign-in rate limits cannot be bypassed", async (p) => {
    const res = await expectNoDbChange(() =>
      authRoute.POST(
        new Request(`${ORIGIN}${p}`, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded", origin: ORIGIN },
          body: "email=offer%40example.se&csrfToken=x",
        }) as never,
      ),
    );
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: "Logga in via inloggningssidan /logga-in." });
    expect(authModuleMock.handlers.POST).not.toHaveBeenCalled();
  });

  test("other POSTs (sign-out, callbacks) go to Auth.js", async () => {
    const req = new Request(`${ORIGIN}/api/auth/signout`, { method: "POST" });
    await authRoute.POST(req as never);
    expect(authModuleMock.handlers.POST).toHaveBeenCalledExactlyOnceWith(req);
  });
});
