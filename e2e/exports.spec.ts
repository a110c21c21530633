// #15's print views, door signs and export pages in the built app: print media emulation with no navigation
// and every lärpass present, a door sign's QR code decoded (jsQR) to the lärpass's address, the calendar file
// and the schedule links, and axe on every new page.
import jsQR from "jsqr";
import { PNG } from "pngjs";
import { expect, expectAccessible, test } from "./fixtures";
import { EVENT_NAME, EVENT_SLUG, seedTitles } from "./pages/programme-page";

const TITLES = seedTitles();

/** The pages of a PDF Chromium prints ("Spara som PDF"), with their sizes in points. */
async function pdfPages(page: import("@playwright/test").Page): Promise<{ width: number; height: number }[]> {
  const pdf = (await page.pdf({ preferCSSPageSize: true })).toString("latin1");
  return [...pdf.matchAll(/\/Type\s*\/Page\b[^s][\s\S]*?\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map((m) => ({
    width: Number(m[3]) - Number(m[1]),
    height: Number(m[4]) - Number(m[2]),
  }));
}

/** Every navigation landmark and the site's header are hidden (display: none counts as not visible). */
async function expectNoNavigation(page: import("@playwright/test").Page) {
  const navs = page.locator("nav, header.site-header, footer.site-footer, .skip-link");
  const n = await navs.count();
  expect(n).toBeGreaterThan(0);
  for (let i = 0; i < n; i++) await expect(navs.nth(i)).toBeHidden();
}

test.describe("utskrift", () => {
  test("programmet att skriva ut: en tabell per dag, alla lärpass, ingen navigation på papper", async ({ page }) => {
    await page.goto(`/evenemang/${EVENT_SLUG}/utskrift`);
    await expect(page).toHaveTitle(`Programmet att skriva ut: ${EVENT_NAME} – Lärpass`);
    await expectAccessible(page);
    // On screen the site's menu is there.
    await expect(page.getByRole("navigation", { name: "Brödsmulor" })).toBeVisible();

    await page.emulateMedia({ media: "print" });
    await expectNoNavigation(page);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(EVENT_NAME);
    await expect(page.locator(".print-head")).toContainText("Senast uppdaterad");
    const table = page.getByRole("table");
    await expect(table).toHaveCount(1); // the seed's lärpass are all on one day
    // Rows are the seed's three slots, columns its five rooms (and the time column).
    await expect(table.locator("tbody tr")).toHaveCount(3);
    await expect(table.locator("thead th")).toHaveCount(6);
    for (const title of TITLES) await expect(table.getByRole("link", { name: title, exact: true })).toBeVisible();
    // Speakers come with their organisations.
    await expect(table).toContainText("Region Norrbotten");
    // One A4 page (portrait) for the one day.
    const pages = await pdfPages(page);
    expect(pages).toHaveLength(1);
    expect(pages[0].height).toBeGreaterThan(pages[0].width);
  });

  test("alla lärpass med sammanfattning, på papper", async ({ page }) => {
    await page.goto(`/evenemang/${EVENT_SLUG}/utskrift/lista`);
    await expectAccessible(page);
    await page.emulateMedia({ media: "print" });
    await expectNoNavigation(page);
    const headings = page.getByRole("heading", { level: 3 });
    await expect(headings).toHaveCount(TITLES.length);
    expect((await headings.allTextContents()).map((t) => t.trim()).sort()).toEqual([...TITLES].sort());
    await expect(page.locator(".print-list article").first().locator(".prose")).not.toBeEmpty();
    await expect(page.locator(".print-head")).toContainText("Senast uppdaterad");
  });

  test.describe("dörrskyltar", () => {
    test.use({ deviceScaleFactor: 2 });

    test("en skylt per lokal med lärpassen i tidsordning; QR-koden leder till lärpassets sida", async ({ page, baseURL }) => {
      await page.goto(`/evenemang/${EVENT_SLUG}/utskrift/dorrskyltar`);
      await expectAccessible(page);
      await page.emulateMedia({ media: "print" });
      await expectNoNavigation(page);
      const signs = page.locator("section.door-sign");
      await expect(signs).toHaveCount(5); // five rooms, one day
      const items = page.locator("section.door-sign li");
      await expect(items).toHaveCount(TITLES.length);
      // Times on a sign go in order.
      const times = await signs.first().locator(".when").allTextContents();
      expect(times).toEqual([...times].sort());

      // Each sign on its own A4 in landscape.
      const pages = await pdfPages(page);
      expect(pages).toHaveLength(5);
      for (const p of pages) expect(p.width).toBeGreaterThan(p.height);

      const first = items.first();
      const title = (await first.locator("strong").textContent())!.trim();
      const png = PNG.sync.read(await first.locator(".qr svg").screenshot());
      const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
      expect(code, "QR-koden gick inte att läsa").not.toBeNull();
      expect(code!.data).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/evenemang/${EVENT_SLUG}/larpass/[a-z0-9-]+$`));
      // The address is the lärpass on that line.
      await page.emulateMedia({ media: "screen" });
      await page.goto(new URL(new URL(code!.data).pathname, baseURL).toString());
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    });
  });
});

test.describe("kalender och export", () => {
  test("lärpassets sida har Lägg till i kalendern, en .ics-fil med lärpasset", async ({ page }) => {
    await page.goto(`/evenemang/${EVENT_SLUG}/larpass/behall-talangerna`);
    const link = page.getByRole("link", { name: "Lägg till i kalendern" });
    await expect(link).toBeVisible();
    const res = await page.request.get((await link.getAttribute("href"))!);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toContain("text/calendar");
    const ics = await res.text();
    expect(ics).toContain("BEGIN:VTIMEZONE");
    expect(ics).toContain("SUMMARY:Behåll talangerna! (lärpass)");
    expect(ics).toMatch(/DTSTART;TZID=Europe\/Stockholm:20180315T\d{6}/);
  });

  test("programmet pekar ut schedule.xml, schedule.json och kalendern med link rel=alternate; Ändringar sina flöden", async ({ page, request }) => {
    await page.goto(`/evenemang/${EVENT_SLUG}`);
    const alt = (type: string) => page.locator(`link[rel="alternate"][type="${type}"]`);
    for (const [type, suffix] of [
      ["application/json", "schedule.json"],
      ["application/xml", "schedule.xml"],
      ["text/calendar", "kalender.ics"],
    ] as const) {
      const href = await alt(type).getAttribute("href");
      expect(href).toMatch(new RegExp(`/evenemang/${EVENT_SLUG}/${suffix.replace(".", "\\.")}$`));
      expect((await request.get(new URL(href!).pathname)).status()).toBe(200);
    }
    const json = await (await request.get(`/evenemang/${EVENT_SLUG}/schedule.json`)).json();
    expect(json.schedule.conference.acronym).toBe("arskonferens_2018");

    await page.goto(`/evenemang/${EVENT_SLUG}/andringar`);
    await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]')).toHaveCount(1);
    await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveCount(1);
    await expectAccessible(page);
    const rss = await request.get(`/evenemang/${EVENT_SLUG}/andringar/rss.xml`);
    expect(rss.headers()["content-type"]).toContain("application/rss+xml");
    expect(await rss.text()).toContain("<rss");
  });

  test("Utskrift och export och API-sidan listar allt och klarar axe", async ({ page, request }) => {
    await page.goto(`/evenemang/${EVENT_SLUG}`);
    await page.getByRole("link", { name: "Programmet på papper, i kalendern och i andra appar" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Utskrift och export");
    await expectAccessible(page);
    for (const name of ["Programmet att skriva ut", "Alla lärpass med sammanfattning", "Dörrskyltar", "Prenumerera på hela programmet", "schedule.xml", "schedule.json", "RSS", "Atom"]) {
      await expect(page.getByRole("link", { name, exact: true })).toBeVisible();
    }
    await page.getByRole("link", { name: "Programmets API" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("API för programmet");
    await expectAccessible(page);
    const openapi = await request.get("/api/v1/openapi.json");
    expect(openapi.headers()["access-control-allow-origin"]).toBe("*");
    expect((await openapi.json()).openapi).toBe("3.1.0");
    const events = await request.get("/api/v1/evenemang", { headers: { origin: "https://region.example.se" } });
    expect(events.headers()["access-control-allow-origin"]).toBe("*");
    const etag = events.headers()["etag"];
    expect((await request.get("/api/v1/evenemang", { headers: { "if-none-match": etag } })).status()).toBe(304);
  });
});
