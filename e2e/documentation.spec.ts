// The documentation end to end in Chromium: an organiser asks questions, members answer with and without
// JavaScript, the organiser pastes answers in and groups them into a theme, the speaker writes the lärpass's
// summary and group outputs, the organiser publishes, and the public page, its print view and the .docx hold
// it all. axe runs on every page visited.
import JSZip from "jszip";
import { eq } from "drizzle-orm";
import { docAttachments, documentations, larpass, larpassSpeakers, speakers } from "../db/schema";
import { clientHeaders, insertTestEvent, noScriptContext, signInAs, userIdOf, withTestDb } from "./fixture-data";
import { expect, expectAccessible, test } from "./fixtures";
import type { Page } from "@playwright/test";

test.use({ extraHTTPHeaders: async ({}, use) => use(clientHeaders()) });

function seed() {
  return withTestDb((db) =>
    db.transaction((tx) => {
      const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;
      const { event, slot, room } = insertTestEvent(tx, { slug: `e2e-dok-${stamp}`, name: `Seminariet ${stamp}`, date: "2015-01-14", slot: ["10:00", "10:45"], room: { name: "Dalasalen", capacity: 40 } });
      const l = tx
        .insert(larpass)
        .values({ eventId: event.id, slug: "scenarion", title: `Scenarion ${stamp}`, status: "published", timeSlotId: slot.id, roomId: room.id })
        .returning()
        .get();
      const sp = tx.insert(speakers).values({ name: "Sara Scenario", slug: `sara-${stamp}` }).returning().get();
      tx.insert(larpassSpeakers).values({ larpassId: l.id, speakerId: sp.id }).run();
      // Answering open around now (the event itself is in the past).
      tx.insert(documentations).values({ eventId: event.id, answersOpenAt: new Date(Date.now() - 3600_000), answersCloseAt: new Date(Date.now() + 24 * 3600_000) }).run();
      return { event, larpass: l, speakerId: sp.id };
    }),
  );
}

test("questions, answers with and without JavaScript, themes, speaker's section, publish, print and .docx", async ({ page, browser }) => {
  test.setTimeout(240_000);
  const s = seed();
  const ws = `/arrangor/evenemang/${s.event.id}/dokumentation`;

  // Organiser: two questions.
  await signInAs(page, "organiser", "dok-arr");
  await page.goto(ws);
  await expect(page.getByRole("heading", { name: "Dokumentation", level: 1 })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Fråga", { exact: true }).fill("Det här tar jag med mig från idag");
  await page.getByRole("button", { name: "Lägg till frågan" }).click();
  await expect(page.getByText("Frågan är sparad.")).toBeVisible();
  await page.getByRole("button", { name: "Fråga efter betyg för varje lärpass" }).click();
  await expect(page.getByText("Betygsfrågan ställs nu på varje lärpass.")).toBeVisible();

  // A member with JavaScript answers the event's question.
  const memberContext = await browser.newContext({ extraHTTPHeaders: clientHeaders() });
  const member = await memberContext.newPage();
  await signInAs(member, "member", "dok-medlem");
  await member.goto(`/evenemang/${s.event.slug}/dokumentation/svara`);
  await expectAccessible(member);
  await member.getByLabel("Det här tar jag med mig från idag").fill("Dalateatern!!");
  await member.getByRole("button", { name: "Skicka svar" }).click();
  await expect(member.getByText("Tack! Ditt svar är sparat.")).toBeVisible();

  // The same member without JavaScript rates the lärpass (an empty form is refused first, nothing lost).
  // (axe needs script in the page: the same page is checked with JavaScript first.)
  await member.goto(`/evenemang/${s.event.slug}/dokumentation/svara/${s.larpass.slug}`);
  await expectAccessible(member);
  const noJs = await noScriptContext(browser, member);
  const plain = await noJs.newPage();
  await plain.goto(`/evenemang/${s.event.slug}/dokumentation/svara/${s.larpass.slug}`);
  await plain.getByRole("button", { name: "Skicka svar" }).click();
  await expect(plain.getByRole("alert")).toHaveText("Skriv ett svar eller välj ett betyg innan du skickar.");
  await plain.getByLabel("5 – Mycket bra").check();
  await plain.getByLabel("Kommentar (frivillig)").fill("Lärorikt");
  await plain.getByRole("button", { name: "Skicka svar" }).click();
  await expect(plain.getByText("Tack! Ditt svar är sparat.")).toBeVisible();
  await noJs.close();
  await memberContext.close();

  // Organiser: paste answers (preview, then save) into a theme, and move the member's answer there.
  await page.goto(ws);
  await page.getByRole("link", { name: "Det här tar jag med mig från idag" }).click();
  await expectAccessible(page);
  await page.getByLabel("Svar, ett per rad").fill("## Mötesmetod\nBra övning i gruppdiskussion\n\nAllt! Har fått en pusselbit");
  await page.getByRole("button", { name: "Spara inklistrade svar" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Förhandsgranskning" })).toContainText("Förhandsgranskning: 2 svar i teman: Mötesmetod (2)");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Spara inklistrade svar" }).click();
  await expect(page.getByText("2 svar är inklistrade.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Mötesmetod (2)" })).toBeVisible();
  // "Flytta till tema" without JavaScript (no drag handles there).
  const organiserNoJs = await noScriptContext(browser, page);
  const plainOrganiser = await organiserNoJs.newPage();
  await plainOrganiser.goto(page.url().split("?")[0]);
  await expect(plainOrganiser.getByRole("button", { name: /^Dra svaret/ })).toHaveCount(0);
  const loose = plainOrganiser.locator(".answer-list > li", { hasText: "Dalateatern!!" });
  await loose.getByRole("combobox").selectOption({ label: "Mötesmetod" });
  await loose.getByRole("button", { name: /Flytta till tema/ }).click();
  await expect(plainOrganiser.getByRole("heading", { name: "Mötesmetod (3)" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { name: "Mötesmetod (3)" })).toBeVisible();

  // Correct the spelling of an answer (the original stays in the history).
  const dala = page.locator(".answer-list > li", { hasText: "Dalateatern!!" });
  await dala.getByText("Rätta stavningen").click();
  await dala.getByLabel("Rättat svar (originalet sparas i historiken)").fill("Dalateatern!");
  await dala.getByRole("button", { name: "Spara rättelsen" }).click();
  await expect(page.locator(".answer-list > li", { hasText: "Dalateatern!" })).not.toContainText("Dalateatern!!");

  // A second theme, and an answer dragged into it with the keyboard (with the screen reader's words).
  await page.getByLabel("Nytt tema").fill("Regionens roll");
  await page.getByRole("button", { name: "Lägg till temat" }).click();
  await expect(page.getByRole("heading", { name: "Regionens roll (0)" })).toBeVisible();
  await expectAccessible(page);
  const handle = page.getByRole("button", { name: "Dra svaret Dalateatern!" });
  await expect(page.locator(`[id="${await handle.getAttribute("aria-describedby")}"]`)).toContainText("Tryck mellanslag eller Enter för att lyfta svaret.");
  await handle.focus();
  await page.keyboard.press("Enter");
  await expect(page.locator("[id^=DndLiveRegion-]")).toContainText("Svaret ”Dalateatern!” är över temat Mötesmetod.");
  await page.keyboard.press("ArrowDown");
  await expect(page.locator("[id^=DndLiveRegion-]")).toContainText("är över temat Regionens roll");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Regionens roll (1)" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Mötesmetod (2)" })).toBeVisible();
  // And one with the mouse (both ends on screen: the mouse cannot drag past the viewport).
  await page.getByRole("heading", { name: "Mötesmetod (2)" }).evaluate((h) => h.scrollIntoView({ block: "start" }));
  const from = (await page.getByRole("button", { name: "Dra svaret Bra övning i gruppdiskussion" }).boundingBox())!;
  const to = (await page.getByRole("region", { name: "Regionens roll (1)" }).locator(".theme-zone").boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + 20, from.y + 20, { steps: 5 });
  await page.mouse.move(to.x + to.width / 2, to.y + Math.min(to.height / 2, 40), { steps: 15 });
  await page.mouse.up();
  await expect(page.getByRole("heading", { name: "Regionens roll (2)" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Mötesmetod (1)" })).toBeVisible();

  // Themes are ordered without JavaScript too: Regionens roll first.
  await plainOrganiser.reload();
  await plainOrganiser.getByRole("button", { name: /^Upp\s?: Regionens roll$/ }).click();
  await expect(plainOrganiser.getByRole("region", { name: "Teman" }).getByRole("listitem").first().getByRole("textbox")).toHaveValue("Regionens roll");
  await organiserNoJs.close();

  // The workspace history: who, when, and the corrected answer's original wording.
  await page.goto(`${ws}/historik`);
  await expectAccessible(page);
  const correction = page.locator("article.revision", { has: page.getByRole("heading", { name: /^Svar rättat/ }) });
  await expect(correction.locator(".value-change")).toContainText("Dalateatern!! → ändrat till Dalateatern!");
  await expect(page.getByRole("heading", { name: /^Svar flyttat till ett tema/ }).first()).toBeVisible();

  // The speaker writes the lärpass's section.
  const speakerContext = await browser.newContext({ extraHTTPHeaders: clientHeaders() });
  const speaker = await speakerContext.newPage();
  const speakerEmail = await signInAs(speaker, "speaker", "dok-talare");
  withTestDb((db) => db.update(speakers).set({ userId: userIdOf(speakerEmail), invitedAt: new Date() }).where(eq(speakers.id, s.speakerId)).run());
  await speaker.goto(`/mina-larpass/${s.larpass.id}/dokumentation`);
  await expectAccessible(speaker);
  await expect(speaker.getByText(/Du ser betygen och kommentarerna när svaren har stängt/)).toBeVisible();
  await speaker.getByLabel("Sammanfattning (Markdown)").fill("Scenarion är tänkta framtider.");
  await speaker.getByLabel("Gruppernas resultat").fill("## Trädgårdsmästaren (grupp 1:1)\n- Samordnar nätverk\n- Projektmedel\n\n## Loket (grupp 2:1)\n- Tydlig regional ledare");
  await speaker.getByRole("button", { name: "Spara dokumentationen" }).click();
  await expect(speaker.getByText("Dokumentationen är sparad.")).toBeVisible();
  // An attachment: a text file posing as a PDF is refused beside the field, a real PDF is stored.
  await speaker.getByLabel("Fil").setInputFiles({ name: "bildspel.pdf", mimeType: "application/pdf", buffer: Buffer.from("inte en pdf") });
  await speaker.getByRole("button", { name: "Ladda upp bilagan" }).click();
  await expect(speaker.getByText(/^Bara PDF, PowerPoint/)).toBeVisible();
  await speaker.getByLabel("Fil").setInputFiles({ name: "bildspel.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n%%EOF\n") });
  await speaker.getByRole("button", { name: "Ladda upp bilagan" }).click();
  await expect(speaker.getByText("Bilagan är sparad.")).toBeVisible();
  await expect(speaker.getByRole("button", { name: "Ta bort bildspel.pdf" })).toBeVisible();
  await expectAccessible(speaker);
  await speakerContext.close();

  // The organiser's copy of the lärpass's section: the speaker's text, and attachments by the same rules.
  await page.goto(`${ws}/larpass/${s.larpass.id}`);
  await expect(page.getByLabel("Sammanfattning (Markdown)")).toHaveValue("Scenarion är tänkta framtider.");
  await expectAccessible(page);
  await page.getByLabel("Fil").setInputFiles({ name: "program.png", mimeType: "image/png", buffer: Buffer.from("inte en bild") });
  await page.getByRole("button", { name: "Ladda upp bilagan" }).click();
  await expect(page.getByText(/^Bara PDF, PowerPoint/)).toBeVisible();
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Array(64).fill(0)]);
  await page.getByLabel("Fil").setInputFiles({ name: "program.png", mimeType: "image/png", buffer: png });
  await page.getByRole("button", { name: "Ladda upp bilagan" }).click();
  await expect(page.getByText("Bilagan är sparad.")).toBeVisible();
  await page.getByRole("button", { name: "Ta bort program.png" }).click();
  await expect(page.getByText("Bilagan är borttagen.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Ta bort bildspel.pdf" })).toBeVisible();

  // The QR sheets for the doors and the preview.
  await page.goto(`${ws}/qr`);
  await expect(page.getByRole("heading", { name: s.larpass.title, level: 2 })).toBeVisible();
  await expect(page.getByRole("img", { name: new RegExp(`QR-kod till .*/dokumentation/svara/${s.larpass.slug}$`) })).toBeVisible();
  await expectAccessible(page);
  await page.goto(`${ws}/forhandsvisning`);
  await expect(page.getByText("Förhandsvisning: dokumentationen är inte publicerad.")).toBeVisible();
  await expectAccessible(page);

  // Ratings chart for the organiser, then publish.
  await page.goto(`${ws}/betyg`);
  await expectAccessible(page);
  await expect(page.getByText("1 svar, medelbetyg 5,0 av 5.")).toBeVisible();
  // Before publishing, the attachment is not served to anyone.
  const attachmentId = withTestDb((db) => db.select({ id: docAttachments.id }).from(docAttachments).where(eq(docAttachments.larpassId, s.larpass.id)).get()!.id);
  const attachmentUrl = `/evenemang/${s.event.slug}/dokumentation/bilagor/${attachmentId}`;
  expect((await page.request.get(attachmentUrl)).status()).toBe(404);
  await page.goto(ws);
  await page.getByRole("button", { name: "Publicera dokumentationen" }).click();
  await expect(page.getByText("Dokumentationen är publicerad.")).toBeVisible();

  // The public page, as anyone sees it.
  const anon = await browser.newContext({ extraHTTPHeaders: clientHeaders() });
  const reader = await anon.newPage();
  await reader.goto(`/evenemang/${s.event.slug}/dokumentation`);
  await expectAccessible(reader);
  await expect(reader.getByRole("heading", { name: s.event.name, level: 1 })).toBeVisible();
  // The themes in the organiser's order.
  expect(await reader.locator("#questions h4").allTextContents()).toEqual(["Regionens roll", "Mötesmetod"]);
  for (const text of ["Dalateatern!", "Bra övning i gruppdiskussion", "Allt! Har fått en pusselbit", "Samordnar nätverk", "Tydlig regional ledare"]) {
    await expect(reader.getByText(text, { exact: true })).toBeVisible();
  }
  await expect(reader.getByRole("heading", { name: "Trädgårdsmästaren (grupp 1:1)" })).toBeVisible();
  await expect(reader.getByRole("link", { name: "bildspel.pdf" })).toHaveAttribute("href", attachmentUrl);
  const served = await reader.request.get(attachmentUrl);
  expect([served.status(), served.headers()["content-type"], served.headers()["content-disposition"]]).toEqual([200, "application/pdf", `inline; filename="bildspel.pdf"; filename*=UTF-8''bildspel.pdf`]);

  // Print view: no navigation, each main section on a new page.
  await reader.emulateMedia({ media: "print" });
  await expect(reader.getByRole("navigation", { name: "Huvudmeny" })).toBeHidden();
  expect(await reader.locator(".doc-section").first().evaluate((el) => getComputedStyle(el).breakBefore)).toBe("page");
  await reader.emulateMedia({ media: "screen" });

  // .docx download, read back.
  const [download] = await Promise.all([reader.waitForEvent("download"), reader.getByRole("link", { name: "Ladda ner som Word (.docx)" }).click()]);
  const file = await download.path();
  const zip = await JSZip.loadAsync(await (await import("node:fs")).promises.readFile(file!));
  const xml = await zip.file("word/document.xml")!.async("string");
  expect(xml.indexOf("Regionens roll")).toBeLessThan(xml.indexOf("Mötesmetod"));
  for (const text of ["Det här tar jag med mig från idag", "Mötesmetod", "Regionens roll", "Dalateatern!", "Allt! Har fått en pusselbit", "Trädgårdsmästaren (grupp 1:1)", "Samordnar nätverk"]) {
    expect(xml).toContain(text);
  }
  await anon.close();
});

/** A time in the event's zone as a datetime-local field takes it: "2026-11-29T18:45". */
const localField = (d: Date) => d.toLocaleString("sv-SE", { timeZone: "Europe/Stockholm" }).replace(" ", "T").slice(0, 16);

test("ratings from several members, signed in and not, with and without JavaScript, reach the chart and the speaker only once answering has closed", async ({ page, browser }) => {
  test.setTimeout(240_000);
  const s = seed();
  const ws = `/arrangor/evenemang/${s.event.id}/dokumentation`;
  const answerPage = `/evenemang/${s.event.slug}/dokumentation/svara/${s.larpass.slug}`;

  // Organiser: a rating on every lärpass, and answering without sign-in.
  await signInAs(page, "organiser", "dok-betyg-arr");
  await page.goto(ws);
  await page.getByRole("button", { name: "Fråga efter betyg för varje lärpass" }).click();
  await expect(page.getByText("Betygsfrågan ställs nu på varje lärpass.")).toBeVisible();
  await page.getByLabel("Svar kräver inloggning").uncheck();
  await page.getByRole("button", { name: "Spara inställningarna" }).click();
  await expect(page.getByText("Inställningarna är sparade.")).toBeVisible();
  await expect(page.getByText(/utan inloggning\./)).toBeVisible();

  async function rate(p: Page, rating: string, comment?: string) {
    await p.goto(answerPage);
    await p.getByLabel(rating, { exact: true }).check();
    if (comment) await p.getByLabel("Kommentar (frivillig)").fill(comment);
    await p.getByRole("button", { name: "Skicka svar" }).click();
    await expect(p.getByText("Tack! Ditt svar är sparat.")).toBeVisible();
  }

  // A signed-in member with JavaScript, another without; a visitor without an account, with and without.
  const a = await browser.newContext({ extraHTTPHeaders: clientHeaders() });
  const memberA = await a.newPage();
  await signInAs(memberA, "member", "dok-betyg-a");
  await rate(memberA, "4", "Bra exempel");
  const b = await browser.newContext({ extraHTTPHeaders: clientHeaders() });
  const memberB = await b.newPage();
  await signInAs(memberB, "member", "dok-betyg-b");
  const bNoJs = await noScriptContext(browser, memberB);
  await rate(await bNoJs.newPage(), "2");
  const c = await browser.newContext({ extraHTTPHeaders: clientHeaders() });
  const visitor = await c.newPage();
  await visitor.goto(answerPage);
  await expect(visitor.getByText(/Du svarar utan att logga in\. Inga namn sparas\./)).toBeVisible();
  await expectAccessible(visitor);
  await rate(visitor, "5 – Mycket bra");
  const d = await browser.newContext({ javaScriptEnabled: false, extraHTTPHeaders: clientHeaders() });
  await rate(await d.newPage(), "3", "Lite kort");
  for (const ctx of [b, bNoJs, c, d]) await ctx.close();

  // The speaker sees nothing while answering is open.
  const sp = await browser.newContext({ extraHTTPHeaders: clientHeaders() });
  const speaker = await sp.newPage();
  const speakerEmail = await signInAs(speaker, "speaker", "dok-betyg-talare");
  withTestDb((db) => db.update(speakers).set({ userId: userIdOf(speakerEmail), invitedAt: new Date() }).where(eq(speakers.id, s.speakerId)).run());
  await speaker.goto(`/mina-larpass/${s.larpass.id}/dokumentation`);
  await expect(speaker.getByText(/Du ser betygen och kommentarerna när svaren har stängt/)).toBeVisible();
  await expect(speaker.getByText(/medelbetyg/)).toHaveCount(0);
  await expect(speaker.getByText("Bra exempel")).toHaveCount(0);

  // The organiser's chart: four answers, their average and distribution, the comments, without names.
  await page.goto(`${ws}/betyg`);
  await expect(page.getByText("4 svar, medelbetyg 3,5 av 5.")).toBeVisible();
  expect(await page.locator(".bars li").allTextContents()).toEqual(["1:0", "2:1", "3:1", "4:1", "5:1"]);
  await expect(page.getByText("Bra exempel")).toBeVisible();
  await expect(page.getByText("Lite kort")).toBeVisible();
  await expect(page.getByText(/dok-betyg-a/)).toHaveCount(0);
  await expectAccessible(page);

  // The organiser closes answering (in the past, from the event's start by default).
  await page.goto(ws);
  await page.getByLabel("Svar öppnar").fill("");
  await page.getByLabel("Svar stänger").fill(localField(new Date(Date.now() - 3600_000)));
  await page.getByRole("button", { name: "Spara inställningarna" }).click();
  await expect(page.getByText("Inställningarna är sparade.")).toBeVisible();
  await expect(page.getByText(/\(stängt\)/)).toBeVisible();
  await memberA.goto(answerPage);
  await expect(memberA.getByText(/^Tiden för svar gick ut/)).toBeVisible();
  await expect(memberA.getByRole("button", { name: "Skicka svar" })).toHaveCount(0);
  await expectAccessible(memberA);

  // Now the speaker sees the same chart and comments.
  await speaker.reload();
  await expect(speaker.getByText("4 svar, medelbetyg 3,5 av 5.")).toBeVisible();
  expect(await speaker.locator(".bars li").allTextContents()).toEqual(["1:0", "2:1", "3:1", "4:1", "5:1"]);
  await expect(speaker.getByText("Bra exempel")).toBeVisible();
  await expectAccessible(speaker);

  // A member sees their own answers on Mitt konto and deletes one on its question page; it leaves the chart.
  await memberA.goto("/konto");
  const mine = memberA.getByRole("listitem").filter({ hasText: "Vad tyckte du om lärpasset?" });
  await expect(mine).toContainText("betyg 4. Bra exempel");
  await expectAccessible(memberA);
  await mine.getByRole("link", { name: /^Ändra eller ta bort/ }).click();
  await memberA.getByRole("button", { name: /^Ta bort svaret/ }).click();
  await expect(memberA.getByText("Svaret är borttaget.")).toBeVisible();
  await speaker.reload();
  await expect(speaker.getByText("3 svar, medelbetyg 3,3 av 5.")).toBeVisible();
  await expect(speaker.getByText("Bra exempel")).toHaveCount(0);
  await a.close();
  await sp.close();
});
