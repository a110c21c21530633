// The viewer key proxy.ts sends with each page, so the service worker keeps one session's pages apart.
import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { proxy } from "@/proxy";
import { viewerHeader } from "./pages";
import { anonymousViewer, viewerKey } from "./viewer";

describe("viewerKey", () => {
  it("is anon without a session, and a stable one-way hash that never contains the token", async () => {
    expect(await viewerKey(undefined)).toBe(anonymousViewer);
    expect(await viewerKey("")).toBe(anonymousViewer);
    const a = await viewerKey("token-a-0123456789");
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(a).toBe(await viewerKey("token-a-0123456789"));
    expect(a).not.toBe(await viewerKey("token-b-0123456789"));
    expect(a).not.toContain("token");
  });

  it("is sent by proxy.ts with every page, per session cookie", async () => {
    const page = (cookie?: string) =>
      proxy(new NextRequest(new URL("/program", "http://localhost:3000"), { headers: { host: "localhost:3000", ...(cookie ? { cookie } : {}) } }));
    expect((await page()).headers.get(viewerHeader)).toBe(anonymousViewer);
    const signedIn = (await page("authjs.session-token=secret-session-1")).headers.get(viewerHeader);
    expect(signedIn).toBe(await viewerKey("secret-session-1"));
    expect((await page("__Secure-authjs.session-token=secret-session-2")).headers.get(viewerHeader)).toBe(await viewerKey("secret-session-2"));
  });
});
