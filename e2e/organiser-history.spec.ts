// The revision history: an organiser edits a lärpass twice, reads the word diff on Historik, restores the
// first version, and the change reaches the lärpass page and the public Ändringar page. The speaker form
// refuses a stale save and shows both versions; the speaker's Historik shows the change.
import type { Page } from "@playwright/test";
import { larpass, speakers } from "../db/schema";
import { clientHeaders, insertTestEvent, signInAs, withTestDb } from "./fixture-data";
import { expect, expectAccessible, test } from "./fixtures";
import { HistoryPage } from "./pages/organiser-pages";

test.use({ extraHTTPHeaders: async ({}, use) => use(clientHeaders()) });

const signInAsOrganiser = (page: Page) => signInAs(page, "organiser", "historik");

/** A published event with one published lärpass, and a speaker, straight in the test database. */
function seed() {
  return withTestDb((db) =>
    db.transaction((tx) => {
      const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;
      const { event, slot, room } = insertTestEvent(tx, {
        slug: `e2e-historik-${stamp}`,
        name: `Historikdagen ${stamp}`,
        date: "2016-05-10",
        slot: ["09:00", "09:45"],
        room: { name: "Historiksalen", capacity: 20 },
      });
      const lp = tx
        .insert(larpass)
        .values({ eventId: event.id, slug: "historikpasset", title: `Historikpasset ${stamp}`, abstract: "Från början.", status: "published", timeSlotId: slot.id, roomId: room.id })
        .returning()
        .get();
      const speaker = tx
        .insert(speakers)
        .values({ slug: `historiktalare-${stamp}`, name: `Historiktalare ${stamp}`, bio: "Arbetar med regional analys." })
        .returning()
        .get();
      return { event, larpass: lp, speaker };
    }),
  );
}

async function saveAbstract(page: Page, text: string) {
  await page.getByLabel("Sammanfattning").fill(text);
  await page.getByRole("button", { name: "Spara lärpasset" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Lärpasset är sparat." })).toBeVisible();
}

test.describe("historik och återställning", () => {
  test("två ändringar av sammanfattningen, diffen i historiken, återställ den första, och Ändringar-sidan", async ({ page }) => {
    test.setTimeout(60_000);
    const { event, larpass: lp } = seed();
    await signInAsOrganiser(page);
    await page.goto(`/arrangor/larpass/${lp.id}`);
    await saveAbstract(page, "Första versionen handlar om norr.");
    await saveAbstract(page, "Andra versionen handlar om söder.");

    await page.getByRole("link", { name: "Historik (2 ändringar)" }).click();
    const history = new HistoryPage(page);
    await expect(history.heading).toHaveText(`Historik: ${lp.title}`);
    const entries = history.entries;
    await expect(entries).toHaveCount(2);
    // Newest first: version 3 turned the first text into the second, word by word.
    const newest = entries.first();
    await expect(newest.getByRole("heading", { level: 2 })).toContainText("Version 3:");
    await expect(newest).toContainText(/\(arrangör\)/);
    await expect(newest.locator("dt")).toHaveText(["Sammanfattning"]);
    await expect(newest.locator("del")).toHaveText(["borttaget: Första", "borttaget: norr"]);
    await expect(newest.locator("ins")).toHaveText(["tillagt: Andra", "tillagt: söder"]);
    await expect(newest.getByRole("button", { name: "Återställ den här versionen" })).toHaveCount(0);
    await expect(entries.nth(1).locator("del")).toHaveText(["borttaget: Från början"]);
    await expectAccessible(page);

    await history.restore(1);
    await expect(history.restored).toHaveText("Version 2 är återställd och sparad som en ny ändring.");
    await expect(history.entries).toHaveCount(3);
    await expect(history.entries.first()).toContainText("Återställde version 2");
    await expect(history.entries.first().locator("ins")).toHaveText(["tillagt: Första", "tillagt: norr"]);
    await expectAccessible(page);

    await page.getByRole("link", { name: "Tillbaka till lärpasset" }).click();
    await expect(page.getByLabel("Sammanfattning")).toHaveValue("Första versionen handlar om norr.");
    await expect(page.getByRole("link", { name: "Historik (3 ändringar)" })).toBeVisible();
    await expectAccessible(page);

    // The public page: the abstract changes are listed, with a link instead of both texts.
    await page.goto(`/evenemang/${event.slug}/andringar`);
    const rows = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: lp.title }) });
    await expect(rows.filter({ hasText: "Ny sammanfattning" })).toHaveCount(3);
    await expect(rows.first()).toContainText("Sammanfattningen är uppdaterad.");
    await expect(rows.first()).not.toContainText("Andra versionen handlar om söder.");
    await expectAccessible(page);
    await rows.first().getByRole("link", { name: /^Läs den nya sammanfattningen/ }).click();
    await expect(page.getByText("Första versionen handlar om norr.")).toBeVisible();
  });

  test("talarformuläret vägrar en inaktuell sparning och visar båda versionerna; historiken visar ändringen", async ({ browser }) => {
    const { speaker } = seed();
    const context = await browser.newContext({ extraHTTPHeaders: clientHeaders() });
    const first = await context.newPage();
    await signInAsOrganiser(first);
    const second = await context.newPage();
    await first.goto(`/arrangor/talare/${speaker.id}`);
    await second.goto(`/arrangor/talare/${speaker.id}`);

    await first.getByRole("textbox", { name: "Presentation" }).fill("Arbetar med regional analys och statistik.");
    await first.getByRole("button", { name: "Spara talaren" }).click();
    await expect(first.getByRole("status").filter({ hasText: "Talaren är sparad." })).toBeVisible();

    await second.getByRole("textbox", { name: "Presentation" }).fill("Forskar om landsbygden.");
    await second.getByRole("button", { name: "Spara talaren" }).click();
    const conflict = second.getByRole("region", { name: "Talaren är ändrad av någon annan sedan du öppnade den" });
    await expect(conflict).toBeVisible();
    await expect(conflict.getByRole("row", { name: /^Presentation/ })).toContainText("Arbetar med regional analys och statistik.");
    await expect(conflict.getByRole("row", { name: /^Presentation/ })).toContainText("Forskar om landsbygden.");
    await expect(second.getByRole("textbox", { name: "Presentation" })).toHaveValue("Forskar om landsbygden.");
    await expectAccessible(second);

    await first.getByRole("link", { name: "Historik (1 ändring)" }).click();
    await expect(first.getByRole("heading", { level: 1 })).toHaveText(`Historik: ${speaker.name}`);
    const entry = first.getByRole("article");
    await expect(entry).toHaveCount(1);
    await expect(entry.locator("dt")).toHaveText(["Presentation"]);
    await expect(entry.locator("ins")).toHaveText(["tillagt: och statistik"]);
    await expectAccessible(first);
    await context.close();
  });
});
