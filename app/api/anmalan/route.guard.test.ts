// The sign-up API in detail: bodies, origins and answers.
// Called directly, with only the request-time edges replaced (test/mock-auth.ts); who may call it at all
// is in the table of app/actions.guard.test.ts.
import { describe, expect, test, vi } from "vitest";

vi.mock("@/lib/auth", async () => (await import("@/test/mock-auth")).authModuleMock);
vi.mock("next/navigation", async () => (await import("@/test/mock-auth")).navigationMock);
vi.mock("next/headers", async () => (await import("@/test/mock-auth")).headersMock);
vi.mock("next-auth", async () => ({ AuthError: (await import("@/test/mock-auth")).AuthError }));

import { chooseLarpass } from "@/lib/registrations";
import { signInAs } from "@/test/mock-auth";
import { ORIGIN, expectNoDbChange, jsonRequest, lp, makeUser, regsOf, useMemberWorld } from "@/test/member-harness";
import * as anmalanRoute from "@/app/api/anmalan/route";

useMemberWorld();

describe("POST/DELETE /api/anmalan details", () => {
  test.each(["POST", "DELETE"] as const)("%s from another origin is refused (403), even when signed in", async (method) => {
    const member = makeUser();
    await chooseLarpass({ userId: member.id, larpassId: lp.b.id });
    signInAs(member);
    for (const origin of ["https://evil.example", "http://localhost:3001", "null"]) {
      const handler = method === "POST" ? anmalanRoute.POST : anmalanRoute.DELETE;
      const res = await expectNoDbChange(() => handler(jsonRequest(method, { larpassId: lp.a.id }, { origin })));
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual({ error: "Anropet kommer från en annan webbplats." });
    }
  });

  test.each(["POST", "DELETE"] as const)("%s without a JSON content type is refused (415)", async (method) => {
    const member = makeUser();
    signInAs(member);
    const handler = method === "POST" ? anmalanRoute.POST : anmalanRoute.DELETE;
    for (const contentType of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", ""]) {
      const req = new Request(`${ORIGIN}/api/anmalan`, {
        method,
        headers: contentType ? { "content-type": contentType } : {},
        body: JSON.stringify({ larpassId: lp.a.id }),
      });
      if (!contentType) req.headers.delete("content-type");
      const res = await expectNoDbChange(() => handler(req));
      expect(res.status).toBe(415);
      expect(await res.json()).toEqual({ error: "Skicka JSON (Content-Type: application/json)." });
    }
  });

  test("an invalid body is refused (400) in Swedish", async () => {
    signInAs(makeUser());
    const broken = await expectNoDbChange(() => anmalanRoute.POST(jsonRequest("POST", "{larpassId:")));
    expect(broken.status).toBe(400);
    expect(await broken.json()).toEqual({ error: "Ogiltig JSON." });

    const notNumber = await expectNoDbChange(() => anmalanRoute.POST(jsonRequest("POST", { larpassId: "abc" })));
    expect(notNumber.status).toBe(400);
    expect(await notNumber.json()).toEqual({ error: "Ogiltiga uppgifter.", fields: { larpassId: ["larpassId måste vara ett positivt heltal."] } });

    for (const body of [{}, { larpassId: -1 }, { larpassId: 1.5 }, null, [lp.a.id], { larpassId: lp.a.id, waitlist: "ja" }]) {
      const res = await expectNoDbChange(() => anmalanRoute.POST(jsonRequest("POST", body)));
      expect(res.status, JSON.stringify(body)).toBe(400);
      const payload = await res.json();
      expect(payload.error).toBe("Ogiltiga uppgifter.");
      // Field messages are Swedish too, never zod's English defaults.
      expect(JSON.stringify(payload.fields ?? {})).not.toMatch(/expected|invalid|received|too (small|big)/i);
    }
  });

  test("same-origin and origin-less (non-browser) JSON calls are accepted", async () => {
    const member = makeUser();
    signInAs(member);
    const res = await anmalanRoute.POST(jsonRequest("POST", { larpassId: lp.a.id }, { origin: ORIGIN }));
    expect(res.status).toBe(200);
    const req = new Request(`${ORIGIN}/api/anmalan`, {
      method: "POST",
      headers: { "content-type": "application/json; charset=utf-8" },
      body: JSON.stringify({ larpassId: lp.b.id }),
    });
    expect((await anmalanRoute.POST(req)).status).toBe(200);
    expect(regsOf(member.id)).toHaveLength(2);
  });
});
