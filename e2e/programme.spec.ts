import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import type { Page } from "@playwright/test";
import { expect, expectAccessible, test } from "./fixtures";
import { EVENT_NAME, EVENT_SLUG, ProgrammePage, SLOTS, seedTitles } from "./pages/programme-page";

const TITLES = seedTitles();
const GAVLEBORG = ["Från kommunal matlåda till framtidens väg", "Jämställd tillväxt?"];
const VASTERBOTTEN = ["BRP+ vad gömmer sig bakom mätetalen?", "Batterifabriken kommer ‒ stora etableringar i små kommuner", "Region med rätt att påverka"];
const COMPANIES = ["Behåll talangerna!", "100 utvärderingar och 10 lärdomar", "Jämställd tillväxt?"];

/**
 * Client modules ("use client") the build ships for an app route, from Next's client reference manifest
 * (.next/server/app/<route>/page_client-reference-manifest.js): our own files and the framework's.
 */
function clientModules(route: string): { own: string[]; ownOnlyChunks: string[] } {
  const file = path.join(process.cwd(), process.env.NEXT_DIST_DIR || ".next", "server", "app", route, "page_client-reference-manifest.js");
  const sandbox = { globalThis: {} as { __RSC_MANIFEST?: Record<string, { clientModules: Record<string, { chunks: string[] }> }> } };
  vm.runInNewContext(fs.readFileSync(file, "utf8"), sandbox);
  const manifest = Object.values(sandbox.globalThis.__RSC_MANIFEST ?? {})[0];
  const own = new Set<string>();
  const ownChunks = new Set<string>();
  const frameworkChunks = new Set<string>();
  for (const [id, mod] of Object.entries(manifest.clientModules)) {
    const file = id.split("#")[0].replace(/^\[project\]\//, "");
    const mine = !file.startsWith("node_modules/");
    if (mine) own.add(file);
    for (const chunk of mod.chunks) (mine ? ownChunks : frameworkChunks).add(chunk);
  }
  return { own: [...own].sort(), ownOnlyChunks: [...ownChunks].filter((c) => !frameworkChunks.has(c)) };
}

async function metaDescription(page: Page) {
  return page.locator('meta[name="description"]').getAttribute("content");
}

test.describe("programmet", () => {
  test("visar seedens 14 lärpass i tre pass med rätt tider, titel och beskrivning", async ({ page }) => {
    expect(TITLES).toHaveLength(14);
    const programme = new ProgrammePage(page);
    await programme.goto();

    await expect(page).toHaveTitle(`Program: ${EVENT_NAME} – Lärpass`);
    expect(await metaDescription(page)).toMatch(/^På årskonferensens andra dag, torsdag den 15 mars 2018/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(EVENT_NAME);
    await expect(programme.status).toHaveText("14 lärpass.");
    // No filter active: nothing to clear.
    await expect(programme.clear).toHaveCount(0);

    // Seed layout: import order, five parallel lärpass per slot.
    expect(await programme.grouped()).toEqual({
      [SLOTS[0]]: TITLES.slice(0, 5),
      [SLOTS[1]]: TITLES.slice(5, 10),
      [SLOTS[2]]: TITLES.slice(10, 14),
    });
    for (const time of SLOTS) await expect(programme.slotRegion(time)).toBeVisible();
    await expect(programme.slotRegion(SLOTS[0]).locator("time").first()).toHaveAttribute("datetime", "2018-03-15T08:00:00.000Z");

    // Each card links to its lärpass page and lists speakers with their organisations.
    const card = page.getByRole("article").filter({ has: page.getByRole("heading", { name: "State of the Nordic Region 2018" }) });
    await expect(programme.larpassLink("State of the Nordic Region 2018")).toHaveAttribute(
      "href",
      `/evenemang/${EVENT_SLUG}/larpass/state-of-the-nordic-region-2018`,
    );
    await expect(card.getByRole("list", { name: "Talare" }).getByRole("listitem")).toHaveText(["Kjell Nilsson, direktör, Nordregio"]);
    await expect(card.getByRole("link", { name: "Kjell Nilsson" })).toHaveAttribute("href", "/talare/kjell-nilsson");
    await expect(card.getByRole("link", { name: "Nordregio" })).toHaveAttribute("href", "/organisationer/nordregio");
    await expect(card).toContainText("Lilla salen · 40 platser");

    await expectAccessible(page);
  });

  test("evenemangets egen adress visar samma program", async ({ page }) => {
    const programme = new ProgrammePage(page);
    await programme.goto("", `/evenemang/${EVENT_SLUG}`);
    await expect(page).toHaveTitle(`Program: ${EVENT_NAME} – Lärpass`);
    await expect(programme.status).toHaveText("14 lärpass.");
    expect(await programme.titles()).toEqual(TITLES);
    // The form submits to the event's own address, not /program.
    await expect(programme.form).toHaveAttribute("action", `/evenemang/${EVENT_SLUG}`);
    await programme.kind.selectOption({ label: "Lärosäte" });
    await programme.submit.click();
    await expect(page).toHaveURL(`/evenemang/${EVENT_SLUG}?q=&slot=&org=&kind=university`);
    await programme.expectShowing(["Tillbaka till framtiden"]);
    await expectAccessible(page);
  });

  test("startsidan och evenemangslistan leder till programmet", async ({ page }) => {
    await page.goto("/");
    // The root page is in the layout's own segment, so the "%s – Lärpass" template does not apply.
    await expect(page).toHaveTitle(EVENT_NAME);
    expect(await metaDescription(page)).toMatch(/^På årskonferensens andra dag/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(EVENT_NAME);
    await expect(page.getByRole("region", { name: "Passen under dagen" }).getByRole("listitem")).toHaveText([
      `${SLOTS[0]}: 5 lärpass`,
      `${SLOTS[1]}: 5 lärpass`,
      `${SLOTS[2]}: 4 lärpass`,
    ]);
    await expectAccessible(page);

    // A slot on the start page is a link to the programme filtered on that slot.
    await page.getByRole("link", { name: SLOTS[2] }).click();
    const programme = new ProgrammePage(page);
    await expect(page).toHaveURL(/\/program\?slot=\d+$/);
    await programme.expectShowing(TITLES.slice(10, 14));
    await expect(programme.slotRegions()).toHaveCount(1);
    await expect(programme.slot.locator("option:checked")).toHaveText(SLOTS[2]);

    await page.goto("/");
    await page.getByRole("link", { name: "Se alla 14 lärpass" }).click();
    await expect(page).toHaveURL("/program");
    await expect(programme.status).toHaveText("14 lärpass.");

    await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Alla evenemang" }).click();
    await expect(page).toHaveURL("/evenemang");
    await expect(page).toHaveTitle("Alla evenemang – Lärpass");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Alla evenemang");
    await expect(page.getByRole("link", { name: EVENT_NAME })).toHaveAttribute("href", `/evenemang/${EVENT_SLUG}`);
    await expect(page.getByRole("main")).toContainText("14–15 mars 2018");
    await expectAccessible(page);
  });
});

test.describe("filter", () => {
  test("sökning med bara tangentbordet, delbar adress och Rensa filter", async ({ page }) => {
    const programme = new ProgrammePage(page);
    await programme.goto();

    // Tab from the top of the page to the search box (skip link, brand and menu come first).
    let reached = false;
    for (let i = 0; i < 25 && !reached; i++) {
      await page.keyboard.press("Tab");
      reached = await programme.search.evaluate((el) => el === document.activeElement);
    }
    expect(reached, "sökrutan nås med Tab").toBe(true);
    await page.keyboard.type("Gävleborg");
    await page.keyboard.press("Enter");

    await expect(page).toHaveURL(/[?&]q=G%C3%A4vleborg(&|$)/);
    await programme.expectShowing(GAVLEBORG);
    await expect(programme.search).toHaveValue("Gävleborg");
    await expectAccessible(page);

    // Shareable: loading the address directly gives the same result.
    await page.goto(page.url());
    await programme.expectShowing(GAVLEBORG);
    await expect(programme.search).toHaveValue("Gävleborg");

    // "Rensa filter" restores the whole programme.
    await programme.clear.focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL("/program");
    await expect(programme.status).toHaveText("14 lärpass.");
    expect(await programme.titles()).toEqual(TITLES);
    await expect(programme.search).toHaveValue("");
    await expect(programme.clear).toHaveCount(0);
  });

  test("organisation, typ av organisation och tid smalnar av programmet", async ({ page }) => {
    const programme = new ProgrammePage(page);
    await programme.goto();

    await programme.organisation.selectOption({ label: "Region Västerbotten" });
    await programme.submit.click();
    await expect(page).toHaveURL(/[?&]org=region-vasterbotten(&|$)/);
    await programme.expectShowing(VASTERBOTTEN);

    await page.goto("/program?org=region-vasterbotten");
    await programme.expectShowing(VASTERBOTTEN);
    await expect(programme.organisation).toHaveValue("region-vasterbotten");

    await programme.organisation.selectOption("");
    await programme.kind.selectOption({ label: "Företag" });
    await programme.submit.click();
    await expect(page).toHaveURL(/[?&]kind=company(&|$)/);
    await expect(page).not.toHaveURL(/org=region/);
    await programme.expectShowing(COMPANIES);

    await expect(programme.kind).toHaveValue("company");

    // Filters combine: companies in the first slot only.
    await programme.slot.selectOption({ label: SLOTS[0] });
    await programme.submit.click();
    await expect(page).toHaveURL(/[?&]kind=company(&|$)/);
    await programme.expectShowing(["Behåll talangerna!"]);
    await expect(programme.slotRegions()).toHaveCount(1);
    await expect(programme.slotRegion(SLOTS[0])).toBeVisible();

    await programme.clear.click();
    await expect(page).toHaveURL("/program");
    await expect(programme.status).toHaveText("14 lärpass.");
    await expect(programme.slotRegions()).toHaveCount(3);
  });

  test("en sökning utan träffar säger det och erbjuder alla lärpass", async ({ page }) => {
    const programme = new ProgrammePage(page);
    await programme.goto("?q=zzzfinnsinte");
    await expect(programme.status).toHaveText("Visar 0 av 14 lärpass.");
    await expect(page.getByRole("article")).toHaveCount(0);
    await expect(page.getByText("Inga lärpass matchar filtret.")).toBeVisible();
    await page.getByRole("link", { name: "Visa alla lärpass" }).click();
    await expect(programme.status).toHaveText("14 lärpass.");
    await expectAccessible(page);
  });
});

test.describe("lärpass, talare och organisationer", () => {
  test("kortet i programmet visar början av sammanfattningen, rubriken leder till hela texten", async ({ page }) => {
    const programme = new ProgrammePage(page);
    await programme.goto();
    const card = page.getByRole("article").filter({ has: page.getByRole("heading", { name: "Behåll talangerna!" }) });
    // The programme of a large event lists hundreds of lärpass: a card keeps the opening of the abstract only.
    await expect(card.locator("p.excerpt")).toHaveText(
      /^Urbaniseringen kan dränera landsbygden på kompetent arbetskraft\. Därför är frågan viktig: Hur kan vi behålla .*…$/,
    );
    await expect(card).not.toContainText("konkurrenskraft");
    const title = programme.larpassLink("Behåll talangerna!");
    await expect(title).toHaveAttribute("href", `/evenemang/${EVENT_SLUG}/larpass/behall-talangerna`);
    await expectAccessible(page);

    await title.click();
    await expect(page).toHaveURL(`/evenemang/${EVENT_SLUG}/larpass/behall-talangerna`);
    await expect(page.getByRole("main")).toContainText(
      "för att säkerställa regionernas konkurrenskraft på sikt? Lärpasset presenterar Higher ambition trainee program",
    );
  });

  test("lärpasssidan visar tid, lokal och talare med organisation, och leder vidare", async ({ page }) => {
    const programme = new ProgrammePage(page);
    await programme.goto();
    await programme.larpassLink("Behåll talangerna!").click();

    await expect(page).toHaveURL(`/evenemang/${EVENT_SLUG}/larpass/behall-talangerna`);
    await expect(page).toHaveTitle("Behåll talangerna! – Lärpass");
    expect(await metaDescription(page)).toMatch(/^Urbaniseringen kan dränera landsbygden/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Behåll talangerna!");
    await expect(page.getByRole("main")).toContainText("Higher ambition trainee program");
    await expect(page.getByRole("navigation", { name: "Brödsmulor" }).getByRole("link", { name: EVENT_NAME })).toHaveAttribute(
      "href",
      `/evenemang/${EVENT_SLUG}`,
    );

    const facts = page.getByRole("complementary", { name: "Tid och plats" });
    const fact = (term: string) => facts.locator(`dt:text-is("${term}") + dd`);
    await expect(fact("Tid")).toHaveText("torsdag 15 mars 2018, 09:00–09:45");
    await expect(fact("Lokal")).toHaveText("Rum Götaland");
    await expect(fact("Platser")).toHaveText("24");
    await expect(fact("Språk")).toHaveText("Svenska");

    const speakers = page.getByRole("region", { name: "Talare" }).getByRole("listitem");
    await expect(speakers).toHaveCount(3);
    const expected = [
      ["Britta Zetterlund-Johansson", "Region Värmland", "britta-zetterlund-johansson", "region-varmland"],
      ["Anne-Charlotte Sverkström", "Effect management", "anne-charlotte-sverkstrom", "effect-management"],
      ["Maja Hedin", "Effect management", "maja-hedin", "effect-management"],
    ];
    for (const [i, [name, org, slug, orgSlug]] of expected.entries()) {
      const links = speakers.nth(i).getByRole("link");
      await expect(links).toHaveText([name, org]);
      await expect(links.nth(0)).toHaveAttribute("href", `/talare/${slug}`);
      await expect(links.nth(1)).toHaveAttribute("href", `/organisationer/${orgSlug}`);
    }
    await expectAccessible(page);

    // Speaker page.
    await speakers.nth(1).getByRole("link", { name: "Anne-Charlotte Sverkström" }).click();
    await expect(page).toHaveURL("/talare/anne-charlotte-sverkstrom");
    await expect(page).toHaveTitle("Anne-Charlotte Sverkström – Lärpass");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Anne-Charlotte Sverkström");
    const talks = page.getByRole("main").getByRole("article");
    await expect(talks.getByRole("heading", { level: 3 })).toHaveText(["Behåll talangerna!"]);
    await expect(talks).toContainText("torsdag 15 mars 2018 09:00–09:45 · Rum Götaland");
    await expectAccessible(page);

    // Organisation page, reached from the speaker page.
    await page.getByRole("main").locator("p.meta").getByRole("link", { name: "Effect management" }).click();
    await expect(page).toHaveURL("/organisationer/effect-management");
    await expect(page).toHaveTitle("Effect management – Lärpass");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Effect management");
    await expect(page.getByRole("main").locator("p.meta").first()).toHaveText("Företag");
    const people = page.locator('h2:text-is("Talare") + ul').getByRole("link");
    await expect(people).toHaveText(["Anne-Charlotte Sverkström", "Maja Hedin"]);
    await expect(page.getByRole("main").getByRole("article").getByRole("heading", { level: 3 })).toHaveText(["Behåll talangerna!"]);
    await expectAccessible(page);
  });

  test("talarsidan visar roll och organisation", async ({ page }) => {
    const response = await page.goto("/talare/kjell-nilsson");
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kjell Nilsson");
    await expect(page.getByRole("main").locator("p.meta").first()).toHaveText("Direktör, Nordregio");
    expect(await metaDescription(page)).toBe("Kjell Nilsson, direktör, Nordregio: talare på lärpass.");
    await expect(page.getByRole("main").getByRole("article").getByRole("heading", { level: 3 })).toHaveText([
      "State of the Nordic Region 2018",
    ]);
    await expectAccessible(page);
  });

  test("organisationsregistret är i svensk bokstavsordning", async ({ page }) => {
    await page.goto("/organisationer");
    await expect(page).toHaveTitle("Organisationer – Lärpass");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Organisationer");
    const items = page.getByRole("main").locator("ul.org-list > li");
    const names = await items.getByRole("link").allInnerTexts();
    expect(names).toHaveLength(17);

    const sv = new Intl.Collator("sv-SE");
    expect(names).toEqual(names.toSorted(sv.compare));
    // The orderings that tell Swedish collation from code-point or English order.
    const at = (name: string) => {
      const i = names.indexOf(name);
      expect(i, `${name} finns i registret`).toBeGreaterThanOrEqual(0);
      return i;
    };
    expect(at("Region Östergötland")).toBeGreaterThan(at("Region Västerbotten")); // Ö after Z/V, not as O
    expect(at("Region Östergötland")).toBeGreaterThan(at("Region Uppsala"));
    expect(at("Region Värmland")).toBeGreaterThan(at("Region Uppsala")); // Ä not as A
    expect(at("Effect management")).toBeLessThan(at("ESF-rådet")); // case-insensitive
    expect(at("Tillväxtverket")).toBeLessThan(at("Västra Götalandsregionen"));

    await expect(items.filter({ hasText: "Region Västerbotten" })).toHaveText("Region Västerbotten (region, 3 lärpass)");
    await expect(items.filter({ hasText: "Tillväxtverket" })).toHaveText("Tillväxtverket (myndighet, 2 lärpass)");
    await expectAccessible(page);

    await items.getByRole("link", { name: "Region Gävleborg" }).click();
    await expect(page).toHaveURL("/organisationer/region-gavleborg");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Region Gävleborg");
    expect((await page.getByRole("main").getByRole("article").getByRole("heading", { level: 3 }).allInnerTexts()).toSorted()).toEqual(
      GAVLEBORG.toSorted(),
    );
    await expectAccessible(page);
  });
});

test("okända adresser ger 404 och den svenska sidan", async ({ page }) => {
  // Unknown event, lärpass, speaker and organisation (the pages call notFound()) and an unmatched route.
  for (const url of ["/evenemang/finns-inte", `/evenemang/${EVENT_SLUG}/larpass/finns-inte`, "/talare/x", "/organisationer/x", "/nope"]) {
    await test.step(url, async () => {
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(404);
      await expect(page).toHaveTitle("Sidan finns inte – Lärpass");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sidan finns inte");
      await expect(page.getByRole("main").getByRole("link", { name: "Till programmet" })).toHaveAttribute("href", "/program");
      await expectAccessible(page);
    });
  }
});

test.describe("utan JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("filtrera med formuläret och läs ett lärpass", async ({ page }) => {
    const programme = new ProgrammePage(page);
    await programme.goto();
    await expect(programme.status).toHaveText("14 lärpass.");
    await expect(page.getByRole("article")).toHaveCount(14);

    await programme.search.fill("Gävleborg");
    await programme.search.press("Enter");
    await expect(page).toHaveURL(/[?&]q=G%C3%A4vleborg(&|$)/);
    await programme.expectShowing(GAVLEBORG);

    await programme.search.fill("");
    await programme.organisation.selectOption({ label: "Region Västerbotten" });
    await programme.submit.click();
    await expect(page).toHaveURL(/[?&]org=region-vasterbotten(&|$)/);
    await programme.expectShowing(VASTERBOTTEN);

    await programme.clear.click();
    await expect(programme.status).toHaveText("14 lärpass.");

    await programme.larpassLink("Behåll talangerna!").click();
    await expect(page).toHaveURL(`/evenemang/${EVENT_SLUG}/larpass/behall-talangerna`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Behåll talangerna!");
    await expect(page.getByRole("complementary", { name: "Tid och plats" })).toContainText("09:00–09:45");
    await expect(page.getByRole("region", { name: "Talare" }).getByRole("link")).toHaveText([
      "Britta Zetterlund-Johansson",
      "Region Värmland",
      "Anne-Charlotte Sverkström",
      "Effect management",
      "Maja Hedin",
      "Effect management",
    ]);
  });

  test("en okänd adress ger den svenska 404-sidan", async ({ page }) => {
    const response = await page.goto("/nope");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sidan finns inte");
  });

  // A page that calls notFound() itself gets an empty HTML shell from Next.js (vercel/next.js#62228), so
  // proxy.ts answers unknown slugs with the server-rendered 404 page before the page runs.
  for (const url of [
    "/talare/x",
    "/organisationer/x",
    "/evenemang/finns-inte",
    "/evenemang/arskonferens-2018/larpass/finns-inte",
    "/evenemang/finns-inte/andringar",
    "/evenemang/finns-inte/schedule.xml",
  ]) {
    test(`okänd adress ${url} ger en serverrenderad 404-sida`, async ({ page }) => {
      const response = await page.goto(url);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sidan finns inte", { timeout: 1_000 });
    });
  }
});

test.describe("JavaScript för läsaren", () => {
  test("programmet laddar bara ramverkets JS och ser likadant ut utan JS", async ({ page, browser }) => {
    const scripts: { url: string; bytes: number; transferred: number }[] = [];
    page.on("requestfinished", async (request) => {
      if (request.resourceType() !== "script") return;
      const response = await request.response();
      if (!response) return;
      const [body, sizes] = await Promise.all([response.body(), request.sizes()]);
      scripts.push({ url: new URL(request.url()).pathname, bytes: body.length, transferred: sizes.responseBodySize });
    });
    await page.goto("/program", { waitUntil: "networkidle" });
    await expect(page.getByRole("article")).toHaveCount(14);
    const withJs = await page.getByRole("main").innerText();

    const total = scripts.reduce((n, s) => n + s.bytes, 0);
    const transferred = scripts.reduce((n, s) => n + s.transferred, 0);
    console.log(
      `JS för /program: ${scripts.length} filer, ${(total / 1024).toFixed(1)} KiB okomprimerat, ${(transferred / 1024).toFixed(1)} KiB överfört\n` +
        scripts
          .toSorted((a, b) => b.bytes - a.bytes)
          .map((s) => `  ${(s.bytes / 1024).toFixed(1).padStart(7)} KiB  ${s.url}`)
          .join("\n"),
    );
    expect(scripts.length).toBeGreaterThan(0);

    // Our client components on the page: the error boundary (app/error.tsx, needed for "Försök igen"), the
    // offline support in the root layout (components/offline-support.tsx: the service worker, the offline form
    // check) and, for a signed-in member, the choose/leave buttons that update their card from the action's
    // answer (components/signup-control.tsx and the store the cards share), and the card itself
    // (components/card-view.tsx: drawn from plain data, which keeps a large programme's RSC payload small); everything
    // else is Next's router and <Link>. A reader who is not signed in renders no signup control.
    const { own, ownOnlyChunks } = clientModules("program");
    expect(own).toEqual([
      "app/error.tsx",
      "components/card-view.tsx",
      "components/offline-support.tsx",
      "components/signup-control.tsx",
      "components/signup-store.tsx",
    ]);
    const ownBytes = scripts.filter((s) => ownOnlyChunks.includes(s.url)).reduce((n, s) => n + s.bytes, 0);
    console.log(`  varav appens egna klientkomponenter (${own.join(", ")}): ${(ownBytes / 1024).toFixed(1)} KiB`);
    expect(ownBytes).toBeLessThan(2 * 1024);

    // Everything a reader sees is server-rendered: with JavaScript off the main content is identical.
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const noJs = await context.newPage();
      await noJs.goto("/program");
      await expect(noJs.getByRole("article")).toHaveCount(14);
      expect(await noJs.getByRole("main").innerText()).toBe(withJs);
    } finally {
      await context.close();
    }
  });
});

test("programmet länkar till inlämningen av förslag när den är öppen, och annonserar schemaexporterna", async ({ page }) => {
  await page.goto("/program");
  const propose = page.getByRole("link", { name: "Föreslå ett lärpass", exact: true });
  await expect(propose).toHaveAttribute("href", `/evenemang/${EVENT_SLUG}/foresla`);
  await expect(page.locator('head link[rel="alternate"][type="application/json"]')).toHaveAttribute("href", new RegExp(`/evenemang/${EVENT_SLUG}/schedule\\.json$`));
  await propose.click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Föreslå ett lärpass");
});
