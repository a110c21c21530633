// The organisers' editing: events with days, slots and rooms, importing the published list, the lärpass
// form (speakers in order, field errors, version conflicts), deleting with a question first, and that
// nobody else gets in.
import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { eq } from "drizzle-orm";
import { larpass, registrations, speakers, users } from "../db/schema";
import { clientHeaders, insertTestEvent, larpassRow, noScriptContext, signInAs, withTestDb } from "./fixture-data";
import { expect, expectAccessible, test } from "./fixtures";

const FIXTURE = path.join(process.cwd(), "lib", "import", "fixtures", "larpass-2018.txt");

// Every browser context is its own client for the sign-in rate limit.
test.use({ extraHTTPHeaders: async ({}, use) => use(clientHeaders()) });

const region = (page: Page, name: string | RegExp) => page.getByRole("region", { name });

/** A small event straight in the test database: one day, one slot, one room, one published lärpass in it. */
function seedEvent(label: string, { members = 0 }: { members?: number } = {}) {
  return withTestDb((db) =>
    db.transaction((tx) => {
      const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;
      const { event, slot, room } = insertTestEvent(tx, {
        slug: `e2e-red-${stamp}`,
        name: `${label} ${stamp}`,
        date: "2016-04-12",
        slot: ["09:00", "09:45"],
        room: { name: "Konferensrummet", capacity: 20 },
      });
      const lp = tx
        .insert(larpass)
        .values({ eventId: event.id, slug: "versionspasset", title: "Versionspasset", abstract: "Från början.", status: "published", timeSlotId: slot.id, roomId: room.id })
        .returning()
        .get();
      for (let i = 0; i < members; i++) {
        const user = tx.insert(users).values({ email: `medlem-${stamp}-${i}@test.example` }).returning().get();
        tx.insert(registrations)
          .values({ larpassId: lp.id, userId: user.id, timeSlotId: slot.id, status: "confirmed", queuedAt: new Date(), confirmedAt: new Date() })
          .run();
      }
      return { event, room, larpass: lp };
    }),
  );
}

/** The chosen speakers, in order, as the form lists them. */
const speakerOrder = (page: Page) => page.getByRole("list", { name: "Valda talare i ordning" }).locator(".who");

test.describe("arrangörens redigering", () => {
  test("nytt evenemang med dag, tider och lokaler, import av 2018 års lista och ett lärpass med två talare i ordning", async ({ page }) => {
    test.setTimeout(90_000);
    await signInAs(page, "organiser");
    await page.goto("/arrangor");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Evenemang");
    await expectAccessible(page);

    // A new event: a missing name is reported next to the field, and what was typed stays.
    const name = `Redigeringskonferensen ${Date.now()}`;
    const form = region(page, "Nytt evenemang");
    await form.getByLabel("Första dagen").fill("2019-03-14");
    await form.getByLabel("Sista dagen").fill("2019-03-15");
    await form.getByRole("button", { name: "Skapa evenemang" }).click();
    await expect(form.getByRole("textbox", { name: "Namn", exact: true })).toHaveAccessibleDescription("Skriv evenemangets namn.");
    await expect(form.getByLabel("Första dagen")).toHaveValue("2019-03-14");
    await form.getByRole("textbox", { name: "Namn", exact: true }).fill(name);
    await form.getByRole("button", { name: "Skapa evenemang" }).click();

    await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
    await expect(page.getByRole("status")).toContainText("Evenemanget är skapat.");
    const nav = page.getByRole("navigation", { name: `Evenemanget ${name}` });
    await expect(nav.getByRole("link")).toHaveText(["Översikt", "Lärpass", "Förslag", "Schema", "Efterfrågan", "Import", "Export", "Ändringar", "Dokumentation"]);
    await expect(nav.getByRole("link", { name: "Översikt" })).toHaveAttribute("aria-current", "page");
    await expectAccessible(page);
    const hub = page.url();

    // A day, two slots (the end defaults to 45 minutes after the start) and two rooms.
    const daysRegion = region(page, "Dagar");
    await daysRegion.getByLabel("Datum").fill("2019-03-15");
    await daysRegion.getByRole("button", { name: "Lägg till dag" }).click();
    await expect(page.getByRole("status")).toHaveText("Dagen är tillagd.");
    await expect(region(page, "Dagar").getByRole("listitem")).toHaveText([/^fredag 15 mars 2019, 0 tider/]);

    for (const start of ["09:00", "10:15"]) {
      const slots = region(page, "Tider");
      await slots.getByLabel("Börjar").fill(start);
      await slots.getByRole("button", { name: "Lägg till tid" }).click();
      await expect(page.getByRole("status")).toHaveText("Tiden är tillagd.");
    }
    await expect(region(page, "Tider").getByRole("rowheader")).toHaveText(["09:00–09:45", "10:15–11:00"]);

    // A room without a name: the error is next to the field, the number typed stays.
    const roomsRegion = region(page, "Lokaler");
    const addRoom = roomsRegion.locator("form").filter({ has: page.getByRole("button", { name: "Lägg till lokal" }) });
    await addRoom.getByLabel("Antal platser").fill("80");
    await addRoom.getByRole("button", { name: "Lägg till lokal" }).click();
    await expect(addRoom.getByLabel("Namn")).toHaveAccessibleDescription("Skriv lokalens namn.");
    await expect(addRoom.getByLabel("Namn")).toHaveAttribute("aria-invalid", "true");
    await expect(addRoom.getByLabel("Antal platser")).toHaveValue("80");
    await expectAccessible(page);
    await addRoom.getByLabel("Namn").fill("Stora salen");
    await addRoom.getByRole("button", { name: "Lägg till lokal" }).click();
    await expect(page.getByRole("status")).toHaveText("Lokalen är sparad.");
    const addRoom2 = region(page, "Lokaler").locator("form").filter({ has: page.getByRole("button", { name: "Lägg till lokal" }) });
    await addRoom2.getByLabel("Namn").fill("Lilla salen");
    await addRoom2.getByLabel("Antal platser").fill("40");
    await addRoom2.getByRole("button", { name: "Lägg till lokal" }).click();
    await expect(region(page, "Lokaler").getByRole("heading", { level: 3 })).toHaveText([
      "Lilla salen (40 platser, 0 lärpass)",
      "Stora salen (80 platser, 0 lärpass)",
      "Lägg till lokal",
    ]);

    // Import: the 2018 list as a file, a preview first, nothing written before "Bekräfta import".
    await nav.getByRole("link", { name: "Import" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Importera lärpass: ${name}`);
    await expectAccessible(page);
    const text = region(page, "Från den publicerade lärpasslistan");
    await text.getByLabel("… eller välj en textfil (.txt)").setInputFiles(FIXTURE);
    await text.getByRole("button", { name: "Förhandsgranska import" }).click();
    const preview = region(page, "Förhandsvisning: så här blir importen");
    await expect(preview).toContainText("14 nya lärpass, 0 uppdateras, 0 oförändrade.");
    await expect(preview.getByRole("row", { name: "Tillbaka till framtiden Ny" })).toBeVisible();
    await expectAccessible(page);
    await page.goto(hub);
    await expect(region(page, "Lärpass")).toContainText("0 lärpass");

    await page.getByRole("navigation", { name: `Evenemanget ${name}` }).getByRole("link", { name: "Import" }).click();
    await region(page, "Från den publicerade lärpasslistan").getByLabel("… eller välj en textfil (.txt)").setInputFiles(FIXTURE);
    await region(page, "Från den publicerade lärpasslistan").getByRole("button", { name: "Förhandsgranska import" }).click();
    await region(page, "Förhandsvisning: så här blir importen").getByRole("button", { name: "Bekräfta import" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Lärpass: ${name}`);
    await expect(page.getByRole("status")).toHaveText("Importen är klar: 14 nya lärpass.");
    const table = page.getByRole("table", { name: `Lärpass i ${name}` });
    await expect(table.getByRole("row")).toHaveCount(15);
    await expect(table.getByRole("row", { name: /^Behåll talangerna! Utkast/ })).toBeVisible();
    await expectAccessible(page);

    // A new lärpass: an existing speaker and a new one typed inline, then the new one moved first.
    await page.getByRole("link", { name: "Nytt lärpass" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nytt lärpass");
    await expectAccessible(page);
    await page.getByLabel("Titel").fill("Framtidens lärpass");
    await page.getByLabel("Sammanfattning").fill("Om **regional** utveckling.");
    await expect(page.getByRole("region", { name: "Förhandsvisning" }).locator("strong")).toHaveText("regional");
    await page.getByLabel("Välj talare").selectOption({ label: "Kjell Nilsson, Nordregio" });
    await page.getByRole("button", { name: "Lägg till talaren" }).click();
    await expect(page.getByRole("status").filter({ hasText: "tillagd" })).toHaveText("Talaren är tillagd sist i listan.");
    const newSpeaker = page.getByRole("group", { name: "Ny talare" });
    await newSpeaker.getByLabel("Namn").fill("Testa Testsson");
    await newSpeaker.getByLabel("Organisation (valfritt)").fill("Region Testland");
    await newSpeaker.getByRole("button", { name: "Lägg till ny talare" }).click();
    await expect(speakerOrder(page)).toHaveText([
      "1. Kjell Nilsson, Nordregio",
      "2. Testa Testsson, Region Testland (ny talare, skapas när du sparar)",
    ]);
    await expect(page.getByLabel("Titel")).toHaveValue("Framtidens lärpass");
    await page.getByRole("button", { name: "Flytta upp Testa Testsson" }).click();
    await expect(speakerOrder(page)).toHaveText([
      "1. Testa Testsson, Region Testland (ny talare, skapas när du sparar)",
      "2. Kjell Nilsson, Nordregio",
    ]);
    await expect(page.getByRole("button", { name: "Flytta upp Testa Testsson" })).toBeDisabled();
    await page.getByLabel("Tid").selectOption({ label: "fredag 15 mars 2019 09:00–09:45" });
    await page.getByLabel("Lokal").selectOption({ label: "Lilla salen (40 platser)" });
    await page.getByRole("radio", { name: /^Publicerat/ }).check();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Skapa lärpasset" }).click();

    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ändra lärpass: Framtidens lärpass");
    await expect(page.getByRole("status").first()).toHaveText("Lärpasset är skapat.");
    await expect(speakerOrder(page)).toHaveText(["1. Testa Testsson, Region Testland", "2. Kjell Nilsson, Nordregio"]);
    await expect(page.getByLabel("Tid")).toHaveValue(/\d+/);
    await expectAccessible(page);
  });

  test("ett tomt namn i lärpassformuläret ger ett fel vid fältet och det man skrev finns kvar", async ({ page }) => {
    const { event, room } = seedEvent("Felkonferensen");
    await signInAs(page, "organiser");
    await page.goto(`/arrangor/evenemang/${event.id}/larpass/ny`);
    await page.getByLabel("Sammanfattning").fill("Text som inte får försvinna.");
    await page.getByLabel("Spår (valfritt)").fill("Hållbarhet");
    await page.getByLabel("Lokal").selectOption({ label: "Konferensrummet (20 platser)" });
    await page.getByRole("button", { name: "Skapa lärpasset" }).click();

    const summary = page.getByRole("alert").filter({ hasText: "Lärpasset är inte sparat." });
    await expect(summary).toContainText("Titel: Skriv en titel.");
    await expect(page.getByLabel("Titel")).toHaveAccessibleDescription("Skriv en titel.");
    await expect(page.getByLabel("Titel")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Sammanfattning")).toHaveValue("Text som inte får försvinna.");
    await expect(page.getByLabel("Spår (valfritt)")).toHaveValue("Hållbarhet");
    await expect(page.getByLabel("Lokal")).toHaveValue(String(room.id));
    await expectAccessible(page);
  });

  test("utan JavaScript: talarlistans knappar, förhandsgranskning, fel vid fältet och att spara är vanliga formulär", async ({ page, browser }) => {
    const { event } = seedEvent("Skriptfria konferensen");
    await signInAs(page, "organiser");
    const context = await noScriptContext(browser, page);
    const noJs = await context.newPage();
    await noJs.goto(`/arrangor/evenemang/${event.id}/larpass/ny`);
    await noJs.getByLabel("Sammanfattning").fill("Ett stycke med *kursiv* text.");
    await noJs.getByLabel("Välj talare").selectOption({ label: "Kjell Nilsson, Nordregio" });
    await noJs.getByRole("button", { name: "Lägg till talaren" }).click();
    await expect(speakerOrder(noJs)).toHaveText(["1. Kjell Nilsson, Nordregio"]);
    await expect(noJs.getByLabel("Sammanfattning")).toHaveValue("Ett stycke med *kursiv* text.");

    await noJs.getByRole("button", { name: "Förhandsgranska sammanfattningen" }).click();
    await expect(noJs.getByRole("region", { name: "Förhandsvisning" }).locator("em")).toHaveText("kursiv");

    await noJs.getByRole("button", { name: "Skapa lärpasset" }).click();
    await expect(noJs.getByLabel("Titel")).toHaveAccessibleDescription("Skriv en titel.");
    await expect(speakerOrder(noJs)).toHaveText(["1. Kjell Nilsson, Nordregio"]);
    // axe needs scripts: the same page is checked in the ordinary browser.
    await noJs.getByLabel("Titel").fill("Skriptfritt pass");
    await noJs.getByRole("button", { name: "Skapa lärpasset" }).click();
    await expect(noJs.getByRole("heading", { level: 1 })).toHaveText("Ändra lärpass: Skriptfritt pass");
    await expect(speakerOrder(noJs)).toHaveText(["1. Kjell Nilsson, Nordregio"]);
    await page.goto(noJs.url());
    await expectAccessible(page);
    await context.close();
  });

  test("utan JavaScript: evenemanget och ett lärpass sparas, med fel vid fältet först och det man skrev kvar", async ({ page, browser, request }) => {
    // Next 16.4.5 hung the whole server on a no-JS post to an action bound with .bind() that answered with a
    // state (a field error): the forms now carry their ids in hidden fields. Each post must be answered.
    const { event, larpass: lp } = seedEvent("Utan skript");
    await signInAs(page, "organiser");
    const context = await noScriptContext(browser, page);
    const noJs = await context.newPage();
    await noJs.goto(`/arrangor/evenemang/${event.id}`);
    const details = region(noJs, "Uppgifter om evenemanget");
    await details.getByRole("textbox", { name: "Namn", exact: true }).fill("");
    await details.getByRole("textbox", { name: "Plats" }).fill("Folkets hus, Luleå");
    await details.getByRole("button", { name: "Spara evenemanget" }).click();
    await expect(details.getByRole("textbox", { name: "Namn", exact: true })).toHaveAccessibleDescription("Skriv evenemangets namn.");
    await expect(details.getByRole("textbox", { name: "Namn", exact: true })).toHaveAttribute("aria-invalid", "true");
    await expect(details.getByRole("textbox", { name: "Plats" })).toHaveValue("Folkets hus, Luleå");
    await details.getByRole("textbox", { name: "Namn", exact: true }).fill("Omdöpt utan skript");
    await details.getByRole("button", { name: "Spara evenemanget" }).click();
    await expect(noJs.getByRole("heading", { level: 1 })).toHaveText("Omdöpt utan skript");
    await expect(noJs.getByRole("status")).toHaveText("Evenemanget är sparat.");
    await expect(region(noJs, "Uppgifter om evenemanget").getByRole("textbox", { name: "Plats" })).toHaveValue("Folkets hus, Luleå");

    await noJs.goto(`/arrangor/larpass/${lp.id}`);
    await noJs.getByLabel("Titel").fill("Ny titel utan skript");
    await noJs.getByLabel("Antal platser").fill("0");
    await noJs.getByRole("button", { name: "Spara lärpasset" }).click();
    await expect(noJs.getByLabel("Antal platser")).toHaveAccessibleDescription(/Ange antal platser som ett heltal/);
    await expect(noJs.getByLabel("Antal platser")).toHaveValue("0");
    await expect(noJs.getByLabel("Titel")).toHaveValue("Ny titel utan skript");
    expect(larpassRow(lp.id)).toMatchObject({ title: "Versionspasset", capacity: null });
    await noJs.getByLabel("Antal platser").fill("25");
    await noJs.getByRole("button", { name: "Spara lärpasset" }).click();
    await expect(noJs.getByRole("status").filter({ hasText: "Lärpasset är sparat." })).toBeVisible();
    await expect(noJs.getByRole("heading", { level: 1 })).toHaveText("Ändra lärpass: Ny titel utan skript");
    expect(larpassRow(lp.id)).toMatchObject({ title: "Ny titel utan skript", capacity: 25 });
    // The server still answers other requests.
    expect((await request.get("/", { timeout: 5_000 })).status()).toBe(200);
    await context.close();
  });

  test("en ny tid för ett pass där medlemmar valt lärpass: frågar först, sedan följer de med", async ({ page }) => {
    const { event, larpass: lp } = seedEvent("Tidskonferensen", { members: 2 });
    await signInAs(page, "organiser");
    await page.goto(`/arrangor/evenemang/${event.id}`);
    await region(page, "Tider").getByRole("link", { name: /^Ändra tiden/ }).click();
    const edit = region(page, /^Ändra tiden/);
    await edit.getByLabel("Börjar").fill("13:00");
    await edit.getByLabel("Slutar").fill("");
    await edit.getByRole("button", { name: "Spara tiden" }).click();
    await expect(edit.getByRole("alert")).toContainText("2 medlemmar har valt lärpasset vid den här tiden.");
    await expect(edit.getByRole("alert")).toContainText("till tisdag 12 april 2016 13:00–13:45");
    await expect(edit.getByLabel("Börjar")).toHaveValue("13:00");
    await expectAccessible(page);
    await edit.getByRole("button", { name: "Ja, ändra tiden" }).click();
    await expect(page.getByRole("status")).toHaveText("Tiden är ändrad.");
    await expect(region(page, "Tider").getByRole("rowheader")).toHaveText(["13:00–13:45"]);
    // The lärpass kept its members and shows the change publicly.
    await page.goto(`/evenemang/${event.slug}/andringar`);
    await expect(page.getByRole("main")).toContainText("Versionspasset");
    await expect(page.getByRole("main")).toContainText("13:00–13:45");
    expect(larpassRow(lp.id)?.timeSlotId).not.toBeNull();
  });

  test("två flikar sparar samma lärpass: den andra får se båda versionerna och väljer", async ({ browser }) => {
    const { larpass: lp } = seedEvent("Versionskonferensen");
    const context = await browser.newContext({ extraHTTPHeaders: clientHeaders() });
    const first = await context.newPage();
    await signInAs(first, "organiser");
    const second = await context.newPage();
    const url = `/arrangor/larpass/${lp.id}`;
    await first.goto(url);
    await second.goto(url);
    await expectAccessible(first);

    await first.getByLabel("Titel").fill("Titel från flik 1");
    await first.getByRole("button", { name: "Spara lärpasset" }).click();
    await expect(first.getByRole("heading", { level: 1 })).toHaveText("Ändra lärpass: Titel från flik 1");
    await expect(first.getByRole("status").first()).toHaveText("Lärpasset är sparat.");

    await second.getByLabel("Titel").fill("Titel från flik 2");
    await second.getByLabel("Sammanfattning").fill("Ändrad i flik 2.");
    await second.getByRole("button", { name: "Spara lärpasset" }).click();
    const conflict = second.getByRole("region", { name: "Lärpasset har ändrats av någon annan sedan du öppnade det" });
    await expect(conflict).toBeVisible();
    const comparison = conflict.getByRole("table", { name: "Den sparade versionen jämförd med din" });
    await expect(comparison.getByRole("columnheader")).toHaveText(["Fält", "Sparad version (version 2)", "Din version"]);
    await expect(comparison.getByRole("row", { name: /^Titel/ }).getByRole("cell")).toHaveText(["Titel från flik 1", "Titel från flik 2"]);
    await expect(comparison.getByRole("row", { name: /^Sammanfattning/ }).getByRole("cell")).toHaveText(["Från början.", "Ändrad i flik 2."]);
    // Nothing was overwritten, and the form still holds what was typed.
    expect(larpassRow(lp.id)).toMatchObject({ title: "Titel från flik 1", version: 2 });
    await expect(second.getByLabel("Titel")).toHaveValue("Titel från flik 2");
    await expectAccessible(second);

    // Take theirs: the form now shows the saved version and is based on it.
    await conflict.getByRole("button", { name: "Använd den sparade versionen" }).click();
    await expect(second.getByRole("status").filter({ hasText: "sparade versionen" })).toHaveText(
      "Formuläret visar nu den sparade versionen (version 2).",
    );
    await expect(second.getByLabel("Titel")).toHaveValue("Titel från flik 1");
    await second.getByLabel("Titel").fill("Titel från flik 1 och 2");
    await second.getByRole("button", { name: "Spara lärpasset" }).click();
    await expect(second.getByRole("heading", { level: 1 })).toHaveText("Ändra lärpass: Titel från flik 1 och 2");
    await expect(second.getByRole("status").first()).toHaveText("Lärpasset är sparat.");
    expect(larpassRow(lp.id)).toMatchObject({ title: "Titel från flik 1 och 2", version: 3 });

    // The first tab is now stale too; this time it saves its own version over the new one.
    await first.getByLabel("Titel").fill("Flik 1 igen");
    await first.getByRole("button", { name: "Spara lärpasset" }).click();
    const again = first.getByRole("region", { name: "Lärpasset har ändrats av någon annan sedan du öppnade det" });
    await expect(again.getByRole("row", { name: /^Titel/ }).getByRole("cell")).toHaveText(["Titel från flik 1 och 2", "Flik 1 igen"]);
    await again.getByRole("button", { name: "Spara min version ovanpå den" }).click();
    await expect(first.getByRole("heading", { level: 1 })).toHaveText("Ändra lärpass: Flik 1 igen");
    await expect(first.getByRole("status").first()).toHaveText("Lärpasset är sparat.");
    expect(larpassRow(lp.id)).toMatchObject({ title: "Flik 1 igen", version: 4 });
    await context.close();
  });

  test("att ta bort en lokal och ett lärpass som används frågar först och säger vad som händer", async ({ page }) => {
    const { event, room, larpass: lp } = seedEvent("Borttagningskonferensen", { members: 2 });
    await signInAs(page, "organiser");
    await page.goto(`/arrangor/evenemang/${event.id}`);
    await page.getByRole("link", { name: "Ta bort lokalen Konferensrummet" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ta bort lokalen Konferensrummet (20 platser)?");
    await expect(region(page, "Det här händer")).toContainText("1 lärpass blir utan lokal");
    await expect(region(page, "Det här händer")).toContainText("2 medlemmar har valt dem");
    await expectAccessible(page);
    // Cancelling changes nothing.
    await page.getByRole("link", { name: "Nej, avbryt" }).click();
    expect(larpassRow(lp.id)?.roomId).toBe(room.id);

    await page.goto(`/arrangor/ta-bort/lokal/${room.id}`);
    await page.getByRole("button", { name: "Ja, ta bort lokalen Konferensrummet (20 platser)" }).click();
    await expect(page.getByRole("status")).toHaveText("Lokalen är borttagen.");
    expect(larpassRow(lp.id)?.roomId).toBeNull();

    await page.goto(`/arrangor/larpass/${lp.id}`);
    await page.getByRole("link", { name: "Ta bort lärpasset" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ta bort lärpasset Versionspasset?");
    await expect(region(page, "Det här händer")).toContainText("2 medlemmar har valt det; de får ett mejl och platserna släpps.");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Ja, ta bort lärpasset Versionspasset" }).click();
    await expect(page.getByRole("status")).toHaveText("Lärpasset är borttaget.");
    expect(larpassRow(lp.id)).toBeUndefined();
  });

  test("CSV: export med BOM och semikolon, och en trasig fil importerar ingenting", async ({ page }) => {
    const { event } = seedEvent("CSV-konferensen");
    await signInAs(page, "organiser");
    const res = await page.request.get(`/arrangor/evenemang/${event.id}/larpass.csv`);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    const body = await res.body();
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(body.toString("utf8")).toContain("titel;sammanfattning;talare;status;tid;lokal");
    expect(body.toString("utf8")).toContain("Versionspasset;Från början.;;publicerat;2016-04-12 09:00–09:45;Konferensrummet;20");

    await page.goto(`/arrangor/evenemang/${event.id}/import`);
    const csv = region(page, "CSV (Excel)");
    await csv.getByLabel("Klistra in CSV").fill("titel;sammanfattning;talare\nNytt pass;Text;Anna Berg, Region X\n;Utan titel;\n");
    await csv.getByRole("button", { name: "Förhandsgranska import" }).click();
    await expect(csv.getByRole("alert")).toContainText("Filen går inte att importera. Ingenting är sparat.");
    await expect(csv.getByRole("alert")).toContainText("Rad 3: titel saknas.");
    await expect(csv.getByLabel("Klistra in CSV")).toHaveValue(/Nytt pass/);
    await expectAccessible(page);

    await csv.getByLabel("Klistra in CSV").fill("titel;sammanfattning;talare\nNytt pass;Text;Anna Berg, Region X\n");
    await csv.getByRole("button", { name: "Förhandsgranska import" }).click();
    await expect(region(page, /Förhandsvisning/).last()).toContainText("1 nytt lärpass");
    await region(page, /Förhandsvisning/).last().getByRole("button", { name: "Bekräfta import" }).click();
    await expect(page.getByRole("status")).toHaveText("Importen är klar: 1 nytt lärpass.");
  });

  test("importens förhandsvisning visar varje lärpass talare, roll och organisation och markerar nya, innan något sparas (med och utan JavaScript)", async ({ page, browser }) => {
    const { event } = seedEvent("Förhandskonferensen");
    // Letters only: the parser reads a speaker line by its capitalised words.
    const stamp = Array.from({ length: 6 }, () => "abcdefghijklmnopqrstuvwxyz"[Math.floor(Math.random() * 26)]).join("");
    const newcomer = `Greta ${stamp[0].toUpperCase()}${stamp.slice(1)}`;
    const newOrg = `Region ${stamp[0].toUpperCase()}${stamp.slice(1)}holm`;
    // Maja Hedin and Effect management are in the seeded 2018 programme: known, not new.
    const list = [
      "Lärpass 2016",
      "",
      "Inledning.",
      "",
      "Kartor och data",
      "Om kartor.",
      `Maja Hedin, Effect management och ${newcomer}, utredare, ${newOrg}`,
      "",
    ].join("\n");
    const speakersNamed = (name: string) => withTestDb((db) => db.select().from(speakers).where(eq(speakers.name, name)).all().length);

    const check = async (p: Page) => {
      const preview = p.getByRole("region", { name: "Förhandsvisning: så här blir importen" });
      await expect(preview).toContainText("1 nytt lärpass, 0 uppdateras, 0 oförändrade. 1 ny talare och 1 ny organisation.");
      await expect(preview).toContainText(`Nya organisationer: ${newOrg}.`);
      await expect(preview).toContainText(`Nya talare: ${newcomer}.`);
      const row = preview.getByRole("row", { name: /^Kartor och data/ });
      await expect(row.getByRole("listitem")).toHaveText([
        "Maja Hedin, Effect management",
        `${newcomer} ny talare, utredare, ${newOrg} ny organisation`,
      ]);
      // Nothing is written by the preview.
      expect(speakersNamed(newcomer)).toBe(0);
    };

    await signInAs(page, "organiser");
    await page.goto(`/arrangor/evenemang/${event.id}/import`);
    const text = region(page, "Från den publicerade lärpasslistan");
    await text.getByLabel("Klistra in lärpasslistan").fill(list);
    await text.getByRole("button", { name: "Förhandsgranska import" }).click();
    await check(page);
    await expectAccessible(page);
    await page.setViewportSize({ width: 390, height: 844 });
    await expectAccessible(page);
    await page.setViewportSize({ width: 1280, height: 720 });

    const context = await noScriptContext(browser, page);
    const noJs = await context.newPage();
    await noJs.goto(`/arrangor/evenemang/${event.id}/import`);
    const noJsText = noJs.getByRole("region", { name: "Från den publicerade lärpasslistan" });
    await noJsText.getByLabel("Klistra in lärpasslistan").fill(list);
    await noJsText.getByRole("button", { name: "Förhandsgranska import" }).click();
    await check(noJs);
    await context.close();

    await region(page, "Förhandsvisning: så här blir importen").getByRole("button", { name: "Bekräfta import" }).click();
    await expect(page.getByRole("status")).toContainText("Importen är klar");
    expect(speakersNamed(newcomer)).toBe(1);
  });

  test("importens gränser: för stor fil (med och utan JavaScript), UTF-16 och fler än 100 nya lärpass", async ({ page, browser }) => {
    test.setTimeout(90_000);
    const { event } = seedEvent("Gränskonferensen");
    await signInAs(page, "organiser");
    await page.goto(`/arrangor/evenemang/${event.id}/import`);
    const text = region(page, "Från den publicerade lärpasslistan");
    const fileField = text.getByLabel("… eller välj en textfil (.txt)");
    const big = { name: "stor.txt", mimeType: "text/plain", buffer: Buffer.alloc(1_200_000, "a") };
    const tooBig = "Filen är för stor (1,2 MB). Den får vara högst 1 MB.";

    // With JavaScript the file is refused as soon as it is chosen, and nothing is sent.
    await fileField.setInputFiles(big);
    await expect(fileField).toHaveAccessibleDescription(tooBig);
    await text.getByRole("button", { name: "Förhandsgranska import" }).click();
    await expect(region(page, "Förhandsvisning: så här blir importen")).toHaveCount(0);
    await expectAccessible(page);

    // Without JavaScript the server answers the same (Next's own limit for actions is above the app's).
    const context = await noScriptContext(browser, page);
    const noJs = await context.newPage();
    await noJs.goto(`/arrangor/evenemang/${event.id}/import`);
    const noJsText = noJs.getByRole("region", { name: "Från den publicerade lärpasslistan" });
    await noJsText.getByLabel("… eller välj en textfil (.txt)").setInputFiles(big);
    await noJsText.getByRole("button", { name: "Förhandsgranska import" }).click();
    await expect(noJs.getByRole("region", { name: "Från den publicerade lärpasslistan" }).getByLabel("… eller välj en textfil (.txt)")).toHaveAccessibleDescription(tooBig);
    await context.close();

    // A UTF-16 file (Windows "Unicode-text") is read as text.
    await page.reload();
    const fixture = fs.readFileSync(FIXTURE, "utf8");
    await fileField.setInputFiles({ name: "unicode.txt", mimeType: "text/plain", buffer: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(fixture, "utf16le")]) });
    await text.getByRole("button", { name: "Förhandsgranska import" }).click();
    await expect(region(page, "Förhandsvisning: så här blir importen")).toContainText("14 nya lärpass, 0 uppdateras");
    await expect(region(page, "Förhandsvisning: så här blir importen").getByRole("row", { name: "Tillbaka till framtiden Ny" })).toBeVisible();

    // 101 new lärpass: "Bekräfta import" needs the box ticked.
    const blocks = Array.from({ length: 101 }, (_, i) => `Gränspass ${i + 1}\nEn kort sammanfattning.\nAnna Berg, Region Västerbotten`);
    await page.reload();
    await text.getByLabel("Klistra in lärpasslistan").fill(`Lärpass i mängd\n\n${blocks.join("\n\n")}\n`);
    await text.getByRole("button", { name: "Förhandsgranska import" }).click();
    const preview = region(page, "Förhandsvisning: så här blir importen");
    await expect(preview).toContainText("101 nya lärpass");
    await preview.getByRole("button", { name: "Bekräfta import" }).click();
    const box = preview.getByLabel("Ja, skapa 101 nya lärpass");
    await expect(box).toHaveAccessibleDescription(/Importen skapar 101 nya lärpass\. Kryssa i att du vill skapa så många/);
    await expectAccessible(page);
    await box.check();
    await preview.getByRole("button", { name: "Bekräfta import" }).click();
    await expect(page.getByRole("status")).toHaveText("Importen är klar: 101 nya lärpass.");
  });

  for (const role of ["member", "speaker"] as const) {
    test(`en ${role === "member" ? "medlem" : "talare"} får 403 på arrangörssidorna`, async ({ page }) => {
      const { event, larpass: lp } = seedEvent("Behörighetskonferensen");
      await signInAs(page, role, role);
      for (const url of [
        "/arrangor",
        `/arrangor/evenemang/${event.id}`,
        `/arrangor/evenemang/${event.id}/import`,
        `/arrangor/evenemang/${event.id}/larpass/ny`,
        `/arrangor/larpass/${lp.id}`,
        "/arrangor/talare",
        "/arrangor/organisationer",
        `/arrangor/ta-bort/larpass/${lp.id}`,
      ]) {
        const response = await page.goto(url);
        expect(response?.status(), url).toBe(403);
        await expect(page.getByRole("heading", { level: 1 })).toHaveText("Du har inte behörighet");
      }
      await expectAccessible(page);
      const csv = await page.request.get(`/arrangor/evenemang/${event.id}/larpass.csv`);
      expect(csv.status()).toBe(403);
      expect(larpassRow(lp.id)).toMatchObject({ title: "Versionspasset", version: 1 });
    });
  }
});
