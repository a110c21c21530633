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
