import type { Page } from "@playwright/test";
import { expect, expectAccessible, test } from "./fixtures";
import { EVENT_SLUG, ProgrammePage } from "./pages/programme-page";

/** No horizontal scrolling; on failure, name the elements that stick out. */
async function expectNoHorizontalScroll(page: Page) {
  const { scrollWidth, innerWidth, offenders } = await page.evaluate(() => {
    const width = window.innerWidth;
    const offenders = [...document.querySelectorAll("body *")]
      .filter((el) => el.getBoundingClientRect().right > width + 0.5)
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).replace(/\s+/g, ".")}` : ""}`);
    return { scrollWidth: document.scrollingElement!.scrollWidth, innerWidth: width, offenders };
  });
  expect(scrollWidth, `vågrät rullning på ${page.url()}: ${offenders.join(", ")}`).toBeLessThanOrEqual(innerWidth);
}

test("programmet får plats på bredden, menyn nås och axe godkänner", async ({ page }) => {
  const programme = new ProgrammePage(page);
  await programme.goto();
  expect(page.viewportSize()!.width).toBeLessThan(500); // really the phone viewport
  await expect(page.getByRole("article")).toHaveCount(14);
  await expectNoHorizontalScroll(page);
  // The filter form's fields fit the width of the screen too.
  const width = page.viewportSize()!.width;
  for (const field of [programme.search, programme.slot, programme.organisation, programme.kind, programme.submit]) {
    const box = (await field.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(width);
  }
  await expectAccessible(page);

  // The main menu is visible at the top without opening anything, and works by touch.
  const nav = page.getByRole("navigation", { name: "Huvudmeny" });
  for (const name of ["Program", "Organisationer", "Alla evenemang"]) {
    await expect(nav.getByRole("link", { name, exact: true })).toBeInViewport();
  }
  await nav.getByRole("link", { name: "Organisationer" }).tap();
  await expect(page).toHaveURL("/organisationer");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Organisationer");
  await expectNoHorizontalScroll(page);
  await expectAccessible(page);
});

test("filtrerat program och lärpasssida får plats på bredden", async ({ page }) => {
  const programme = new ProgrammePage(page);
  await programme.goto("?q=G%C3%A4vleborg");
  await expect(programme.status).toHaveText("Visar 2 av 14 lärpass.");
  await expect(programme.clear).toBeVisible();
  await expectNoHorizontalScroll(page);
  await expectAccessible(page);

  await page.goto(`/evenemang/${EVENT_SLUG}/larpass/kan-branschskolor-bidra-till-den-regionala-attraktionskraften`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kan branschskolor bidra till den regionala attraktionskraften?");
  await expect(page.getByRole("complementary", { name: "Tid och plats" })).toContainText("11:15–12:00");
  await expectNoHorizontalScroll(page);
  await expectAccessible(page);
});

test("på en telefon: de nya sidorna får plats på bredden och axe godkänner dem", async ({ page, context }) => {
  const { clientHeaders, signInAs } = await import("./fixture-data");
  await context.setExtraHTTPHeaders(clientHeaders());
  for (const path of ["/talare", "/kontot-borttaget?platser=1&koplatser=0", "/logga-in"]) {
    await page.goto(path);
    await expectNoHorizontalScroll(page);
    await expectAccessible(page);
  }
  await signInAs(page, "organiser", "mobil");
  // The welcome step right after the first sign-in.
  await expect(page).toHaveURL(/\/konto\/valkommen/);
  await expectNoHorizontalScroll(page);
  await expectAccessible(page);
  // The header is compact: two short rows, well under a third of the screen.
  const header = (await page.locator(".site-header").boundingBox())!;
  expect(header.height).toBeLessThan(page.viewportSize()!.height / 6);
  await page.getByRole("button", { name: "Hoppa över nu" }).click();
  for (const path of ["/program", "/mitt-program", "/konto", "/arrangor/epost", "/arrangor/organisationer", `/evenemang/${EVENT_SLUG}/andringar`]) {
    await page.goto(path);
    await expectNoHorizontalScroll(page);
    await expectAccessible(page);
  }
  const eventId = await page.goto("/arrangor").then(() => page.getByRole("link", { name: "Reglabs årskonferens 2018" }).first().getAttribute("href"));
  await page.goto(`${eventId}/efterfragan`);
  await expectNoHorizontalScroll(page);
  await expectAccessible(page);
});
