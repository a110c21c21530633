// Participants are people from organisations: name and organisation at the first sign-in, on Mitt konto,
// and on the organisers' host list, its CSV and its print.
import fs from "node:fs";
import { setRole, uniqueEmail } from "./auth";
import { clientHeaders, insertTestEvent, signIn, signInLink, withTestDb } from "./fixture-data";
import { expect, expectAccessible, test } from "./fixtures";
import { larpass, organisations } from "../db/schema";

test.use({ extraHTTPHeaders: async ({}, use) => use(clientHeaders()) });

function ownEvent(label: string) {
  const id = `${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;
  return withTestDb((db) =>
    db.transaction((tx) => {
      const made = insertTestEvent(tx, {
        slug: `profil-${label}-${id}`,
        name: `Profildag ${label} ${id}`,
        date: "2016-03-03",
        slot: ["10:00", "10:45"],
        room: { name: "Salen", capacity: 20 },
        more: { signupOpensAt: new Date(Date.now() - 3600_000), signupClosesAt: new Date(Date.now() + 3600_000) },
      });
      const lp = tx
        .insert(larpass)
        .values({ eventId: made.event.id, slug: `profilpass-${id}`, title: `Profilpass ${label} ${id}`, status: "published", timeSlotId: made.slot.id, roomId: made.room.id })
        .returning()
        .get();
      return { ...made, lp };
    }),
  );
}

test("en ny medlem anger namn och en ny organisation vid första inloggningen; arrangören ser dem på värdlistan, i CSV och utskrift", async ({ page, browser }) => {
  const own = ownEvent("js");
  const orgName = `Region Testland ${Date.now()}`;
  const email = uniqueEmail("profil");
  await signIn(page, email);
  await expect(page).toHaveURL(`/konto/valkommen?next=${encodeURIComponent("/program")}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Välkommen till Lärpass");
  await expectAccessible(page);

  // Nothing filled in: field errors, nothing lost.
  await page.getByLabel("Namn").fill("Märta Åström");
  await page.getByRole("button", { name: "Spara" }).click();
  await expect(page.locator("#organisation-error")).toHaveText("Välj din organisation.");
  await expect(page.getByLabel("Namn")).toHaveValue("Märta Åström");
  await page.getByLabel("Organisation", { exact: true }).selectOption({ label: "Annan organisation (skriv namnet nedan)" });
  await page.getByRole("button", { name: "Spara" }).click();
  await expect(page.locator("#otherOrganisation-error")).toHaveText("Skriv namnet på din organisation.");
  await page.getByLabel("Annan organisation").fill(orgName);
  await page.getByRole("button", { name: "Spara" }).click();
  await expect(page).toHaveURL("/program");
  // Answered: the programme no longer asks.
  await expect(page.getByText("Innan du väljer lärpass")).toHaveCount(0);

  await page.goto(`/evenemang/${own.event.slug}/larpass/${own.lp.slug}`);
  await page.getByRole("button", { name: `Välj ${own.lp.title}`, exact: true }).click();
  await expect(page.getByText(/^Klart!/)).toBeVisible();

  await page.goto("/konto");
  const stored = page.getByRole("region", { name: "Det här sparar vi om dig" });
  await expect(stored.locator('dt:text-is("Namn") + dd')).toHaveText("Märta Åström");
  await expect(stored.locator('dt:text-is("Organisation") + dd')).toHaveText(orgName);
  await expect(page.getByLabel("Organisation", { exact: true })).toHaveValue(/^\d+$/);
  await expectAccessible(page);

  // The organiser: confirms the new organisation, sees name and organisation on the host list, CSV and print.
  const organiser = await browser.newContext({ extraHTTPHeaders: clientHeaders() });
  const op = await organiser.newPage();
  const orgEmail = uniqueEmail("profil-arr");
  setRole(orgEmail, "organiser");
  await op.goto("/logga-in?next=/arrangor/organisationer");
  await op.getByLabel("E-postadress").fill(orgEmail);
  await op.getByRole("button", { name: "Skicka inloggningslänk" }).click();
  await op.goto(await signInLink(orgEmail, new URL(op.url()).origin));
  await expect(op).toHaveURL("/arrangor/organisationer");
  const proposed = op.getByRole("region", { name: "Nya organisationer från medlemmar" });
  await proposed.getByRole("button", { name: `Bekräfta ${orgName}` }).click();
  await expect(op.getByText("Organisationen är bekräftad och kan nu väljas av alla.")).toBeVisible();
  expect(withTestDb((db) => db.select().from(organisations).all().find((o) => o.name === orgName)?.confirmed)).toBe(true);

  await op.goto(`/arrangor/larpass/${own.lp.id}/deltagare`);
  const table = op.getByRole("table", { name: `Deltagare med plats på ${own.lp.title}` });
  await expect(table.getByRole("row").nth(1)).toContainText(`1Märta Åström${orgName}${email}`);
  await expectAccessible(op);
  const download = op.waitForEvent("download");
  await op.getByRole("link", { name: "Ladda ner som CSV" }).click();
  const csv = fs.readFileSync((await (await download).path())!, "utf8");
  expect(csv.split("\r\n")[1]).toBe(`Märta Åström;${orgName};${email};Har plats;;${own.lp.title};torsdag 3 mars 2016 10:00–10:45;Salen`);
  await op.emulateMedia({ media: "print" });
  await expect(table.getByRole("cell", { name: orgName })).toBeVisible();

  // Demand per organisation.
  await op.emulateMedia({ media: "screen" });
  await op.goto(`/arrangor/evenemang/${own.event.id}/efterfragan`);
  const perOrg = op.getByRole("region", { name: "Per organisation" });
  await expect(perOrg.getByRole("row").filter({ hasText: orgName })).toContainText(own.lp.title);
  await expectAccessible(op);
  await organiser.close();
});

test("utan JavaScript: välkomststeget visar fel vid fältet, behåller det man skrev och sparar en känd organisation", async ({ browser }) => {
  const email = uniqueEmail("profil-nojs");
  const known = withTestDb((db) => db.insert(organisations).values({ slug: `kand-${Date.now()}`, name: `Känd region ${Date.now()}` }).returning().get());
  const context = await browser.newContext({ javaScriptEnabled: false, extraHTTPHeaders: clientHeaders() });
  const page = await context.newPage();
  await page.goto("/logga-in");
  await page.getByLabel("E-postadress").fill(email);
  await page.getByRole("button", { name: "Skicka inloggningslänk" }).click();
  await page.goto(await signInLink(email, new URL(page.url()).origin));
  await expect(page).toHaveURL(/\/konto\/valkommen\?next=/);
  await page.getByLabel("Namn").fill("Nils Utanskript");
  await page.getByRole("button", { name: "Spara" }).click();
  await expect(page.locator("#organisation-error")).toHaveText("Välj din organisation.");
  await expect(page.getByLabel("Namn")).toHaveValue("Nils Utanskript");
  await page.getByLabel("Organisation", { exact: true }).selectOption({ label: known.name });
  await page.getByRole("button", { name: "Spara" }).click();
  await expect(page).toHaveURL("/program");
  await page.goto("/konto");
  await expect(page.locator('dt:text-is("Organisation") + dd')).toHaveText(known.name);
  await context.close();
});

test("den som hoppar över tillfrågas igen på programmet före första anmälan", async ({ page }) => {
  await signIn(page, uniqueEmail("profil-hoppa"));
  await page.getByRole("button", { name: "Hoppa över nu" }).click();
  await expect(page).toHaveURL("/program");
  const ask = page.getByText("Innan du väljer lärpass");
  await expect(ask).toBeVisible();
  await ask.getByRole("link", { name: "Fyll i namn och organisation" }).click();
  await expect(page).toHaveURL(`/konto/valkommen?next=${encodeURIComponent("/program")}`);
  await expectAccessible(page);
});
