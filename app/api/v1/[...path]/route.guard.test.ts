// The API's route handler: public GET (no session is read), a CORS preflight, and nothing that writes.
import { describe, expect, it, vi } from "vitest";

vi.mock("@/lib/auth", async () => (await import("@/test/mock-auth")).authModuleMock);

import * as route from "./route";

describe("/api/v1/[...path]", () => {
  it("only reads: GET and OPTIONS, no POST, PUT, PATCH or DELETE", () => {
    expect(Object.keys(route).filter((k) => /^[A-Z]+$/.test(k)).sort()).toEqual(["GET", "OPTIONS"]);
  });

  it("answers a CORS preflight for GET with the conditional headers allowed", () => {
    const res = route.OPTIONS();
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-allow-methods")).toBe("GET, HEAD, OPTIONS");
    expect(res.headers.get("access-control-allow-headers")).toContain("If-None-Match");
  });

  it("GET answers through the router, with CORS, for anyone", async () => {
    const res = await route.GET(new Request("http://localhost:3000/api/v1/evenemang"), { params: Promise.resolve({ path: ["evenemang"] }) });
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(await res.json()).toHaveProperty("events");
  });
});
