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
import { HistoryPage, SpeakerAdminPage } from "./pages/organiser-pages";
import { MyLarpassPage } from "./pages/speaker-pages";

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
    const speakerAdmin = new SpeakerAdminPage(page);
    await speakerAdmin.goto(w.speaker.id);
    await expect(speakerAdmin.account).toContainText("Inte inbjuden.");
    await expect(speakerAdmin.email).toHaveValue(w.email);
    await expectAccessible(page);
    await speakerAdmin.inviteSpeaker();
    await expect(speakerAdmin.account).toContainText(`Inbjuden`);
    await expect(speakerAdmin.account).toContainText(`till ${w.email}`);
    await expectAccessible(page);
    const invitation = await latestMailTo(w.email, "inbjuden som talare");
    const link = invitation.text.match(/https?:\/\/\S+\/api\/auth\/callback\/nodemailer\S+/)![0];

    // The invitation's own link signs the speaker in directly (no second mail) and opens Mina lärpass.
    const speakerContext = await browser.newContext({ extraHTTPHeaders: clientHeaders() });
    const sp = await speakerContext.newPage();
    await sp.goto(onSite(link, baseURL!));
    await expect(sp).toHaveURL("/mina-larpass");
    const mine = new MyLarpassPage(sp);
    await expect(mine.heading).toHaveText("Mina lärpass");
    const card = mine.card(w.mine.title);
    await expect(card).toContainText("Talarsalen");
    await expect(card).toContainText("13:00–13:45");
    await expect(card).toContainText("Publicerat");
    await expect(card.locator("dd").nth(4)).toHaveText("0 anmälda av 25 platser");
    await expect(card).toContainText("Du kan ändra till och med 1 mars 2099 kl. 23:59.");
    await expect(mine.card(w.theirs.title)).toHaveCount(0);
    await expectAccessible(sp);

    // The abstract: preview, then save twice (two versions in the history).
    const abstract = await mine.editAbstract(w.mine.title);
    await expect(abstract.abstract).toHaveValue("Ursprunglig text om regioner.");
    await abstract.abstract.fill("Första versionen om **norra** regioner.");
    await abstract.previewButton.click();
    await expect(abstract.preview.locator("strong")).toHaveText("norra");
    await expectAccessible(sp);
    await abstract.save.click();
    await expect(abstract.saved).toBeVisible();
    await abstract.saveAbstract("Andra versionen om södra regioner.");
    await expectAccessible(sp);
    expect(larpassRow(w.mine.id)).toMatchObject({ abstract: "Andra versionen om södra regioner.", title: w.mine.title });

    // The profile: role and a new organisation typed in (or picked from the list), bio with preview.
    const profile = await mine.editProfile(w.speaker.name);
    await expectAccessible(sp);
    await profile.fillAndSave({ role: "Utvecklingsledare", organisation: `Region Talarlän ${w.speaker.id}`, bio: "Arbetar med *regional* utveckling." });
    await expect(profile.organisation).toHaveValue(`Region Talarlän ${w.speaker.id}`);
    await expect(profile.preview.locator("em")).toHaveText("regional");
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
    const history = new HistoryPage(page);
    await history.gotoLarpass(w.mine.id, w.mine.title);
    const entries = history.entries;
    await expect(entries).toHaveCount(2);
    await expect(entries.first()).toContainText(w.email);
    await expect(entries.first()).toContainText("(talare)");
    await expect(entries.first().locator("del")).toHaveText(["borttaget: Första", "borttaget: **norra**"]);
    await expect(entries.first().locator("ins")).toHaveText(["tillagt: Andra", "tillagt: södra"]);
    await expectAccessible(page);
    await history.restore(1);
    await expect(history.entries).toHaveCount(3);
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
