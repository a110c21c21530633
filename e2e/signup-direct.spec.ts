// A card's Välj / Lämna with JavaScript is answered by the HTTP server itself (lib/net/signup-direct.ts, #11)
// when the member's session is one Auth.js would read as is, and by Next otherwise. Seen from a real browser:
// the direct answer and Next's are the same to the page, and what the direct answer must not take (a session
// due for its extension, Mitt program's reloading cards) still reaches Next.
import type { Browser, Locator, Page, Route } from "@playwright/test";
import { eq } from "drizzle-orm";
import { authSessions } from "../db/schema";
import { uniqueEmail } from "./auth";
import { CAPACITY_EVENT, FIXTURE_LARPASS, clientHeaders, registrationCount, registrationsOf, signIn, userIdOf, withTestDb } from "./fixture-data";
import { expect, expectAccessible, test } from "./fixtures";

test.use({ extraHTTPHeaders: async ({}, use) => use(clientHeaders()) });
test.describe.configure({ mode: "serial" });

const A = FIXTURE_LARPASS.directA.title;
const EVENT_PAGE = `/evenemang/${CAPACITY_EVENT.slug}`;
const DAY = 86_400_000;

const card = (page: Page, title: string): Locator =>
  page.getByRole("article").filter({ has: page.getByRole("heading", { name: title, exact: true }) });

async function member(browser: Browser, label: string) {
  const context = await browser.newContext({ extraHTTPHeaders: clientHeaders() });
  const page = await context.newPage();
  const email = uniqueEmail(label);
  await signIn(page, email);
  return { context, page, email };
}

type Answer = { status: number; headers: Record<string, string>; text: string };

/**
 * Clicks a card's button and returns the answer to the action post it made. The answer is read on its way to
 * the page (Chromium does not keep the body of a response that script read as a stream).
 */
async function clickAction(page: Page, button: Locator): Promise<Answer> {
  let answer: Answer | undefined;
  const handler = async (route: Route) => {
    const request = route.request();
    if (request.method() !== "POST" || !request.headers()["next-action"]) return route.fallback();
    const response = await route.fetch({ maxRedirects: 0 });
    answer = { status: response.status(), headers: response.headers(), text: await response.text() };
    await route.fulfill({ response });
  };
  await page.route("**/*", handler);
  try {
    await button.click();
    await expect.poll(() => answer !== undefined).toBe(true);
  } finally {
    await page.unroute("**/*", handler);
  }
  return answer!;
}

/** React's rows of an action's answer: 0 the envelope, 1 the SignupResult. */
function rows(text: string): Record<string, Record<string, unknown>> {
  return Object.fromEntries(text.trim().split("\n").map((line) => [line.slice(0, line.indexOf(":")), JSON.parse(line.slice(line.indexOf(":") + 1))]));
}

/** Sets the member's sessions to expire in `ms`: 29 days and less is due for Auth.js's daily extension. */
function expireSessionsIn(email: string, ms: number) {
  const userId = userIdOf(email)!;
  withTestDb((db) => db.update(authSessions).set({ expires: new Date(Date.now() + ms) }).where(eq(authSessions.userId, userId)).run());
  return () => withTestDb((db) => db.select().from(authSessions).where(eq(authSessions.userId, userId)).get()!.expires.valueOf());
}

test("Välj svaras direkt för en färsk session och av Next för en session som ska förlängas, och sidan ser ingen skillnad", async ({ browser }) => {
  const fresh = await member(browser, "direkt-farsk");
  const due = await member(browser, "direkt-forlangs");
  try {
    let sessionExpires = () => 0;
    let before = 0;
    const answers: ReturnType<typeof rows>[] = [];
    for (const [m, { title, slug }, direct] of [
      [fresh, FIXTURE_LARPASS.directA, "1"],
      [due, FIXTURE_LARPASS.directB, null],
    ] as const) {
      await m.page.goto(EVENT_PAGE);
      // Loading the page extends a due session (Auth.js), so make it due between the load and the click.
      if (m === due) {
        sessionExpires = expireSessionsIn(due.email, 29 * DAY - 60_000);
        before = sessionExpires();
      }
      const { status, headers, text } = await clickAction(m.page, card(m.page, title).getByRole("button", { name: `Välj ${title}`, exact: true }));
      expect(status).toBe(200);
      expect(headers["x-larpass-direct"] ?? null).toBe(direct);
      expect(headers["content-type"]).toBe("text/x-component");
      const body = rows(text);
      answers.push(body);
      // Exact: the seats the database has right after the member's own transaction.
      expect((body["1"].cards as { confirmed: number }[])[0].confirmed).toBe(registrationCount(slug, "confirmed"));
      await expect(card(m.page, title).getByRole("status")).toHaveText("Klart! Du har en plats på det här lärpasset.");
      await expect(card(m.page, title).getByRole("button", { name: `Lämna platsen ${title}`, exact: true })).toBeFocused();
      await expect(m.page).toHaveURL(EVENT_PAGE);
      expect(registrationsOf(m.email).map((r) => r.status)).toEqual(["confirmed"]);
    }
    // The same envelope (build id, no re-rendered page), the same result apart from the lärpass chosen.
    expect(answers[0]["0"]).toEqual(answers[1]["0"]);
    expect(Object.keys(answers[0]["0"]).sort()).toEqual(["a", "b", "i", "q"]);
    const strip = (r: ReturnType<typeof rows>) => JSON.stringify(r["1"]).replaceAll(/"(larpassId|id|confirmed)":\d+/g, '"$1":0');
    expect(strip(answers[0])).toBe(strip(answers[1]));
    // Next's path went through Auth.js, which extended the session.
    expect(sessionExpires()).toBeGreaterThan(before + DAY / 2);
    await expectAccessible(fresh.page);
    // The page has one form per action, and each card's button submits it naming its lärpass (#11: the
    // action's hidden fields once per page, not once per card).
    await expect(fresh.page.locator("form#anmalan-valj, form#anmalan-lamna")).toHaveCount(2);
    await expect(card(fresh.page, A).locator("form")).toHaveCount(0);
    await expect(card(fresh.page, A).getByRole("button", { name: `Lämna platsen ${A}`, exact: true })).toHaveAttribute("form", "anmalan-lamna");

    // Leaving with JavaScript: also answered directly, and the seat is given back.
    const left = await clickAction(fresh.page, card(fresh.page, A).getByRole("button", { name: `Lämna platsen ${A}`, exact: true }));
    expect(left.headers["x-larpass-direct"]).toBe("1");
    await expect(card(fresh.page, A).getByRole("status")).toHaveText("Du har lämnat din plats.");
    expect(registrationsOf(fresh.email)).toEqual([]);
  } finally {
    await Promise.all([fresh.context.close(), due.context.close()]);
  }
});

test("Mitt programs knappar laddar om sidan: deras inlägg går vidare till Next, med samma innehåll", async ({ browser }) => {
  const m = await member(browser, "direkt-mitt");
  try {
    await m.page.goto(EVENT_PAGE);
    await clickAction(m.page, card(m.page, A).getByRole("button", { name: `Välj ${A}`, exact: true }));
    await expect(card(m.page, A).getByRole("status")).toHaveText("Klart! Du har en plats på det här lärpasset.");
    await m.page.goto("/mitt-program");
    const leave = m.page.getByRole("button", { name: `Lämna platsen ${A}`, exact: true });
    const response = await clickAction(m.page, leave);
    expect(response.headers["x-larpass-direct"]).toBeUndefined();
    await expect(m.page).toHaveURL(/\/mitt-program\?anmalan=lamnad/);
    expect(registrationsOf(m.email)).toEqual([]);
  } finally {
    await m.context.close();
  }
});
