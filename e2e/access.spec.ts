import { request as playwrightRequest, type Page } from "@playwright/test";
import { setRole, uniqueEmail } from "./auth";
import {
  CAPACITY_EVENT,
  FIXTURE_LARPASS,
  clientHeaders,
  larpassIdOf,
  registrationCount,
  registrationsOf,
  signIn,
  userIdOf,
} from "./fixture-data";
import { expect, expectAccessible, test } from "./fixtures";

// Every browser context is its own client for the sign-in rate limit (see clientHeaders()).
test.use({ extraHTTPHeaders: async ({}, use) => use(clientHeaders()) });

function seats(page: Page, title: string) {
  return page
    .getByRole("article")
    .filter({ has: page.getByRole("heading", { name: title, exact: true }) })
    .locator("p.seats");
}

test("en anonym besökare skickas till inloggningen från Mitt program och Mitt konto", async ({ page }) => {
  for (const path of ["/mitt-program", "/konto"]) {
    await page.goto(path);
    await expect(page).toHaveURL(`/logga-in?next=${encodeURIComponent(path)}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Logga in");
    await expectAccessible(page);
  }
});

test("kalenderfil och anmälnings-API kräver inloggning", async ({ request }) => {
  const ics = await request.get("/mitt-program/kalender.ics", { maxRedirects: 0 });
  expect(ics.status()).toBe(401);
  expect(ics.headers()["content-type"]).not.toMatch(/calendar/);

  const lp = larpassIdOf(FIXTURE_LARPASS.api.slug);
  const api = await request.post("/api/anmalan", { data: { larpassId: lp }, maxRedirects: 0 });
  expect(api.status()).toBe(401);
  expect(await api.json()).toEqual({ error: "Du behöver logga in först." });
  expect(registrationCount(FIXTURE_LARPASS.api.slug)).toBe(0);
});

test("anmälnings-API:t tar inte emot anrop från en annan webbplats", async ({ page, baseURL }) => {
  const email = uniqueEmail("api");
  await signIn(page, email);
  const larpassId = larpassIdOf(FIXTURE_LARPASS.api.slug);

  const foreign = await page.request.post("/api/anmalan", {
    data: { larpassId },
    headers: { origin: "https://elak.example" },
    maxRedirects: 0,
  });
  expect(foreign.status()).toBe(403);
  expect(registrationsOf(email)).toEqual([]);

  // The same call from the site itself goes through: the refusal above was the origin, nothing else.
  const own = await page.request.post("/api/anmalan", { data: { larpassId }, headers: { origin: baseURL! }, maxRedirects: 0 });
  expect(own.status()).toBe(200);
  expect(await own.json()).toMatchObject({ ok: true, status: "confirmed" });
  expect(registrationsOf(email)).toEqual([{ larpassId, status: "confirmed" }]);
});

test("ett direktanrop av serveråtgärden utan inloggning gör ingenting och leder till inloggningen", async ({ page, baseURL }) => {
  const lp = FIXTURE_LARPASS.access;
  const programme = `/evenemang/${CAPACITY_EVENT.slug}`;
  const member = uniqueEmail("atgard");
  await signIn(page, member);
  await page.goto(programme);
  await expect(seats(page, lp.title)).toHaveText("10 platser kvar av 10");
  await expectAccessible(page);

  // The choose form as Next renders it for use without JavaScript: the action's id travels in hidden fields
  // of the page's sign-up form, which the card's button submits with its own name and value.
  const button = page.getByRole("button", { name: `Välj ${lp.title}`, exact: true });
  const fields = await button.evaluate((b: HTMLButtonElement) => [
    ...[...b.form!.querySelectorAll<HTMLInputElement>("input[name]")].map((i) => [i.name, i.value] as const),
    [b.name, b.value] as const,
  ]);
  expect(fields.map(([name]) => name), "formuläret bär serveråtgärdens id").toContainEqual(expect.stringMatching(/^\$ACTION_(ID|REF)_/));
  // Without the js field the hydrated form adds (components/signup-control.tsx): this is the post of a
  // browser without JavaScript, which is answered with a redirect.
  const multipart = Object.fromEntries(fields.filter(([name]) => name !== "js"));
  expect(fields.map(([name]) => name)).toContain("js");

  const anonymous = await playwrightRequest.newContext({ baseURL });
  const response = await anonymous.post(programme, {
    multipart,
    headers: { origin: baseURL! },
    maxRedirects: 0,
  });
  expect(response.status()).toBeGreaterThanOrEqual(300);
  expect(response.status()).toBeLessThan(400);
  expect(new URL(response.headers().location, baseURL).pathname).toBe("/logga-in");
  expect(registrationCount(lp.slug)).toBe(0);
  await page.reload();
  await expect(seats(page, lp.title)).toHaveText("10 platser kvar av 10");
  await anonymous.dispose();

  // The very same request with the member's session does choose (so the call above was a real action
  // call), and for the caller only: a user id slipped into the form is ignored.
  const victim = uniqueEmail("offer");
  setRole(victim, "member");
  const signedIn = await page.request.post(programme, {
    multipart: { ...multipart, userId: userIdOf(victim)! },
    headers: { origin: baseURL! },
    maxRedirects: 0,
  });
  expect(signedIn.status()).toBeGreaterThanOrEqual(300);
  expect(signedIn.status()).toBeLessThan(400);
  expect(signedIn.headers().location).toMatch(/[?&]anmalan=vald(&|$)/);
  expect(registrationsOf(member)).toEqual([{ larpassId: larpassIdOf(lp.slug), status: "confirmed" }]);
  expect(registrationsOf(victim)).toEqual([]);
  await page.reload();
  await expect(seats(page, lp.title)).toHaveText("9 platser kvar av 10");
  await expectAccessible(page);
});
