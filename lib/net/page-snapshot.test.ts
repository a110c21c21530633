// The anonymous-page microcache (lib/net/page-snapshot.ts) on a real http.Server: a stand-in for Next that
// renders a page with a nonce CSP and inline scripts, a content counter, and real requests over loopback.
import http from "node:http";
import type { AddressInfo } from "node:net";
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { captureSnapshot, FRESH_MS, hashPolicy, inlineScriptHashes, serveSnapshot, SNAPSHOT_HEADER, SnapshotCache, snapshotKey } from "./page-snapshot";

const html = (n: number, nonce: string) =>
  `<!DOCTYPE html><html><head><script src="/_next/static/chunks/a.js" nonce="${nonce}" async></script></head><body><p>Render ${n}</p>` +
  `<script nonce="${nonce}">self.__next_f.push([1,"render ${n}"])</script><script nonce="${nonce}">self.__next_f.push([2])</script></body></html>`;

let version = 1;
let clock = 1_000_000;
let renders = 0;
const cache = new SnapshotCache(() => version, () => clock);
let server: http.Server;
let port = 0;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const key = snapshotKey(req);
    if (key) {
      const hit = cache.lookup(key);
      if (hit) return serveSnapshot(req, res, hit);
      captureSnapshot(cache, key, req, res);
    }
    // "Next": a fresh nonce per render, a personal line for a member, a cookie now and then.
    renders += 1;
    const nonce = crypto.randomBytes(8).toString("base64");
    const member = /authjs\.session-token=(\w+)/.exec(req.headers.cookie ?? "")?.[1];
    res.setHeader("content-type", "text/html; charset=utf-8");
    res.setHeader("content-security-policy", `default-src 'self'; script-src 'self' 'nonce-${nonce}' 'strict-dynamic'; frame-ancestors 'none'`);
    res.setHeader("x-content-type-options", "nosniff");
    if (req.url?.includes("kaka")) res.setHeader("set-cookie", "x=1");
    if (req.url?.includes("saknas")) res.statusCode = 404;
    res.write(html(renders, nonce).slice(0, 40));
    res.end(`${html(renders, nonce).slice(40)}${member ? `<p>Inloggad som ${member}</p>` : ""}`);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

async function get(path: string, headers: Record<string, string> = {}) {
  const res = await fetch(`http://127.0.0.1:${port}${path}`, { headers: { accept: "text/html", ...headers } });
  return { status: res.status, text: await res.text(), snapshot: res.headers.get(SNAPSHOT_HEADER), csp: res.headers.get("content-security-policy") ?? "", headers: res.headers };
}

describe("which requests the snapshot may answer", () => {
  const req = (url: string, headers: http.IncomingHttpHeaders = {}, method = "GET") => ({ url, method, headers: { accept: "text/html", host: "h", ...headers } });
  it("takes anonymous page loads of the public pages only", () => {
    for (const url of ["/program", "/program?slot=3", "/evenemang/arskonferens-2018", "/evenemang/e/larpass/l", "/talare", "/talare/anna", "/organisationer/region-x"])
      expect(snapshotKey(req(url)), url).not.toBeNull();
    for (const url of ["/", "/mitt-program", "/konto", "/arrangor", "/evenemang/e/dokumentation", "/utveckling/utkorg", "/api/anmalan", "/evenemang/e/schedule.xml", "/logga-in"])
      expect(snapshotKey(req(url)), url).toBeNull();
    expect(snapshotKey(req("/program", { cookie: "authjs.session-token=abc" }))).toBeNull();
    expect(snapshotKey(req("/program", { cookie: "a=1; __Secure-authjs.session-token=abc" }))).toBeNull();
    expect(snapshotKey(req("/program", { rsc: "1" }))).toBeNull();
    expect(snapshotKey(req("/program", { accept: "*/*" }))).toBeNull();
    expect(snapshotKey(req("/program", {}, "POST"))).toBeNull();
    // A forged Host gets its own entry, never the one other visitors are served.
    expect(snapshotKey(req("/program", { host: "evil.example" }))).not.toBe(snapshotKey(req("/program")));
  });

  it("replaces the nonce with the hashes of exactly the page's inline scripts", () => {
    const page = html(1, "abc");
    const hashes = inlineScriptHashes(page);
    expect(hashes).toHaveLength(2);
    expect(hashes[0]).toBe(`'sha256-${crypto.createHash("sha256").update('self.__next_f.push([1,"render 1"])').digest("base64")}'`);
    expect(hashPolicy("default-src 'self'; script-src 'self' 'nonce-abc' 'strict-dynamic'; frame-ancestors 'none'", hashes)).toBe(
      `default-src 'self'; script-src 'self' ${hashes.join(" ")}; frame-ancestors 'none'`,
    );
  });
});

describe("serving anonymous pages from a snapshot", () => {
  it("serves the second anonymous load from the first one's HTML, with a hash CSP, for at most a second", async () => {
    const first = await get("/program?a=1");
    expect(first.snapshot).toBe("miss");
    expect(first.csp).toMatch(/'nonce-/);
    const second = await get("/program?a=1", { "accept-encoding": "gzip" });
    expect(second.snapshot).toBe("hit");
    expect(second.text).toBe(first.text);
    expect(second.csp).not.toMatch(/nonce|strict-dynamic|unsafe-inline/);
    for (const h of inlineScriptHashes(first.text)) expect(second.csp).toContain(h);
    expect(second.headers.get("x-content-type-options")).toBe("nosniff");
    expect(second.headers.get("set-cookie")).toBeNull();

    clock += FRESH_MS;
    const later = await get("/program?a=1");
    expect(later.snapshot).toBe("miss");
    expect(later.text).not.toBe(first.text);
  });

  it("never answers a signed-in member from it, and never keeps a member's page", async () => {
    await get("/program?b=1");
    const member = await get("/program?b=1", { cookie: "authjs.session-token=anna" });
    expect(member.snapshot).toBeNull();
    expect(member.text).toContain("Inloggad som anna");
    const anonymous = await get("/program?b=1");
    expect(anonymous.snapshot).toBe("hit");
    expect(anonymous.text).not.toContain("Inloggad");
  });

  it("renders again after a content change (an organiser's edit), at once", async () => {
    const first = await get("/program?c=1");
    expect((await get("/program?c=1")).snapshot).toBe("hit");
    version += 1;
    const after = await get("/program?c=1");
    expect(after.snapshot).toBe("miss");
    expect(after.text).not.toBe(first.text);
  });

  it("keeps no error page and no response that sets a cookie", async () => {
    await get("/talare/saknas");
    expect((await get("/talare/saknas")).snapshot).toBe("miss");
    await get("/talare/kaka");
    expect((await get("/talare/kaka")).snapshot).toBe("miss");
  });
});
