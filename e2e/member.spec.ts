import fs from "node:fs";
import ICAL from "ical.js";
import { request as playwrightRequest, type Browser, type Locator, type Page } from "@playwright/test";
import { latestMailTo, uniqueEmail } from "./auth";
import {
  CAPACITY_EVENT,
  FIXTURE_LARPASS,
  clientHeaders,
  fixtureLarpassPath,
  registrationsOf,
  signIn,
  signInLink,
  userIdOf,
} from "./fixture-data";
import { expect, expectAccessible, test } from "./fixtures";
import { EVENT_NAME, seedTitles } from "./pages/programme-page";
import { readState } from "./server";

// Seed layout (scripts/seed.ts): titles in import order, five to a slot; rooms rotate 80/40/30/30/24 seats.
// Each test works on lärpass no other test in this run chooses, so seat counts stay its own.
const T = seedTitles();

// Every browser context is its own client for the sign-in rate limit (see clientHeaders()).
test.use({ extraHTTPHeaders: async ({}, use) => use(clientHeaders()) });

/** A lärpass card (on the programme) or the lärpass page's own sign-up box, found by its title. */
function card(page: Page, title: string): Locator {
  return page
    .getByRole("article")
    .filter({ has: page.getByRole("heading", { name: title, exact: true }) })
    .last();
}

function seats(page: Page, title: string): Locator {
  return card(page, title).locator("p.seats");
}

async function seatsLeft(page: Page, title: string): Promise<{ left: number; capacity: number }> {
  const text = await seats(page, title).innerText();
  const m = /^(\d+) platser? kvar av (\d+)$/.exec(text.trim());
  expect(m, `platsraden för ${title}: "${text}"`).not.toBeNull();
  return { left: Number(m![1]), capacity: Number(m![2]) };
}

function seatsText(left: number, capacity: number) {
  return `${left} ${left === 1 ? "plats" : "platser"} kvar av ${capacity}`;
}

/** The inline message the card shows after choosing or leaving (role=status; errors are role=alert). */
function notice(page: Page, title: string, text: string | RegExp): Locator {
  return card(page, title).getByRole("status").filter({ hasText: text });
}

async function newMember(browser: Browser, label: string) {
  const context = await browser.newContext({ extraHTTPHeaders: clientHeaders() });
  const page = await context.newPage();
  const email = uniqueEmail(label);
  await signIn(page, email);
  return { context, page, email };
}

test("en medlem väljer ett lärpass i varje pass, byter ett och ser allt i Mitt program", async ({ page }) => {
  const [first, switchTo, second, third] = [T[0], T[1], T[5], T[10]];
  await signIn(page, uniqueEmail("val"));
  await page.goto("/program");
  const before = { first: await seatsLeft(page, first), switchTo: await seatsLeft(page, switchTo) };
  await expectAccessible(page);

  // With JavaScript a click posts the action and updates the card from its answer: one POST, no page load,
  // no second request for the programme, and the focus stays on the card's (new) button.
  const requests: string[] = [];
  page.on("request", (r) => {
    if (new URL(r.url()).pathname === "/program") requests.push(`${r.method()} ${r.headers()["next-action"] ? "action" : r.resourceType()}`);
  });
  await page.getByRole("button", { name: `Välj ${first}`, exact: true }).click();
  await expect(notice(page, first, "Klart! Du har en plats på det här lärpasset.")).toBeVisible();
  await expect(seats(page, first)).toHaveText(seatsText(before.first.left - 1, before.first.capacity));
  await expect(card(page, first).getByRole("button", { name: `Lämna platsen ${first}`, exact: true })).toBeFocused();
  await expect(page).toHaveURL("/program");
  expect(requests).toEqual(["POST action"]);

  for (const title of [second, third]) {
    await page.getByRole("button", { name: `Välj ${title}`, exact: true }).click();
    await expect(notice(page, title, "Klart! Du har en plats på det här lärpasset.")).toBeVisible();
  }

  // Another lärpass at the same time now offers a switch and names the seat it would leave.
  await expect(card(page, switchTo)).toContainText(`Du har en plats på ”${first}” vid samma tid. Väljer du det här lämnar du den.`);
  await page.getByRole("button", { name: `Byt till det här ${switchTo}`, exact: true }).click();
  await expect(notice(page, switchTo, /^Klart! Du har bytt till det här lärpasset\./)).toBeVisible();
  // The old seat is given back, the new one taken, and the old card no longer says "Klart! Du har en plats".
  await expect(seats(page, first)).toHaveText(seatsText(before.first.left, before.first.capacity));
  await expect(card(page, first).getByRole("status")).toHaveText("");
  await expect(seats(page, switchTo)).toHaveText(seatsText(before.switchTo.left - 1, before.switchTo.capacity));
  await expect(card(page, first).getByRole("button", { name: `Byt till det här ${first}`, exact: true })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Mitt program" }).click();
  await expect(page).toHaveURL("/mitt-program");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mitt program");
  await expect(page.getByText(`${EVENT_NAME}: du har valt 3 av 3 pass.`)).toBeVisible();
  const rows = page.getByRole("table").getByRole("row").filter({ has: page.getByRole("rowheader") });
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText("09:00–09:45");
  await expect(rows.nth(0).getByRole("cell").first().getByRole("link").first()).toHaveText(switchTo);
  await expect(rows.nth(1).getByRole("cell").first().getByRole("link").first()).toHaveText(second);
  await expect(rows.nth(2).getByRole("cell").first().getByRole("link").first()).toHaveText(third);
  await expect(page.getByRole("main")).not.toContainText(first);
  await expect(page.getByRole("link", { name: /^Välj bland/ })).toHaveCount(0);
  await expectAccessible(page);
});

test("kö till ett fullt lärpass: platsen i samma pass behålls och kön flyttar upp automatiskt med mejl", async ({ page, browser }) => {
  const { small, large } = FIXTURE_LARPASS;
  const eventPath = `/evenemang/${CAPACITY_EVENT.slug}`;
  const a = uniqueEmail("forst");
  await signIn(page, a);
  await page.goto(eventPath);
  await expect(seats(page, small.title)).toHaveText("1 plats kvar av 1");
  await page.getByRole("button", { name: `Välj ${small.title}`, exact: true }).click();
  await expect(notice(page, small.title, "Klart! Du har en plats på det här lärpasset.")).toBeVisible();
  // Not a red "Fullt" to the member who holds the seat.
  await expect(seats(page, small.title)).toHaveText("Den enda platsen är din");
  await expect(seats(page, small.title)).not.toHaveClass(/full/);
  await expectAccessible(page);

  // B (another browser) has a seat in the same slot, then queues for the full lärpass and keeps that seat.
  const b = await newMember(browser, "andra");
  await b.page.goto(eventPath);
  await b.page.getByRole("button", { name: `Välj ${large.title}`, exact: true }).click();
  await expect(notice(b.page, large.title, "Klart! Du har en plats på det här lärpasset.")).toBeVisible();
  await expect(seats(b.page, small.title)).toHaveText(/^Fullt/);
  await expect(b.page.getByRole("button", { name: `Välj ${small.title}`, exact: true })).toHaveCount(0);
  await expect(card(b.page, small.title)).toContainText(`Du behåller din plats på ”${large.title}” tills en plats blir ledig här.`);
  await b.page.getByRole("button", { name: `Ställ mig i kö ${small.title}`, exact: true }).click();
  await expect(notice(b.page, small.title, /^Du står i kö, plats 1\./)).toBeVisible();
  await expect(seats(b.page, small.title)).toHaveText(/^Fullt \(1 platse?r?\) · 1 i kö$/);
  await expect(b.page.getByRole("button", { name: `Lämna kön ${small.title}`, exact: true })).toBeVisible();
  await expect(b.page.getByRole("button", { name: `Lämna platsen ${large.title}`, exact: true })).toBeVisible();
  await expectAccessible(b.page);

  await b.page.goto(`/mitt-program?evenemang=${CAPACITY_EVENT.slug}`);
  const slotA = b.page.getByRole("row").filter({ has: b.page.getByRole("rowheader", { name: /10:00–10:45/ }) });
  await expect(slotA.getByRole("cell").first()).toContainText(large.title);
  await expect(slotA.getByRole("cell").first()).toContainText(`I kö till ${small.title}: plats 1`);
  await expectAccessible(b.page);

  // A leaves: the seat goes to B at once, B's other seat in the slot is released, and B gets a mail.
  await page.getByRole("button", { name: `Lämna platsen ${small.title}`, exact: true }).click();
  await expect(notice(page, small.title, "Du har lämnat din plats.")).toBeVisible();
  await expect(seats(page, small.title)).toHaveText(/^Fullt \(1 platse?r?\)$/);
  await expect(seats(page, large.title)).toHaveText("50 platser kvar av 50");
  await expectAccessible(page);

  const mail = await latestMailTo(b.email, `Du har fått en plats: ${small.title}`);
  expect(mail.text).toContain(`Din plats på "${large.title}" vid samma tid är lämnad`);

  await b.page.reload();
  await expect(slotA.getByRole("cell").first().getByRole("link").first()).toHaveText(small.title);
  await expect(slotA).not.toContainText("I kö till");
  await expect(slotA).not.toContainText(large.title);
  await expectAccessible(b.page);
  await b.context.close();
});

test("kalenderfil och hemlig kalenderadress som kan bytas och stängas av", async ({ page }) => {
  const [morning, late] = [T[2], T[12]];
  await signIn(page, uniqueEmail("kalender"));
  await page.goto("/program");
  await expectAccessible(page);
  for (const title of [morning, late]) {
    await page.getByRole("button", { name: `Välj ${title}`, exact: true }).click();
    await expect(notice(page, title, "Klart! Du har en plats på det här lärpasset.")).toBeVisible();
  }

  await page.goto("/mitt-program");
  await expectAccessible(page);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Ladda ner kalenderfil (.ics)" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.ics$/);
  const ics = fs.readFileSync((await download.path())!, "utf8");
  // The zone is defined in the file itself (RFC 5545: every TZID used needs its VTIMEZONE).
  expect(ics).toMatch(/^BEGIN:VTIMEZONE\r?\nTZID:Europe\/Stockholm\r?$/m);
  const events = parseCalendar(ics);
  expect(events).toEqual([
    { summary: expect.stringContaining(morning), tzid: "Europe/Stockholm", local: "2018-03-15 09:00", utc: "2018-03-15T08:00:00.000Z" },
    { summary: expect.stringContaining(late), tzid: "Europe/Stockholm", local: "2018-03-15 11:15", utc: "2018-03-15T10:15:00.000Z" },
  ]);

  // The subscription address: a secret URL that works without cookies.
  const anonymous = await playwrightRequest.newContext();
  const feedField = page.getByLabel("Din personliga kalenderadress (hemlig)");
  await expect(feedField).toHaveCount(0);
  await page.getByRole("button", { name: "Skapa kalenderadress" }).click();
  await expect(page.getByRole("status").filter({ hasText: "En ny kalenderadress är skapad." })).toBeVisible();
  await expect(feedField).toHaveAttribute("readonly", "");
  const firstUrl = await feedField.inputValue();
  expect(firstUrl).toMatch(/^http:\/\/[^/]+\/kalender\/[a-f0-9]{64}\.ics$/);
  const feed = await anonymous.get(firstUrl);
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toMatch(/^text\/calendar/);
  expect(parseCalendar(await feed.text()).map((e) => e.summary)).toEqual(events.map((e) => e.summary));
  await expectAccessible(page);

  await page.getByRole("button", { name: "Byt till en ny adress" }).click();
  await expect(feedField).not.toHaveValue(firstUrl);
  const secondUrl = await feedField.inputValue();
  expect(secondUrl).toMatch(/\/kalender\/[a-f0-9]{64}\.ics$/);
  expect((await anonymous.get(firstUrl)).status()).toBe(404);
  expect((await anonymous.get(secondUrl)).status()).toBe(200);

  await page.getByRole("button", { name: "Stäng av adressen" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Kalenderadressen är avstängd." })).toBeVisible();
  await expect(feedField).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Skapa kalenderadress" })).toBeVisible();
  expect((await anonymous.get(secondUrl)).status()).toBe(404);
  await expectAccessible(page);
  await anonymous.dispose();
});

/** VEVENTs of an iCalendar text: summary, the TZID of DTSTART, local start time and the instant it means. */
function parseCalendar(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const vtimezone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(vtimezone);
  return calendar
    .getAllSubcomponents("vevent")
    .map((vevent) => {
      const start = vevent.getFirstProperty("dtstart")!;
      const time = start.getFirstValue() as InstanceType<typeof ICAL.Time>;
      const pad = (n: number) => String(n).padStart(2, "0");
      return {
        summary: String(vevent.getFirstPropertyValue("summary")),
        tzid: start.getParameter("tzid"),
        local: `${time.year}-${pad(time.month)}-${pad(time.day)} ${pad(time.hour)}:${pad(time.minute)}`,
        utc: time.toJSDate().toISOString(),
      };
    })
    .sort((x, y) => x.utc.localeCompare(y.utc));
}

test("Mitt konto: uppgifterna, nedladdning, borttagning med bekräftelse och ett nytt tomt konto efteråt", async ({ page }) => {
  const lp = FIXTURE_LARPASS.gdpr;
  const email = uniqueEmail("gdpr");
  await signIn(page, email);
  const oldId = userIdOf(email);
  expect(oldId).not.toBeNull();
  await page.goto(fixtureLarpassPath(lp));
  await expect(seats(page, lp.title)).toHaveText("10 platser kvar av 10");
  await page.getByRole("button", { name: `Välj ${lp.title}`, exact: true }).click();
  await expect(seats(page, lp.title)).toHaveText("9 platser kvar av 10");
  await expectAccessible(page);

  await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Mitt konto" }).click();
  await expect(page).toHaveURL("/konto");
  const stored = page.getByRole("region", { name: "Det här sparar vi om dig" });
  await expect(stored.locator('dt:text-is("E-post") + dd')).toHaveText(email);
  await expect(stored.getByRole("listitem")).toHaveText([new RegExp(`^${lp.title} \\(${CAPACITY_EVENT.name}\\): Plats, anmäld `)]);
  await expectAccessible(page);

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Ladda ner mina uppgifter (JSON)" }).click(),
  ]);
  const data = JSON.parse(fs.readFileSync((await download.path())!, "utf8"));
  expect(data.konto.epost).toBe(email);
  expect(data.anmalningar).toEqual([expect.objectContaining({ larpass: lp.title, event: CAPACITY_EVENT.name, status: "confirmed" })]);

  // Without the checkbox: a Swedish field error, and nothing is deleted.
  const remove = page.getByRole("button", { name: "Ta bort mitt konto" });
  const confirm = page.getByRole("checkbox", { name: /^Jag förstår att mitt konto/ });
  await remove.click();
  await expect(page.locator("#confirm-error")).toHaveText("Kryssa i rutan för att bekräfta att du vill ta bort ditt konto.");
  await expect(confirm).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL("/konto");
  await expect(stored.locator('dt:text-is("E-post") + dd')).toHaveText(email);
  expect(userIdOf(email)).toBe(oldId);
  await expectAccessible(page);

  await confirm.check();
  await remove.click();
  await expect(page).toHaveURL("/kontot-borttaget?platser=1&koplatser=0");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ditt konto är borttaget");
  await expect(page.getByRole("listitem").filter({ hasText: "1 plats på lärpass" })).toContainText("gått vidare till nästa person i kön");
  await expect(page.getByText("Du stod inte i någon kö.")).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Huvudmeny" });
  await expect(nav.getByRole("link", { name: "Logga in" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Mitt program" })).toHaveCount(0);
  expect(userIdOf(email)).toBeNull();
  await expectAccessible(page);

  // The seat is free again.
  await page.goto(fixtureLarpassPath(lp));
  await expect(seats(page, lp.title)).toHaveText("10 platser kvar av 10");
  await expectAccessible(page);

  // Signing in again makes a new, empty account.
  await signIn(page, email);
  expect(userIdOf(email)).not.toBe(oldId);
  await page.goto("/konto");
  await expect(stored.locator('dt:text-is("E-post") + dd')).toHaveText(email);
  await expect(stored.locator('h3:text-is("Dina anmälningar") + p')).toHaveText("Inga.");
  expect(registrationsOf(email)).toEqual([]);
  await expectAccessible(page);
});

/** Presses Tab until `target` has focus (at most `max` times), checking each focused element shows a focus ring. */
async function tabTo(page: Page, target: Locator, max = 120) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const { outline, isTarget } = await target.evaluate((el) => {
      const active = document.activeElement as HTMLElement;
      const style = getComputedStyle(active);
      return { outline: `${style.outlineStyle} ${style.outlineWidth}`, isTarget: el === active };
    });
    expect(outline, "det fokuserade elementet har en synlig fokusram").not.toMatch(/^none|^\S+ 0px/);
    if (isTarget) return;
  }
  throw new Error(`nådde inte ${target} med Tab`);
}

test("anmälan med bara tangentbordet, med synligt fokus", async ({ page, baseURL }) => {
  const title = T[3];
  const email = uniqueEmail("tangent");
  await page.goto("/program");
  await expectAccessible(page);
  await tabTo(page, page.getByRole("link", { name: "Logga in för att välja lärpass.", exact: true }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL("/logga-in?next=%2Fprogram");
  await expectAccessible(page);
  await tabTo(page, page.getByLabel("E-postadress"));
  await page.keyboard.type(email);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Kolla din e-post" })).toBeVisible();
  await expectAccessible(page);

  await page.goto(await signInLink(email, baseURL!));
  await expect(page).toHaveURL("/program");
  const choose = page.getByRole("button", { name: `Välj ${title}`, exact: true });
  await tabTo(page, choose);
  await page.keyboard.press("Enter");
  await expect(notice(page, title, "Klart! Du har en plats på det här lärpasset.")).toBeVisible();
  await expect(card(page, title).getByRole("button", { name: `Lämna platsen ${title}`, exact: true })).toBeVisible();
  await expectAccessible(page);
  expect(registrationsOf(email)).toEqual([expect.objectContaining({ status: "confirmed" })]);
});

test("utan JavaScript: välja och lämna är vanliga formulär", async ({ page, browser }) => {
  const lp = FIXTURE_LARPASS.noJs;
  const email = uniqueEmail("utanjs");
  await signIn(page, email);
  const context = await browser.newContext({
    javaScriptEnabled: false,
    storageState: await page.context().storageState(),
    extraHTTPHeaders: clientHeaders(),
  });
  const noJs = await context.newPage();
  // axe needs scripts: each page the script-less browser shows is checked in the ordinary one, same session.
  const checkAccessible = async () => {
    await page.goto(noJs.url());
    await expectAccessible(page);
  };
  await noJs.goto(fixtureLarpassPath(lp));
  await expect(seats(noJs, lp.title)).toHaveText("10 platser kvar av 10");
  await checkAccessible();

  await noJs.getByRole("button", { name: `Välj ${lp.title}`, exact: true }).click();
  await expect(noJs).toHaveURL(/[?&]anmalan=vald(&|$)/);
  await expect(notice(noJs, lp.title, "Klart! Du har en plats på det här lärpasset.")).toBeVisible();
  await expect(seats(noJs, lp.title)).toHaveText("9 platser kvar av 10");
  expect(registrationsOf(email)).toEqual([expect.objectContaining({ status: "confirmed" })]);
  await checkAccessible();

  await noJs.getByRole("button", { name: `Lämna platsen ${lp.title}`, exact: true }).click();
  await expect(noJs).toHaveURL(/[?&]anmalan=lamnad(&|$)/);
  await expect(notice(noJs, lp.title, "Du har lämnat din plats.")).toBeVisible();
  await expect(seats(noJs, lp.title)).toHaveText("10 platser kvar av 10");
  expect(registrationsOf(email)).toEqual([]);
  await checkAccessible();
  await context.close();
});

test("inloggning: felaktig adress och för många länkar ger svenska felmeddelanden", async ({ page }) => {
  await page.goto("/logga-in");
  const field = page.getByLabel("E-postadress");
  const send = page.getByRole("button", { name: "Skicka inloggningslänk" });
  await field.fill("inte-en-adress");
  await send.click();
  await expect(page.locator("#email-error")).toHaveText("Skriv en giltig e-postadress, till exempel namn@region.se.");
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(field).toHaveAttribute("aria-describedby", "email-error");
  await expect(field).toHaveValue("inte-en-adress");
  await expect(page).toHaveURL("/logga-in");
  await expectAccessible(page);

  const email = uniqueEmail("grans");
  for (let i = 1; i <= 3; i++) {
    await page.goto("/logga-in");
    await field.fill(email);
    await send.click();
    await expect(page.getByRole("heading", { name: "Kolla din e-post" })).toBeVisible();
  }
  // Next sets the title a moment after a client navigation has drawn the page.
  await expect(page).toHaveTitle(/^Kolla din e-post/);
  await expectAccessible(page);
  await page.goto("/logga-in");
  await field.fill(email);
  await send.click();
  await expect(page.getByRole("alert").filter({ hasText: "Du har bett om för många inloggningslänkar på kort tid." })).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "för många" })).toContainText(/Vänta (en minut|\d+ minuter) och försök igen/);
  await expect(field).toHaveValue(email);
  await expect(page).toHaveURL("/logga-in");
  await expectAccessible(page);
  // Three mails, not four.
  const { outboxPath } = readState();
  const sent = fs.readFileSync(outboxPath, "utf8").trim().split("\n").map((l) => JSON.parse(l) as { to: string });
  expect(sent.filter((m) => m.to === email)).toHaveLength(3);
});
