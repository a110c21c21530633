// Mitt program opens on the member's own events (nearest upcoming first, else the latest past one), not on
// the programme's current event, with a switcher when there is more than one.
import { uniqueEmail } from "./auth";
import { clientHeaders, insertTestEvent, signIn, withTestDb } from "./fixture-data";
import { expect, expectAccessible, test } from "./fixtures";
import { larpass } from "../db/schema";

test.use({ extraHTTPHeaders: async ({}, use) => use(clientHeaders()) });

test("en medlem vars platser finns i ett tidigare evenemang ser det evenemanget i Mitt program, och kan byta", async ({ page }) => {
  const id = Date.now();
  const open = { signupOpensAt: new Date(Date.now() - 3600_000), signupClosesAt: new Date(Date.now() + 3600_000) };
  const makeEvent = (slug: string, name: string, date: string) =>
    withTestDb((db) =>
      db.transaction((tx) => {
        const made = insertTestEvent(tx, { slug, name, date, slot: ["13:00", "13:45"], room: { name: "Salen", capacity: 20 }, more: open });
        const lp = tx
          .insert(larpass)
          .values({ eventId: made.event.id, slug: `pass-${slug}`, title: `Lärpass ${name}`, status: "published", timeSlotId: made.slot.id, roomId: made.room.id })
          .returning()
          .get();
        return { ...made, lp };
      }),
    );
  // Both in the past (the demo's 2018 event stays the programme's current one); "later" is the more recent.
  const past = makeEvent(`mitt-tidigare-${id}`, `Tidigare dag ${id}`, "2016-09-14");
  const later = makeEvent(`mitt-senare-${id}`, `Senare dag ${id}`, "2016-11-02");
  const email = uniqueEmail("tidigare");
  await signIn(page, email);
  await page.goto(`/evenemang/${past.event.slug}/larpass/${past.lp.slug}`);
  await page.getByRole("button", { name: `Välj ${past.lp.title}`, exact: true }).click();
  await expect(page.getByText(/^Klart!/)).toBeVisible();

  await page.goto("/mitt-program");
  await expect(page.getByText(`Tidigare dag ${id}: du har valt 1 av 1 pass.`)).toBeVisible();
  await expect(page.getByRole("table").getByRole("link", { name: past.lp.title, exact: true })).toBeVisible();
  // One event only: no switcher.
  await expect(page.getByRole("navigation", { name: "Välj evenemang" })).toHaveCount(0);
  await expectAccessible(page);

  // A seat in a more recent event as well: Mitt program opens on that one and offers both.
  await page.goto(`/evenemang/${later.event.slug}/larpass/${later.lp.slug}`);
  await page.getByRole("button", { name: `Välj ${later.lp.title}`, exact: true }).click();
  await expect(page.getByText(/^Klart!/)).toBeVisible();
  await page.goto("/mitt-program");
  const switcher = page.getByRole("navigation", { name: "Välj evenemang" });
  await expect(switcher.getByRole("link")).toHaveCount(2);
  await expect(page.getByText(`Senare dag ${id}: du har valt 1 av 1 pass.`)).toBeVisible();
  await expect(switcher.getByRole("link").first()).toHaveText(`Senare dag ${id}`);
  await expect(switcher.getByRole("link").first()).toHaveAttribute("aria-current", "page");
  await switcher.getByRole("link", { name: `Tidigare dag ${id}` }).click();
  await expect(page.getByText(`Tidigare dag ${id}: du har valt 1 av 1 pass.`)).toBeVisible();
  await expect(switcher.getByRole("link", { name: `Tidigare dag ${id}` })).toHaveAttribute("aria-current", "page");
  await expectAccessible(page);
});
