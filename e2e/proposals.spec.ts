// Föreslå ett lärpass (issue 14): a member proposes with a co-speaker (without JavaScript: a validation error
// keeps what was typed, a draft, an edit with the preview, then submission); two organisers review it (the
// second sees the first's scores only after scoring); it is accepted, and the lärpass appears in the
// organisers' list and the schedule's Utan tid, invitations for proposer and co-speaker are in the outbox,
// and the proposer, now a speaker, edits the abstract on Mina lärpass. A second proposal, written while the
// session expired, comes back intact after signing in, is submitted with JavaScript, and is rejected from the
// list with a message whose mail is in the outbox. axe on every page visited.
import type { Browser, Page } from "@playwright/test";
import { eq } from "drizzle-orm";
import { larpass, proposalCalls, proposals, users } from "../db/schema";
import { latestMailTo, uniqueEmail } from "./auth";
import { clientHeaders, insertTestEvent, noScriptContext, signIn, signInAs, signInLink, withTestDb } from "./fixture-data";
import { expect, expectAccessible, test } from "./fixtures";
import { MyLarpassPage } from "./pages/speaker-pages";

test.use({ extraHTTPHeaders: async ({}, use) => use(clientHeaders()) });

function seed() {
  return withTestDb((db) =>
    db.transaction((tx) => {
      const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;
      const { event } = insertTestEvent(tx, {
        slug: `e2e-forslag-${stamp}`,
        name: `Förslagsdagen ${stamp}`,
        date: "2016-09-10",
        slot: ["10:00", "10:45"],
        room: { name: "Förslagssalen", capacity: 30 },
      });
      tx.insert(proposalCalls)
        .values({
          eventId: event.id,
          opensAt: new Date(Date.now() - 3600_000),
          closesAt: new Date(Date.now() + 7 * 24 * 3600_000),
          intro: "Berätta vad din region **lär sig** just nu.",
          tracks: ["Analys", "Innovation"],
          criteria: ["Relevans", "Genomförande"],
        })
        .run();
      return { event, stamp };
    }),
  );
}

async function context(browser: Browser, javaScriptEnabled = true) {
  const ctx = await browser.newContext({ extraHTTPHeaders: clientHeaders(), javaScriptEnabled });
  return { ctx, page: await ctx.newPage() };
}

/**
 * axe runs in the page, so a page shown without JavaScript (often the answer to a POST, which a GET cannot
 * fetch again) is checked as it is: its HTML, scripts removed, in a page of the same site with JavaScript.
 */
async function expectAccessibleNoJs(page: Page, checker: Page) {
  const html = (await page.content()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, "");
  await checker.goto("/organisationer");
  await checker.setContent(html, { waitUntil: "load" });
  await expectAccessible(checker);
}

const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });
const coSpeaker = (page: Page, n: number) => page.getByRole("group", { name: `Medtalare ${n} (frivilligt)` });
const proposalOf = (title: string) => withTestDb((db) => db.select().from(proposals).where(eq(proposals.title, title)).get());

async function review(page: Page, scores: [number, number], comment: string) {
  await page.getByRole("group", { name: "Relevans" }).getByLabel(String(scores[0]), { exact: true }).check();
  await page.getByRole("group", { name: "Genomförande" }).getByLabel(String(scores[1]), { exact: true }).check();
  await page.getByLabel("Kommentar", { exact: true }).fill(comment);
  await page.getByRole("button", { name: "Spara bedömningen" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Din bedömning är sparad." })).toBeVisible();
}

test("förslag: utan JavaScript föreslå, ändra och skicka in; två arrangörer bedömer; antaget blir ett lärpass med inbjudningar; ett annat förslag överlever en utgången session och får nej med meddelande", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(150_000);
  const w = seed();
  const title = `Data i regionerna ${w.stamp}`;
  const coEmail = uniqueEmail("medtalare");

  // The proposer, signed in, proposes without JavaScript.
  const proposerEmail = await signInAs(page, "member", "forslagsstallare");
  withTestDb((db) => db.update(users).set({ name: "Petra Förslag" }).where(eq(users.email, proposerEmail)).run());
  const noJs = await noScriptContext(browser, page);
  const nj = await noJs.newPage();
  await nj.goto(`/evenemang/${w.event.slug}/foresla`);
  await expect(nj.getByRole("heading", { level: 1 })).toHaveText("Föreslå ett lärpass");
  await expect(nj.getByRole("region", { name: "Om inlämningen" }).locator("strong")).toHaveText("lär sig");
  await expectAccessibleNoJs(nj, page);
  await nj.getByRole("textbox", { name: "Titel", exact: true }).fill(title);
  await field(nj, "Spår").selectOption("Analys");
  await field(nj, "Sammanfattning").fill("För kort.");
  await field(nj, "Din organisation").fill("Region Förslagslän");
  await coSpeaker(nj, 1).getByLabel("Namn").fill("Märta Medtalare");
  await coSpeaker(nj, 1).getByLabel("Organisation").fill("Förslagsuniversitetet");
  await coSpeaker(nj, 1).getByLabel("E-postadress").fill(coEmail);
  await nj.getByRole("button", { name: "Skicka in förslaget" }).click();
  // Refused next to the field; everything typed is still there.
  await expect(nj.getByRole("alert").filter({ hasText: "Förslaget är inte sparat." })).toBeVisible();
  await expect(nj.getByText("Skriv en sammanfattning (minst 20 tecken) innan du skickar in.")).toBeVisible();
  await expect(nj.getByRole("textbox", { name: "Titel", exact: true })).toHaveValue(title);
  await expect(coSpeaker(nj, 1).getByLabel("E-postadress")).toHaveValue(coEmail);
  await expect(field(nj, "Spår")).toHaveValue("Analys");
  await expectAccessibleNoJs(nj, page);
  expect(proposalOf(title)).toBeUndefined();
  // A draft first.
  await nj.getByRole("button", { name: "Spara utkast" }).click();
  await expect(nj.getByRole("status").filter({ hasText: "Utkastet är sparat." })).toBeVisible();
  await expect(nj.getByText("Utkast", { exact: true })).toBeVisible();
  await expectAccessibleNoJs(nj, page);
  expect(proposalOf(title)?.state).toBe("draft");
  // Edited, with the preview (a round trip without JavaScript), then submitted.
  await field(nj, "Sammanfattning").fill("Hur regionerna delar **data** med varandra, med exempel.");
  await nj.getByRole("button", { name: "Förhandsgranska" }).click();
  await expect(nj.getByRole("region", { name: "Förhandsvisning av sammanfattningen" }).locator("strong")).toHaveText("data");
  await expectAccessibleNoJs(nj, page);
  await nj.getByRole("button", { name: "Skicka in förslaget" }).click();
  await expect(nj.getByRole("status").filter({ hasText: "Förslaget är inskickat" })).toBeVisible();
  await expect(nj.getByText("Inskickat", { exact: true })).toBeVisible();
  await expectAccessibleNoJs(nj, page);
  const proposal = proposalOf(title)!;
  expect(proposal).toMatchObject({ state: "submitted", abstract: "Hur regionerna delar **data** med varandra, med exempel.", proposerName: "Petra Förslag" });
  expect(proposal.coSpeakers).toEqual([{ name: "Märta Medtalare", organisation: "Förslagsuniversitetet", email: coEmail }]);
  expect((await latestMailTo(proposerEmail, "Ditt förslag är inskickat")).text).toContain(`/mina-forslag/${proposal.id}`);
  await nj.goto("/mina-forslag");
  await expect(nj.getByRole("listitem").filter({ hasText: title })).toContainText("Inskickat");
  await expectAccessibleNoJs(nj, page);
  await noJs.close();

  // Organiser A reviews from the event's list.
  const a = await context(browser);
  await signInAs(a.page, "organiser", "arrangor-forslag-a");
  await a.page.goto(`/arrangor/evenemang/${w.event.id}/forslag`);
  const row = a.page.getByRole("row").filter({ hasText: title });
  await expect(row).toContainText("Inskickat");
  await expect(row).toContainText("dold");
  await expectAccessible(a.page);
  await row.getByRole("link", { name: title }).click();
  await expect(a.page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(a.page.getByText("Ingen annan har bedömt förslaget än.")).toBeVisible();
  await expectAccessible(a.page);
  await review(a.page, [5, 4], "Mycket relevant för medlemmarna.");
  await expectAccessible(a.page);

  // Organiser B sees only that someone has scored, scores, and then sees A's review and the table.
  const b = await context(browser);
  await signInAs(b.page, "organiser", "arrangor-forslag-b");
  await b.page.goto(`/bedomning/${proposal.id}`);
  await expect(b.page.getByText("1 annan har bedömt förslaget. Du ser betygen när du själv har bedömt det.")).toBeVisible();
  await expect(b.page.getByText("Mycket relevant för medlemmarna.")).toHaveCount(0);
  await expectAccessible(b.page);
  await review(b.page, [3, 2], "Behöver ett konkret exempel.");
  await expect(b.page.getByText("Mycket relevant för medlemmarna.")).toBeVisible();
  await expect(b.page.getByText("Medel 3,5, spridning 2,0, 2 bedömningar.")).toBeVisible();
  await expectAccessible(b.page);

  // B accepts it.
  const decision = b.page.getByRole("region", { name: "Beslut" });
  await decision.getByLabel("Anta", { exact: true }).check();
  await decision.getByLabel("Meddelande i mejlet (frivilligt)").fill("Välkommen till programmet!");
  await decision.getByRole("button", { name: "Spara beslutet och skicka mejl" }).click();
  await expect(b.page.getByRole("status").filter({ hasText: 'Beslutet "Anta" är sparat' })).toBeVisible();
  await expect(b.page.getByText("Förslaget är antaget.")).toBeVisible();
  await expect(b.page.getByRole("region", { name: "Historik" })).toContainText("Beslut: antaget");
  await expectAccessible(b.page);
  const made = withTestDb((db) => db.select().from(larpass).where(eq(larpass.proposalId, proposal.id)).all());
  expect(made).toHaveLength(1);
  expect(made[0]).toMatchObject({ title, status: "draft", timeSlotId: null, track: "Analys" });

  // In the organisers' list and in the schedule's Utan tid.
  await b.page.goto(`/arrangor/evenemang/${w.event.id}/larpass`);
  await expect(b.page.getByRole("link", { name: title })).toBeVisible();
  await expectAccessible(b.page);
  await b.page.goto(`/arrangor/evenemang/${w.event.id}/schema`);
  await expect(b.page.getByRole("region", { name: "Utan tid" })).toContainText(title);
  await expectAccessible(b.page);

  // Invitations for the proposer and the co-speaker, and the decision mail with its message.
  await latestMailTo(coEmail, "Du är inbjuden som talare");
  const invitation = await latestMailTo(proposerEmail, "Du är inbjuden som talare");
  expect((await latestMailTo(proposerEmail, "Ditt förslag är antaget")).text).toContain("Välkommen till programmet!");

  // The proposer is a speaker now and edits the abstract on Mina lärpass (through the invitation's link).
  const sp = await context(browser);
  await sp.page.goto(signInLinkFrom(invitation.text, baseURL!));
  await expect(sp.page).toHaveURL("/mina-larpass");
  await expect(new MyLarpassPage(sp.page).card(title)).toContainText("Utkast");
  await expectAccessible(sp.page);
  const edit = await new MyLarpassPage(sp.page).editAbstract(title);
  await expect(edit.abstract).toHaveValue("Hur regionerna delar **data** med varandra, med exempel.");
  await edit.saveAbstract("Den nya sammanfattningen om data i regionerna.");
  await expectAccessible(sp.page);
  expect(withTestDb((db) => db.select().from(larpass).where(eq(larpass.id, made[0].id)).get())?.abstract).toBe("Den nya sammanfattningen om data i regionerna.");
  // The proposer's own page says it is accepted and never shows the reviews.
  await sp.page.goto(`/mina-forslag/${proposal.id}`);
  await expect(sp.page.getByText("Antaget", { exact: true })).toBeVisible();
  await expect(sp.page.getByText("Mycket relevant för medlemmarna.")).toHaveCount(0);
  await expect(sp.page.getByText("Behöver ett konkret exempel.")).toHaveCount(0);
  await expectAccessible(sp.page);

  // A second member, with JavaScript: the session expires while typing; after signing in the form is intact.
  const m = await context(browser);
  const secondEmail = uniqueEmail("andra-forslag");
  await signIn(m.page, secondEmail);
  const second = `Kompetens i fokus ${w.stamp}`;
  // Found from Alla evenemang, where an event with an open call says so.
  await m.page.goto("/evenemang");
  await m.page.getByRole("listitem").filter({ hasText: w.event.name }).getByRole("link", { name: "Föreslå ett lärpass" }).click();
  await expect(m.page).toHaveURL(`/evenemang/${w.event.slug}/foresla`);
  await m.page.getByRole("textbox", { name: "Titel", exact: true }).fill(second);
  await field(m.page, "Sammanfattning").fill("Hur regionerna arbetar med *kompetensförsörjning* tillsammans.");
  await expect(m.page.getByRole("region", { name: "Förhandsvisning av sammanfattningen" }).locator("em")).toHaveText("kompetensförsörjning");
  await expectAccessible(m.page);
  // On a phone the form fits the width of the screen.
  await m.page.setViewportSize({ width: 390, height: 844 });
  const wide = await m.page.evaluate(() => [...document.querySelectorAll("main *")].filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5).map((el) => el.tagName));
  expect(wide).toEqual([]);
  expect(await m.page.evaluate(() => document.scrollingElement!.scrollWidth <= window.innerWidth)).toBe(true);
  await expectAccessible(m.page);
  await m.ctx.clearCookies();
  await m.page.getByRole("button", { name: "Skicka in förslaget" }).click();
  await expect(m.page).toHaveURL(/\/logga-in\?next=/);
  await expectAccessible(m.page);
  await m.page.getByLabel("E-postadress").fill(secondEmail);
  await m.page.getByRole("button", { name: "Skicka inloggningslänk" }).click();
  await expect(m.page.getByRole("heading", { name: "Kolla din e-post" })).toBeVisible();
  await m.page.goto(await signInLink(secondEmail, new URL(m.page.url()).origin));
  await expect(m.page).toHaveURL(new RegExp(`/evenemang/${w.event.slug}/foresla\\?utkast=`));
  await expect(m.page.getByRole("status").filter({ hasText: "Det du skrev innan du loggade in finns kvar" })).toBeVisible();
  await expect(m.page.getByRole("textbox", { name: "Titel", exact: true })).toHaveValue(second);
  await expect(field(m.page, "Sammanfattning")).toHaveValue("Hur regionerna arbetar med *kompetensförsörjning* tillsammans.");
  await expectAccessible(m.page);
  expect(proposalOf(second)).toBeUndefined();
  await m.page.getByRole("button", { name: "Skicka in förslaget" }).click();
  await expect(m.page.getByRole("status").filter({ hasText: "Förslaget är inskickat" })).toBeVisible();
  const secondProposal = proposalOf(second)!;
  expect(secondProposal.state).toBe("submitted");

  // Organiser A rejects it from the list, with a message, without JavaScript this time.
  const aNoJs = await noScriptContext(browser, a.page);
  const an = await aNoJs.newPage();
  await an.goto(`/arrangor/evenemang/${w.event.id}/forslag?lage=submitted`);
  await expect(an.getByRole("row")).toHaveCount(2);
  await an.getByRole("checkbox", { name: `Välj ${second}` }).check();
  await an.getByLabel("Anta inte", { exact: true }).check();
  await an.getByLabel("Meddelande i mejlet (frivilligt)").fill("Vi hoppas få se det nästa år.");
  await an.getByRole("button", { name: "Spara beslutet och skicka mejl" }).click();
  await expect(an.getByRole("status").filter({ hasText: 'Beslutet "Anta inte" gäller 1 förslag' })).toBeVisible();
  await expect(an.getByRole("row").filter({ hasText: title })).toContainText("Antaget");
  await expectAccessibleNoJs(an, a.page);
  await aNoJs.close();
  const rejection = await latestMailTo(secondEmail, "Beslut om ditt förslag");
  expect(rejection.text).toContain("Vi hoppas få se det nästa år.");
  expect(proposalOf(second)?.state).toBe("rejected");
  expect(withTestDb((db) => db.select().from(larpass).where(eq(larpass.proposalId, secondProposal.id)).all())).toEqual([]);

  for (const c of [a, b, sp, m]) await c.ctx.close();
});

/** The sign-in link in an invitation, pointed at the site the browser uses. */
function signInLinkFrom(text: string, baseURL: string): string {
  const raw = text.match(/https?:\/\/\S+\/api\/auth\/callback\/nodemailer\S+/)![0];
  const link = new URL(raw);
  const site = new URL(baseURL);
  const callback = link.searchParams.get("callbackUrl");
  if (callback) {
    const c = new URL(callback);
    link.searchParams.set("callbackUrl", `${site.origin}${c.pathname}${c.search}`);
  }
  return `${site.origin}${link.pathname}${link.search}`;
}

test("utan JavaScript: återkalla ett inskickat förslag, bara med rutan ikryssad, och sedan går det inte att ändra", async ({ page, browser }) => {
  const w = seed();
  const email = await signInAs(page, "member", "aterkallare");
  const title = `Återkallat pass ${w.stamp}`;
  const id = withTestDb((db) => {
    const user = db.select().from(users).where(eq(users.email, email)).get()!;
    return db
      .insert(proposals)
      .values({ eventId: w.event.id, userId: user.id, proposerName: "Åsa Återkallare", title, abstract: "En sammanfattning som räcker gott.", format: "Lärpass", state: "submitted", submittedAt: new Date() })
      .returning()
      .get().id;
  });
  const ctx = await noScriptContext(browser, page);
  const nj = await ctx.newPage();
  await nj.goto(`/mina-forslag/${id}`);
  await expect(nj.getByText("Inskickat", { exact: true })).toBeVisible();
  await expect(nj.getByRole("button", { name: "Spara ändringarna" })).toBeVisible();
  await expectAccessibleNoJs(nj, page);
  const withdraw = nj.getByRole("form", { name: "Återkalla förslaget" });
  await withdraw.getByRole("button", { name: "Återkalla förslaget" }).click();
  await expect(nj.getByRole("alert").filter({ hasText: "Kryssa i rutan för att återkalla förslaget." })).toBeVisible();
  expect(proposalOf(title)?.state).toBe("submitted");
  await expectAccessibleNoJs(nj, page);
  await withdraw.getByLabel("Jag vill återkalla förslaget. Det går inte att ångra.").check();
  await withdraw.getByRole("button", { name: "Återkalla förslaget" }).click();
  await expect(nj.getByRole("status").filter({ hasText: "Förslaget är återkallat." })).toBeVisible();
  await expect(nj.getByText("Återkallat", { exact: true })).toBeVisible();
  await expect(nj.getByRole("button", { name: "Spara ändringarna" })).toHaveCount(0);
  await expectAccessibleNoJs(nj, page);
  expect(proposalOf(title)?.state).toBe("withdrawn");
  await ctx.close();
});
