// Speakers keep their own lärpass up to date: an organiser invites a speaker, the speaker signs in through
// the outbox, finds the lärpass under Mina lärpass, edits the abstract (with a preview), is refused on
// another speaker's lärpass and on the organisers' pages and actions, and the organiser reads the change
// in the lärpass's Historik and restores an earlier version. Without JavaScript the abstract form works too.
import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { eq } from "drizzle-orm";
import { larpass, larpassSpeakers, speakers, users } from "../db/schema";
import { zonedToUtc } from "../lib/time";
import { latestMailTo, uniqueEmail } from "./auth";
import { clientHeaders, insertTestEvent, larpassRow, onSite, signInAs, signInLink, withTestDb } from "./fixture-data";
import { expect, expectAccessible, test } from "./fixtures";

test.use({ extraHTTPHeaders: async ({}, use) => use(clientHeaders()) });

/**
 * A published event of its own (dated 2016, so it never becomes the current event) with two lärpass: one
 * for the invited speaker, one for another speaker who is already linked to an account. Straight into the
 * server's test database, new per test, so tests never share speakers or lärpass.
 */
function seed() {
  return withTestDb((db) =>
    db.transaction((tx) => {
      const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;
      const { event, slot, room } = insertTestEvent(tx, {
        slug: `e2e-talare-${stamp}`,
        name: `Talardagen ${stamp}`,
        date: "2016-04-12",
        slot: ["13:00", "13:45"],
        room: { name: "Talarsalen", capacity: 25 },
        // Far ahead: the page says until when the speaker may edit.
        more: { speakerEditDeadline: zonedToUtc("2099-03-01", "23:59"), speakersSeeParticipants: true },
      });
      const mine = tx
        .insert(larpass)
        .values({ eventId: event.id, slug: "talarpasset", title: `Talarpasset ${stamp}`, abstract: "Ursprunglig text om regioner.", status: "published", timeSlotId: slot.id, roomId: room.id })
        .returning()
        .get();
      const theirs = tx
        .insert(larpass)
        .values({ eventId: event.id, slug: "andras-pass", title: `Andras pass ${stamp}`, abstract: "Den andra talarens text.", status: "published", timeSlotId: slot.id, roomId: room.id, sortOrder: 1 })
        .returning()
        .get();
      const email = uniqueEmail("talare");
      const speaker = tx.insert(speakers).values({ slug: `tora-${stamp}`, name: `Tora Talare ${stamp}`, email }).returning().get();
      const otherUser = tx.insert(users).values({ email: uniqueEmail("annan-talare"), role: "speaker" }).returning().get();
      const other = tx
        .insert(speakers)
        .values({ slug: `annan-${stamp}`, name: `Annan Talare ${stamp}`, userId: otherUser.id, invitedAt: new Date() })
        .returning()
        .get();
      tx.insert(larpassSpeakers).values([
        { larpassId: mine.id, speakerId: speaker.id },
        { larpassId: theirs.id, speakerId: other.id },
      ]).run();
      return { event, mine, theirs, speaker, email };
    }),
  );
}

/** The id Next gave a server action in this build (public knowledge: it is in the page's JavaScript). */
function actionId(file: string, name: string): string {
  const dist = process.env.NEXT_DIST_DIR || ".next";
  const manifest = JSON.parse(fs.readFileSync(path.join(process.cwd(), dist, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const hit = Object.entries(manifest.node).find(([, v]) => v.filename?.endsWith(file) && v.exportedName === name);
  if (!hit) throw new Error(`${file}#${name} finns inte i server-reference-manifest.json`);
  return hit[0];
}

const signInAsOrganiser = (page: Page) => signInAs(page, "organiser", "arrangor-talare");

test.describe("talare håller sina lärpass aktuella", () => {
  test("inbjudan, Mina lärpass, ändra sammanfattningen, nekad hos andra, historik och återställning", async ({ page, browser, baseURL }) => {
    test.setTimeout(90_000);
    const w = seed();

    // The organiser invites the speaker from the speaker page.
    await signInAsOrganiser(page);
    await page.goto(`/arrangor/talare/${w.speaker.id}`);
    const account = page.getByRole("region", { name: "Talarens konto" });
    await expect(account).toContainText("Inte inbjuden.");
    await expect(account.getByLabel("Talarens e-postadress")).toHaveValue(w.email);
    await expectAccessible(page);
    await account.getByRole("button", { name: "Bjud in talaren" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Inbjudan är skickad" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Talarens konto" })).toContainText(`Inbjuden`);
    await expect(page.getByRole("region", { name: "Talarens konto" })).toContainText(`till ${w.email}`);
    await expectAccessible(page);
    const invitation = await latestMailTo(w.email, "inbjuden som talare");
    const link = invitation.text.match(/https?:\/\/\S+\/api\/auth\/callback\/nodemailer\S+/)![0];

    // The invitation's own link signs the speaker in directly (no second mail) and opens Mina lärpass.
    const speakerContext = await browser.newContext({ extraHTTPHeaders: clientHeaders() });
    const sp = await speakerContext.newPage();
    await sp.goto(onSite(link, baseURL!));
    await expect(sp).toHaveURL("/mina-larpass");
    await expect(sp.getByRole("heading", { level: 1 })).toHaveText("Mina lärpass");
    const card = sp.getByRole("article", { name: w.mine.title });
    await expect(card).toContainText("Talarsalen");
    await expect(card).toContainText("13:00–13:45");
    await expect(card).toContainText("Publicerat");
    await expect(card.locator("dd").nth(4)).toHaveText("0 av 25 platser");
    await expect(card).toContainText("Du kan ändra till och med 1 mars 2099 kl. 23:59.");
    await expect(sp.getByRole("article", { name: w.theirs.title })).toHaveCount(0);
    await expectAccessible(sp);

    // The abstract: preview, then save twice (two versions in the history).
    await card.getByRole("link", { name: `Ändra sammanfattningen för ${w.mine.title}` }).click();
    await expect(sp.getByRole("heading", { level: 1 })).toHaveText(`Sammanfattning: ${w.mine.title}`);
    await expect(sp.getByLabel("Sammanfattning")).toHaveValue("Ursprunglig text om regioner.");
    await sp.getByLabel("Sammanfattning").fill("Första versionen om **norra** regioner.");
    await sp.getByRole("button", { name: "Förhandsgranska" }).click();
    const preview = sp.getByRole("region", { name: "Förhandsvisning" });
    await expect(preview.locator("strong")).toHaveText("norra");
    await expectAccessible(sp);
    await sp.getByRole("button", { name: "Spara sammanfattningen" }).click();
    await expect(sp.getByRole("status").filter({ hasText: "Sammanfattningen är sparad." })).toBeVisible();
    await sp.getByLabel("Sammanfattning").fill("Andra versionen om södra regioner.");
    await sp.getByRole("button", { name: "Spara sammanfattningen" }).click();
    await expect(sp.getByLabel("Sammanfattning")).toHaveValue("Andra versionen om södra regioner.");
    await expect(sp.getByRole("status").filter({ hasText: "Sammanfattningen är sparad." })).toBeVisible();
    await expectAccessible(sp);
    expect(larpassRow(w.mine.id)).toMatchObject({ abstract: "Andra versionen om södra regioner.", title: w.mine.title });

    // The profile: role and a new organisation typed in (or picked from the list), bio with preview.
    await sp.getByRole("link", { name: "Mina lärpass" }).first().click();
    await sp.getByRole("link", { name: "Ändra din presentation" }).click();
    await expect(sp.getByRole("heading", { level: 1 })).toHaveText(`Din presentation: ${w.speaker.name}`);
    await expectAccessible(sp);
    await sp.getByLabel("Roll (titel)").fill("Utvecklingsledare");
    await sp.getByLabel("Organisation").fill(`Region Talarlän ${w.speaker.id}`);
    await sp.getByLabel("Presentation").fill("Arbetar med *regional* utveckling.");
    await sp.getByRole("button", { name: "Spara presentationen" }).click();
    await expect(sp.getByRole("status").filter({ hasText: "Presentationen är sparad." })).toBeVisible();
    await expect(sp.getByLabel("Organisation")).toHaveValue(`Region Talarlän ${w.speaker.id}`);
    await expect(sp.getByRole("region", { name: "Förhandsvisning" }).locator("em")).toHaveText("regional");
    await expectAccessible(sp);

    // Someone else's lärpass: refused, by URL and by the organisers' pages and actions.
    const refused = await sp.goto(`/mina-larpass/${w.theirs.id}`);
    expect(refused?.status()).toBe(403);
    await expect(sp.getByRole("heading", { level: 1 })).toHaveText("Du har inte behörighet");
    await expectAccessible(sp);
    const organiserPage = await sp.goto(`/arrangor/larpass/${w.theirs.id}`);
    expect(organiserPage?.status()).toBe(403);
    // A direct POST of the organisers' save action, encoded the way React's client sends it (arguments as
    // multipart: the previous state, then the form's fields under "1_"), with the action's id.
    const before = larpassRow(w.theirs.id)!;
    const post = await sp.request.post(`/arrangor/larpass/${w.theirs.id}`, {
      headers: { "Next-Action": actionId("app/arrangor/larpass/actions.ts", "updateLarpassAction") },
      multipart: {
        "0": JSON.stringify([{ seq: 0, values: {}, version: before.version }, "$K1"]),
        "1_id": String(w.theirs.id),
        "1_version": String(before.version),
        "1_title": "Kapad titel",
        "1_abstract": "Kapad.",
        "1_status": "published",
        "1_language": "sv",
      },
      maxRedirects: 0,
    });
    expect(post.status()).toBe(403);
    expect(larpassRow(w.theirs.id)).toEqual(before);
    await speakerContext.close();

    // The organiser reads the speaker's changes in the lärpass's history and restores the first one.
    await page.goto(`/arrangor/larpass/${w.mine.id}/historik`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Historik: ${w.mine.title}`);
    const entries = page.getByRole("article");
    await expect(entries).toHaveCount(2);
    await expect(entries.first()).toContainText(w.email);
    await expect(entries.first()).toContainText("(talare)");
    await expect(entries.first().locator("del")).toHaveText(["borttaget: Första", "borttaget: **norra**"]);
    await expect(entries.first().locator("ins")).toHaveText(["tillagt: Andra", "tillagt: södra"]);
    await expectAccessible(page);
    await entries.nth(1).getByRole("button", { name: "Återställ den här versionen" }).click();
    await expect(page.getByRole("status").filter({ hasText: "återställd" })).toBeVisible();
    await expect(page.getByRole("article")).toHaveCount(3);
    await expectAccessible(page);
    expect(larpassRow(w.mine.id)?.abstract).toBe("Första versionen om **norra** regioner.");
  });

  test("utan JavaScript: förhandsgranska och spara sammanfattningen", async ({ browser }) => {
    const w = seed();
    const context = await browser.newContext({ javaScriptEnabled: false, extraHTTPHeaders: clientHeaders() });
    const page = await context.newPage();
    // axe needs scripts: the pages the script-less browser shows are checked in an ordinary one, same session.
    const scripted = await browser.newContext({ extraHTTPHeaders: clientHeaders() });
    const checkAccessible = async () => {
      await scripted.addCookies(await context.cookies());
      const p = await scripted.newPage();
      await p.goto(page.url());
      await expectAccessible(p);
      await p.close();
    };
    // Linked by invitation before the first sign-in: the sign-in itself makes the link.
    withTestDb((db) => db.update(speakers).set({ invitedAt: new Date() }).where(eq(speakers.id, w.speaker.id)).run());
    await page.goto("/logga-in?next=/mina-larpass");
    await page.getByLabel("E-postadress").fill(w.email);
    await page.getByRole("button", { name: "Skicka inloggningslänk" }).click();
    await expect(page.getByRole("heading", { name: "Kolla din e-post" })).toBeVisible();
    await page.goto(await signInLink(w.email, new URL(page.url()).origin));
    await page.goto(`/mina-larpass/${w.mine.id}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Sammanfattning: ${w.mine.title}`);
    await expect(page.getByRole("region", { name: "Förhandsvisning" })).toHaveCount(0);
    await page.getByLabel("Sammanfattning").fill("Utan skript, med *betoning*.");
    await page.getByRole("button", { name: "Förhandsgranska" }).click();
    await expect(page.getByRole("region", { name: "Förhandsvisning" }).locator("em")).toHaveText("betoning");
    await expect(page.getByLabel("Sammanfattning")).toHaveValue("Utan skript, med *betoning*.");
    await checkAccessible();
    await page.getByRole("button", { name: "Spara sammanfattningen" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Sammanfattningen är sparad." })).toBeVisible();
    expect(larpassRow(w.mine.id)?.abstract).toBe("Utan skript, med *betoning*.");
    await checkAccessible();
    await scripted.close();
    await context.close();
  });
});
