// Hardening seen from a browser: the Content-Security-Policy lets the app run (and nothing else), pages
// cannot be framed, the outbox answers this machine, return addresses stay on the site, and a POST from
// another site is refused cleanly.
import { clientHeaders, signInAs } from "./fixture-data";
import { expect, expectAccessible, test } from "./fixtures";

test.use({ extraHTTPHeaders: async ({}, use) => use(clientHeaders()) });

test("varje sida har en CSP med ny nonce, appens egna skript bär den och inget bryter mot policyn", async ({ page }) => {
  const violations: string[] = [];
  await page.exposeFunction("reportCspViolation", (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      (window as unknown as { reportCspViolation: (v: string) => void }).reportCspViolation(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  // A query of its own, so that this is a render and not an anonymous snapshot (tested below).
  const first = await page.goto(`/program?q=&nonce=${Date.now()}`);
  expect(first!.headers()["x-larpass-snapshot"]).toBe("miss");
  const csp = first!.headers()["content-security-policy"];
  expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(first!.headers()["x-content-type-options"]).toBe("nosniff");
  expect(first!.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(first!.headers()["permissions-policy"]).toContain("camera=()");
  expect(first!.headers()["strict-transport-security"]).toBeUndefined(); // http here; https is tested in vitest
  const nonce = /'nonce-([^']+)'/.exec(csp)![1];
  // Next's own scripts carry the nonce (the browser hides it from getAttribute, but not from .nonce).
  const nonces = await page.locator("script").evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).nonce));
  expect(nonces.length).toBeGreaterThan(0);
  expect(new Set(nonces)).toEqual(new Set([nonce]));
  // The app still works under the policy: client navigation and the filter form.
  await page.getByRole("link", { name: "Organisationer" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Organisationer");
  const second = await page.request.get(`/program?q=&nonce=${Date.now()}-2`, { headers: { accept: "text/html" } });
  expect(/'nonce-([^']+)'/.exec(second.headers()["content-security-policy"])![1]).not.toBe(nonce);
  expect(violations).toEqual([]);
  await expectAccessible(page);
});

test("en anonym besökare får programmet ur ögonblicksbilden med en hash-CSP, och sidan fungerar under den", async ({ page, browser }) => {
  const violations: string[] = [];
  await page.exposeFunction("reportCspViolation", (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      (window as unknown as { reportCspViolation: (v: string) => void }).reportCspViolation(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  const path = `/program?slot=&bild=${Date.now()}`;
  // The first visit renders (and is kept); the next, within a second, is answered from the snapshot (unless
  // another test edited the programme in between: then it renders again, so try a few times).
  expect((await page.request.get(path, { headers: { accept: "text/html" } })).headers()["x-larpass-snapshot"]).toBe("miss");
  let hit = (await page.goto(path))!;
  for (let i = 0; i < 5 && hit.headers()["x-larpass-snapshot"] !== "hit"; i++) {
    await page.request.get(path, { headers: { accept: "text/html" } });
    hit = (await page.goto(path))!;
  }
  expect(hit.headers()["x-larpass-snapshot"]).toBe("hit");
  const csp = hit.headers()["content-security-policy"];
  const scriptSrc = csp.split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src"))!;
  expect(scriptSrc).toMatch(/^script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+$/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(hit.headers()["x-content-type-options"]).toBe("nosniff");
  // The page hydrates under the hash policy: client navigation works and nothing was blocked.
  await expect(page.getByRole("article").first()).toBeVisible();
  await page.getByRole("link", { name: "Organisationer" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Organisationer");
  expect(violations).toEqual([]);
  await expectAccessible(page);

  // A signed-in member is never answered from it.
  const member = await browser.newContext({ extraHTTPHeaders: clientHeaders() });
  try {
    const memberPage = await member.newPage();
    await signInAs(memberPage, "member", "bild");
    const own = (await memberPage.goto(path))!;
    expect(own.headers()["x-larpass-snapshot"]).toBeUndefined();
    expect(own.headers()["content-security-policy"]).toMatch(/'nonce-/);
  } finally {
    await member.close();
  }
});

test("sidor kan inte ramas in, också bekräftelsesidorna för borttagning", async ({ page }) => {
  await signInAs(page, "organiser", "ram");
  const res = await page.request.get("/arrangor/ta-bort/lokal/1");
  expect(res.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(res.headers()["x-frame-options"]).toBe("DENY");
  // Static files get the static headers too.
  const icon = await page.request.get("/icon.svg");
  expect(icon.headers()["x-content-type-options"]).toBe("nosniff");
  expect(icon.headers()["x-frame-options"]).toBe("DENY");
});

test("utkorgen visas för den här datorn, vad klienten än skriver i huvudena", async ({ page, request }) => {
  const res = await request.get("/utveckling/utkorg", { headers: { "x-larpass-peer": "203.0.113.5", "x-forwarded-for": "203.0.113.5" } });
  expect(res.status()).toBe(200);
  await page.goto("/utveckling/utkorg");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Utkorg");
  await expect(page.getByText("bara för den här datorn")).toBeVisible();
  await expectAccessible(page);
});

test("inloggad: next-adresser som pekar mot en annan värd leder till medlemmens startsida", async ({ page }) => {
  await signInAs(page, "member", "redirect");
  for (const next of ["/.//evil.example", "/..//evil.example", "/%2e//evil.example", "/./\\evil.example", "/a/..//evil.example"]) {
    const res = await page.request.get(`/logga-in?next=${encodeURIComponent(next)}`, { maxRedirects: 0 });
    expect(res.status(), next).toBe(307);
    expect(res.headers()["location"], next).toBe("/program");
  }
  const ok = await page.request.get(`/logga-in?next=${encodeURIComponent("/program?dag=1")}`, { maxRedirects: 0 });
  expect(ok.headers()["location"]).toBe("/program?dag=1");
});

test("ett POST-anrop från en annan webbplats får 403 med ett svenskt besked, inte 500", async ({ request }) => {
  const res = await request.post("/logga-in", {
    headers: { origin: "https://evil.example", "next-action": "0".repeat(42), "content-type": "text/plain;charset=UTF-8" },
    data: "[]",
    maxRedirects: 0,
  });
  expect(res.status()).toBe(403);
  expect(await res.text()).toBe("Förfrågan kom från en annan webbplats och avvisades.");
});
