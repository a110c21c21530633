// Security headers: what proxy.ts sets on every page and refuses, and the policy's parts.
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it } from "vitest";
import { proxy } from "@/proxy";
import { contentSecurityPolicy, servedOverHttps, staticSecurityHeaders } from "./security-headers";

const saved = process.env.AUTH_URL;
afterEach(() => {
  if (saved === undefined) delete process.env.AUTH_URL;
  else process.env.AUTH_URL = saved;
});

const get = (path: string, init: ConstructorParameters<typeof NextRequest>[1] = {}) =>
  new NextRequest(new URL(path, "http://localhost:3000"), { ...init, headers: { host: "localhost:3000", ...(init.headers as object) } });

describe("contentSecurityPolicy", () => {
  it("allows scripts only by nonce, forbids framing, plugins and foreign forms", () => {
    const csp = contentSecurityPolicy({ nonce: "abc", https: false, dev: false });
    expect(csp).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("form-action 'self'");
    expect(csp).toContain("img-src 'self' data: blob:");
    // The service worker comes from this site only (script-src's 'strict-dynamic' would ignore 'self').
    expect(csp).toContain("worker-src 'self'");
    expect(csp).not.toContain("upgrade-insecure-requests");
    expect(contentSecurityPolicy({ nonce: "abc", https: true, dev: false })).toContain("upgrade-insecure-requests");
  });

  it("has the static headers every response gets", () => {
    const byKey = Object.fromEntries(staticSecurityHeaders.map((h) => [h.key, h.value]));
    expect(byKey["X-Content-Type-Options"]).toBe("nosniff");
    expect(byKey["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    expect(byKey["Permissions-Policy"]).toMatch(/camera=\(\)/);
    expect(byKey["X-Frame-Options"]).toBe("DENY");
  });
});

describe("proxy", () => {
  it("sets a CSP with a fresh nonce on every page, and passes the same policy to Next for its own scripts", async () => {
    const a = await proxy(get("/program"));
    const b = await proxy(get("/arrangor/ta-bort/lokal/1"));
    const cspA = a.headers.get("content-security-policy")!;
    const cspB = b.headers.get("content-security-policy")!;
    expect(cspA).toContain("frame-ancestors 'none'");
    expect(cspB).toContain("frame-ancestors 'none'");
    const nonce = (csp: string) => /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce(cspA)).toBeTruthy();
    expect(nonce(cspA)).not.toBe(nonce(cspB));
    // NextResponse.next({ request: { headers } }) hands the request headers on as x-middleware-request-*.
    expect(a.headers.get("x-middleware-request-content-security-policy")).toBe(cspA);
  });

  it("sets HSTS only when AUTH_URL is https", async () => {
    delete process.env.AUTH_URL;
    expect(servedOverHttps()).toBe(false);
    expect((await proxy(get("/"))).headers.get("strict-transport-security")).toBeNull();
    process.env.AUTH_URL = "https://larpass.example.se";
    expect(servedOverHttps()).toBe(true);
    const res = await proxy(get("/"));
    expect(res.headers.get("strict-transport-security")).toBe("max-age=63072000");
    expect(res.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
  });

  it("refuses a POST from another site's page with 403 and a Swedish message", async () => {
    for (const origin of ["https://evil.example", "null", "not a url"]) {
      const res = await proxy(get("/program", { method: "POST", headers: { origin, "next-action": "abc" } }));
      expect(res.status, origin).toBe(403);
      expect(await res.text()).toBe("Förfrågan kom från en annan webbplats och avvisades.");
    }
  });

  it("lets a same-site POST and a POST without Origin through to Next", async () => {
    const same = await proxy(get("/program", { method: "POST", headers: { origin: "http://localhost:3000" } }));
    expect(same.status).toBe(200);
    expect(same.headers.get("x-middleware-next")).toBe("1");
    const none = await proxy(get("/program", { method: "POST" }));
    expect(none.headers.get("x-middleware-next")).toBe("1");
    const behindProxy = await proxy(
      get("/program", { method: "POST", headers: { origin: "https://larpass.example.se", "x-forwarded-host": "larpass.example.se" } }),
    );
    expect(behindProxy.headers.get("x-middleware-next")).toBe("1");
  });

  it("still redirects an anonymous visitor from a signed-in page, with the security headers", async () => {
    const res = await proxy(get("/mitt-program"));
    expect(res.status).toBe(307);
    expect(res.headers.get("location")).toBe("http://localhost:3000/logga-in?next=%2Fmitt-program");
    expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });
});
