// /talare: every speaker of the public programme, by family name, with a letter index.
import { expect, expectAccessible, test } from "./fixtures";

test("talarlistan visar talarna efter efternamn med bokstavsregister, och leder till talarens sida", async ({ page }) => {
  await page.goto("/organisationer");
  await page.getByRole("link", { name: "alla talare" }).click();
  await expect(page).toHaveURL("/talare");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Talare");
  const letters = page.getByRole("navigation", { name: "Bokstäver" });
  await letters.getByRole("link", { name: "N", exact: true }).click();
  await expect(page).toHaveURL(/#bokstav-N$/);
  const n = page.getByRole("region", { name: "N", exact: true });
  await expect(n.getByRole("listitem").filter({ hasText: "Kjell Nilsson" })).toContainText("Nordregio");
  await expectAccessible(page);
  await n.getByRole("link", { name: "Kjell Nilsson" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kjell Nilsson");
});
