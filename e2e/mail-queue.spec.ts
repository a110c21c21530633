// The mail queue seen by an organiser: failed mails with "Försök igen", which sends them.
import { latestMailTo, uniqueEmail } from "./auth";
import { clientHeaders, signInAs, withTestDb } from "./fixture-data";
import { expect, expectAccessible, test } from "./fixtures";
import { mailQueue } from "../db/schema";

test.use({ extraHTTPHeaders: async ({}, use) => use(clientHeaders()) });

test("arrangören ser misslyckade mejl och skickar om ett", async ({ page }) => {
  const to = uniqueEmail("misslyckat");
  withTestDb((db) =>
    db
      .insert(mailQueue)
      .values({ to, subject: "Ditt val är flyttat", body: "Hej!", status: "failed", attempts: 8, lastError: "connect ECONNREFUSED", nextAttemptAt: new Date(), createdAt: new Date() })
      .run(),
  );
  await signInAs(page, "organiser", "epost");
  await page.goto("/arrangor");
  await page.getByRole("navigation", { name: "Arrangörsmeny" }).getByRole("link", { name: "E-post" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("E-post");
  const failed = page.getByRole("region", { name: "Mejl som inte kunde skickas" });
  await expect(failed.getByRole("row").filter({ hasText: to })).toContainText("Misslyckades efter 8 försök");
  await expectAccessible(page);
  await failed.getByRole("button", { name: `Försök igen: Ditt val är flyttat till ${to}` }).click();
  await expect(page.getByText("Mejlet är lagt i kön igen.")).toBeVisible();
  expect((await latestMailTo(to)).subject).toBe("Ditt val är flyttat");
  await expect(page.getByRole("region", { name: "Mejl som inte kunde skickas" }).getByText(to)).toHaveCount(0);
  await expectAccessible(page);
});
