// Installable and offline (issue #15, "On the day"): the manifest, the service worker's saved pages with their
// notice, changes tried without a connection, and that sign-out (or another session) leaves nothing personal.
// Needs the service worker: `npm run build` (next build, then serwist build) before this spec.
import type { Page } from "@playwright/test";
import { uniqueEmail } from "./auth";
import { clientHeaders, insertTestEvent, signIn, withTestDb } from "./fixture-data";
import { expect, expectAccessible, test } from "./fixtures";
import { larpass } from "../db/schema";

test.use({ extraHTTPHeaders: async ({}, use) => use(clientHeaders()), serviceWorkers: "allow" });

const noticeText = /^Visas utan uppkoppling, senast hämtad kl\. \d{2}\.\d{2}\.$/;

/** An event of the test's own (in the past, so it never becomes the current one) with one lärpass. */
function ownEvent(label: string) {
  const id = `${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;
  const open = { signupOpensAt: new Date(Date.now() - 3600_000), signupClosesAt: new Date(Date.now() + 3600_000) };
  return withTestDb((db) =>
    db.transaction((tx) => {
      const made = insertTestEvent(tx, {
        slug: `offline-${label}-${id}`,
        name: `Offlinedag ${label} ${id}`,
        date: "2016-03-08",
        slot: ["13:00", "13:45"],
        room: { name: "Källaren", capacity: 20 },
        more: open,
      });
      const lp = tx
        .insert(larpass)
        .values({ eventId: made.event.id, slug: `kallarpass-${id}`, title: `Källarpass ${label} ${id}`, status: "published", timeSlotId: made.slot.id, roomId: made.room.id })
        .returning()
        .get();
      return { ...made, lp };
    }),
  );
}

/** The service worker is installed and controls the page (it only sees requests from a controlled page). */
async function controlled(page: Page) {
  const worker = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return registration.active?.scriptURL;
  });
  expect(worker).toMatch(/\/sw\.js$/);
  await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller)), { message: "sidan styrs av service workern" }).toBe(true);
}

/** Which saved pages the worker holds (per session cache), by path. */
function savedPages(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const out: string[] = [];
    for (const name of await caches.keys()) {
      if (!name.startsWith("larpass-sidor-")) continue;
      for (const request of await (await caches.open(name)).keys()) out.push(new URL(request.url).pathname + new URL(request.url).search);
    }
    return out;
  });
}

async function expectSaved(page: Page, path: string) {
  await expect.poll(() => savedPages(page), { message: `${path} sparas för läsning utan uppkoppling` }).toContain(path);
}

test("appen går att installera: manifest med svenskt kortnamn och ikoner", async ({ page, request }) => {
  await page.goto("/program");
  const href = await page.locator('link[rel="manifest"]').getAttribute("href");
  expect(href).toBeTruthy();
  const res = await request.get(href!);
  expect(res.status()).toBe(200);
  const manifest = (await res.json()) as { name: string; short_name: string; lang: string; start_url: string; display: string; icons: { src: string; sizes: string; type: string; purpose?: string }[] };
  expect(manifest.short_name).toBe("Lärpass");
  expect(manifest.name).toContain("Lärpass");
  expect(manifest.lang).toBe("sv");
  expect(manifest.display).toBe("standalone");
  expect(manifest.start_url).toBe("/mitt-program");
  const png = manifest.icons.filter((i) => i.type === "image/png");
  expect(png.map((i) => `${i.sizes} ${i.purpose}`).sort()).toEqual(["192x192 any", "512x512 any", "512x512 maskable"]);
  for (const icon of png) {
    const file = await request.get(icon.src);
    expect(file.status(), icon.src).toBe(200);
    expect(file.headers()["content-type"]).toBe("image/png");
    const [w, h] = icon.sizes.split("x").map(Number);
    const bytes = await file.body();
    // The PNG's IHDR: width and height at bytes 16–23.
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)], icon.src).toEqual([w, h]);
  }
  // The worker script is served from this site, under the page's Content-Security-Policy (worker-src 'self').
  const sw = await request.get("/sw.js");
  expect(sw.status(), "public/sw.js saknas: bygg med npm run build (next build och serwist build)").toBe(200);
  const csp = (await request.get("/program")).headers()["content-security-policy"];
  expect(csp).toContain("worker-src 'self'");
});

test("Mitt program och programmet går att läsa utan uppkoppling, ändringar säger att nätet behövs, och efter utloggningen finns inget kvar", async ({ page, context }) => {
  const own = ownEvent("a");
  await signIn(page, uniqueEmail("offline"));
  await page.goto(`/evenemang/${own.event.slug}/larpass/${own.lp.slug}`);
  await page.getByRole("button", { name: `Välj ${own.lp.title}`, exact: true }).click();
  await expect(page.getByText(/^Klart!/)).toBeVisible();

  // Opened once with a connection: the programme and Mitt program.
  await page.goto("/program");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await controlled(page);
  await expectSaved(page, "/program");
  const programmeHeading = await page.getByRole("heading", { level: 1 }).innerText();
  await page.goto("/mitt-program");
  await expect(page.getByText(`${own.event.name}: du har valt 1 av 1 pass.`)).toBeVisible();
  await expectSaved(page, "/mitt-program");

  // No connection: Mitt program reloads from the saved copy, with the member's own choice and the notice;
  // the page still reads once its (saved) scripts have run.
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Mitt program", level: 1 })).toBeVisible();
  await expect(page.getByText(`${own.event.name}: du har valt 1 av 1 pass.`)).toBeVisible();
  await expect(page.getByRole("table").getByRole("link", { name: own.lp.title, exact: true })).toBeVisible();
  const offlineNotice = page.getByRole("status").filter({ hasText: "Visas utan uppkoppling" });
  await expect(offlineNotice).toHaveText(noticeText);
  await page.waitForLoadState("load");
  await page.waitForTimeout(1_000);
  await expect(offlineNotice).toBeVisible();
  await expectAccessible(page);

  // The programme too.
  await page.goto("/program");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(programmeHeading);
  await expect(page.getByRole("status").filter({ hasText: "Visas utan uppkoppling" })).toHaveText(noticeText);

  // A change needs the network: the button says so instead of failing silently, and nothing is sent.
  await page.goto("/mitt-program");
  await page.getByRole("button", { name: /^Lämna platsen/ }).click();
  const alert = page.getByRole("alert").filter({ hasText: "Du är inte uppkopplad" });
  await expect(alert).toContainText("ingenting har skickats");
  await expectAccessible(page);
  await alert.getByRole("button", { name: "Stäng" }).click();
  await expect(alert).toHaveCount(0);

  // A plain form post (no JavaScript, or before it has loaded) is answered by the worker's own page.
  await page.getByRole("button", { name: /^Lämna platsen/ }).evaluate((button) => (button as HTMLButtonElement).form!.submit());
  await expect(page.getByRole("heading", { name: "Ändringen skickades inte", level: 1 })).toBeVisible();
  await expect(page.getByText("Du är inte uppkopplad, så det du skickade")).toBeVisible();
  await expectAccessible(page);

  // A page never opened is not there, and says so.
  await page.goto("/talare");
  await expect(page.getByRole("heading", { name: "Sidan finns inte sparad", level: 1 })).toBeVisible();
  await expectAccessible(page);

  // Back online: the seat is still there (nothing was sent), then sign out.
  await context.setOffline(false);
  await page.goto("/mitt-program");
  await expect(page.getByText(`${own.event.name}: du har valt 1 av 1 pass.`)).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Visas utan uppkoppling" })).toHaveCount(0);
  await page.getByRole("button", { name: "Logga ut" }).click();
  await expect(page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Logga in" })).toBeVisible();

  // Offline after signing out: not the old personal page. (Auth.js sends the browser to AUTH_URL's host,
  // 127.0.0.1, after signing out; this site, localhost, has had no page since, so only the sign-out itself
  // can have emptied its saved pages.)
  await context.setOffline(true);
  await page.goto("/mitt-program");
  expect(new URL(page.url()).hostname).toBe("localhost");
  await expect(page.getByRole("heading", { name: "Sidan finns inte sparad", level: 1 })).toBeVisible();
  await expect(page.getByText(own.lp.title)).toHaveCount(0);
  await expect(page.getByText("du har valt")).toHaveCount(0);
  expect(await savedPages(page)).toEqual([]);
});

test("en annan inloggning på samma enhet får aldrig den förras sparade sidor, också utan utloggning", async ({ page, context }) => {
  const own = ownEvent("b");
  await signIn(page, uniqueEmail("offline-a"));
  await page.goto(`/evenemang/${own.event.slug}/larpass/${own.lp.slug}`);
  await page.getByRole("button", { name: `Välj ${own.lp.title}`, exact: true }).click();
  await expect(page.getByText(/^Klart!/)).toBeVisible();
  await page.goto("/mitt-program");
  await expect(page.getByRole("table").getByRole("link", { name: own.lp.title, exact: true })).toBeVisible();
  await controlled(page);
  await expectSaved(page, "/mitt-program");

  // The session ends without the sign-out button (expired, or cleared by the browser), and someone else
  // signs in on the same device.
  await context.clearCookies();
  await signIn(page, uniqueEmail("offline-b"));
  await expect.poll(() => savedPages(page), { message: "den förra sessionens sidor är borta" }).not.toContain("/mitt-program");

  await context.setOffline(true);
  await page.goto("/mitt-program");
  await expect(page.getByRole("heading", { name: "Sidan finns inte sparad", level: 1 })).toBeVisible();
  await expect(page.getByText(own.lp.title)).toHaveCount(0);
});

test.describe("när uppkopplingen bryts utan att webbläsaren märkt det", () => {
  // No worker needed here: the page believes it is online, and the action's request never reaches the server.
  test.use({ serviceWorkers: "block" });

  test("en ändring som inte når servern säger att nätet behövs, och ingenting ändras", async ({ page }) => {
    const own = ownEvent("c");
    await signIn(page, uniqueEmail("offline-c"));
    await page.goto(`/evenemang/${own.event.slug}/larpass/${own.lp.slug}`);
    await page.route("**/*", (route) =>
      route.request().method() === "POST" && route.request().headers()["next-action"] ? route.abort("internetdisconnected") : route.continue(),
    );
    await page.getByRole("button", { name: `Välj ${own.lp.title}`, exact: true }).click();
    await expect(page.getByRole("heading", { name: "Du är inte uppkopplad", level: 1 })).toBeVisible();
    await expect(page.getByText("Det du skickade nådde inte servern, så ingenting har ändrats.")).toBeVisible();
    await expectAccessible(page);
    await page.unroute("**/*");
    await page.reload();
    await expect(page.getByRole("button", { name: `Välj ${own.lp.title}`, exact: true })).toBeVisible();
  });
});
