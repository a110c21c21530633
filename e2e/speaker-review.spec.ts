// Speakers' edits under review (issue 12, pretalx #1346): the organiser turns on review for the event;
// a speaker's edit of a published lärpass then waits ("väntar på granskning"), the public page keeps the
// approved abstract, the organiser sees it on the event's overview and under "Att granska" with the word
// diff, approves, and the public page changes; the speaker is told by mail. Without JavaScript the same
// forms work, here with the edit sent back with a message. axe at 1280 and 390 px on the pages touched.
import type { Browser, Page } from "@playwright/test";
import { eq } from "drizzle-orm";
import { events, larpass, larpassSpeakers, speakers, users } from "../db/schema";
import { latestMailTo, uniqueEmail } from "./auth";
import { clientHeaders, insertTestEvent, larpassRow, signIn, signInAs, withTestDb } from "./fixture-data";
import { expect, expectAccessible, test } from "./fixtures";

test.use({ extraHTTPHeaders: async ({}, use) => use(clientHeaders()) });

const APPROVED = "Den godkända texten om kartor i regionerna.";

/** A published event of its own (review off at first) with one published lärpass and its speaker's account. */
function seed(reviewed: boolean) {
  return withTestDb((db) =>
    db.transaction((tx) => {
      const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;
      const { event, slot, room } = insertTestEvent(tx, {
        slug: `e2e-granska-${stamp}`,
        name: `Granskningsdagen ${stamp}`,
        date: "2016-05-10",
        slot: ["10:00", "10:45"],
        room: { name: "Granskarsalen", capacity: 30 },
        more: { speakerEditsReviewed: reviewed },
      });
      const lp = tx
        .insert(larpass)
        .values({ eventId: event.id, slug: "kartpasset", title: `Kartpasset ${stamp}`, abstract: APPROVED, status: "published", timeSlotId: slot.id, roomId: room.id })
        .returning()
        .get();
      const email = uniqueEmail("granskad-talare");
      const user = tx.insert(users).values({ email, role: "speaker" }).returning().get();
      const speaker = tx
        .insert(speakers)
        .values({ slug: `granskad-${stamp}`, name: `Greta Granskad ${stamp}`, email, userId: user.id, invitedAt: new Date() })
        .returning()
        .get();
      tx.insert(larpassSpeakers).values({ larpassId: lp.id, speakerId: speaker.id }).run();
      return { event, lp, email };
    }),
  );
}

const publicUrl = (w: ReturnType<typeof seed>) => `/evenemang/${w.event.slug}/larpass/${w.lp.slug}`;

async function narrowAxe(page: Page) {
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: 390, height: 844 });
  await expectAccessible(page);
  await page.setViewportSize(size);
}

async function newPage(browser: Browser, javaScriptEnabled = true) {
  const context = await browser.newContext({ extraHTTPHeaders: clientHeaders(), javaScriptEnabled });
  return { context, page: await context.newPage() };
}

test("med granskning: talarens ändring väntar, programmet är oförändrat, arrangören godkänner under Att granska och programmet ändras", async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  const w = seed(false);

  // The organiser turns on review in the event's form.
  await signInAs(page, "organiser", "arrangor-granska");
  await page.goto(`/arrangor/evenemang/${w.event.id}`);
  const details = page.getByRole("region", { name: "Uppgifter om evenemanget" });
  await details.getByRole("checkbox", { name: "Talarnas ändringar av publicerade lärpass granskas innan de syns" }).check();
  await details.getByRole("button", { name: "Spara evenemanget" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Evenemanget är sparat." })).toBeVisible();
  expect(withTestDb((db) => db.select().from(events).where(eq(events.id, w.event.id)).get()?.speakerEditsReviewed)).toBe(true);

  // The speaker edits the abstract: it waits.
  const speaker = await newPage(browser);
  const sp = speaker.page;
  await signIn(sp, w.email);
  await sp.goto(`/mina-larpass/${w.lp.id}`);
  await sp.getByLabel("Sammanfattning").fill("Den nya texten om kartor och öppna data i regionerna.");
  await sp.getByRole("button", { name: "Spara sammanfattningen" }).click();
  await expect(sp.getByRole("status").filter({ hasText: "väntar på granskning" })).toBeVisible();
  await expect(sp.getByRole("region", { name: "Väntar på granskning" })).toContainText("Programmet visar den tidigare sammanfattningen");
  await expect(sp.getByLabel("Sammanfattning")).toHaveValue("Den nya texten om kartor och öppna data i regionerna.");
  await expectAccessible(sp);
  await narrowAxe(sp);
  await sp.goto("/mina-larpass");
  await expect(sp.getByRole("article", { name: w.lp.title })).toContainText("Din ändring av sammanfattningen väntar på granskning.");
  expect(larpassRow(w.lp.id)).toMatchObject({ abstract: APPROVED, version: 1 });

  // The public page keeps the approved version.
  const visitor = await newPage(browser);
  await visitor.page.goto(publicUrl(w));
  await expect(visitor.page.getByRole("main")).toContainText(APPROVED);
  await expect(visitor.page.getByRole("main")).not.toContainText("öppna data");

  // The organiser sees it on the overview and reviews it under "Att granska".
  await page.goto(`/arrangor/evenemang/${w.event.id}`);
  const edits = page.getByRole("region", { name: "Talarnas ändringar" });
  await expect(edits).toContainText("1 ändring väntar på granskning");
  await expect(edits.getByRole("listitem")).toContainText(`ändrade sammanfattningen av ${w.lp.title}. väntar på granskning`);
  await expectAccessible(page);
  await narrowAxe(page);
  await edits.getByRole("link", { name: "1 ändring väntar på granskning" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Att granska");
  const item = page.getByRole("article", { name: w.lp.title });
  await expect(item.locator("ins")).toHaveText([/tillagt: nya/, /tillagt: och öppna data/]);
  await expect(item.locator("del")).toHaveText([/borttaget: godkända/]);
  await expectAccessible(page);
  await narrowAxe(page);
  await item.getByRole("button", { name: `Godkänn ändringen av ${w.lp.title}` }).click();
  await expect(page.getByRole("status").filter({ hasText: "Ändringen är godkänd" })).toBeVisible();
  await expect(page.getByRole("article", { name: w.lp.title })).toHaveCount(0);

  // The public page changes; the speaker is told.
  await visitor.page.reload();
  await expect(visitor.page.getByRole("main")).toContainText("Den nya texten om kartor och öppna data i regionerna.");
  expect((await latestMailTo(w.email, "Din ändring är godkänd")).subject).toBe(`Din ändring är godkänd: ${w.lp.title}`);
  await sp.goto(`/mina-larpass/${w.lp.id}`);
  await expect(sp.getByRole("region", { name: "Väntar på granskning" })).toHaveCount(0);

  // The overview lists the edit, now live.
  await page.goto(`/arrangor/evenemang/${w.event.id}`);
  await expect(page.getByRole("region", { name: "Talarnas ändringar" })).toContainText("Inga ändringar väntar på granskning.");
  await expect(page.getByRole("region", { name: "Talarnas ändringar" }).getByRole("link", { name: /Se ändringen/ })).toHaveCount(1);
  await speaker.context.close();
  await visitor.context.close();
});

test.describe("utan JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("talaren sparar, arrangören skickar tillbaka med ett meddelande (tomt meddelande nekas), talaren får mejlet och ser meddelandet", async ({
    page,
    browser,
  }) => {
    test.setTimeout(90_000);
    const w = seed(true);
    const speaker = await newPage(browser, false);
    const sp = speaker.page;
    await signIn(sp, w.email);
    await sp.goto(`/mina-larpass/${w.lp.id}`);
    await sp.getByLabel("Sammanfattning").fill("En text som behöver ses över.");
    await sp.getByRole("button", { name: "Spara sammanfattningen" }).click();
    await expect(sp.getByRole("region", { name: "Väntar på granskning" })).toBeVisible();
    expect(larpassRow(w.lp.id)?.abstract).toBe(APPROVED);

    await signInAs(page, "organiser", "arrangor-granska-nojs");
    await page.goto("/arrangor/granska");
    const item = page.getByRole("article", { name: w.lp.title });
    await item.getByRole("button", { name: `Skicka tillbaka ändringen av ${w.lp.title}` }).click();
    const again = page.getByRole("article", { name: w.lp.title });
    await expect(again.getByLabel("Meddelande till talaren")).toHaveAccessibleDescription(/Skriv ett meddelande till talaren: vad behöver ändras\?/);
    await again.getByLabel("Meddelande till talaren").fill("Stryk den sista meningen, tack.");
    await again.getByRole("button", { name: `Skicka tillbaka ändringen av ${w.lp.title}` }).click();
    await expect(page.getByRole("status").filter({ hasText: "tillbakaskickad" })).toBeVisible();
    expect(larpassRow(w.lp.id)).toMatchObject({ abstract: APPROVED, version: 1 });

    const mail = await latestMailTo(w.email, "behöver ses över");
    expect(mail.text).toContain("Stryk den sista meningen, tack.");
    await sp.goto(`/mina-larpass/${w.lp.id}`);
    const note = sp.getByRole("region", { name: "Arrangörerna skickade tillbaka din ändring" });
    await expect(note).toContainText("Stryk den sista meningen, tack.");
    await expect(sp.getByLabel("Sammanfattning")).toHaveValue("En text som behöver ses över.");
    // axe runs in the page, so it checks the same page in a context with JavaScript (same session).
    const scripted = await browser.newContext({ javaScriptEnabled: true, storageState: await speaker.context.storageState(), extraHTTPHeaders: clientHeaders() });
    const check = await scripted.newPage();
    await check.goto(sp.url());
    await expect(check.getByRole("region", { name: "Arrangörerna skickade tillbaka din ändring" })).toBeVisible();
    await expectAccessible(check);
    await scripted.close();
    await speaker.context.close();
  });
});
