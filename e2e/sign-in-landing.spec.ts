// After sign-in without a `next` address each role lands on its own start page; with one, it wins.
import { setRole, uniqueEmail } from "./auth";
import { clientHeaders, signIn, signInLink } from "./fixture-data";
import { expect, test } from "./fixtures";

test.use({ extraHTTPHeaders: async ({}, use) => use(clientHeaders()) });

for (const [role, path, heading] of [
  ["organiser", "/arrangor", "Evenemang"],
  ["speaker", "/mina-larpass", "Mina lärpass"],
  ["member", "/program", null],
] as const) {
  test(`en ${role} landar på ${path} efter inloggningen`, async ({ page }) => {
    const email = uniqueEmail(`landa-${role}`);
    if (role !== "member") setRole(email, role);
    await signIn(page, email);
    // A new account is asked for name and organisation first; skipping goes on to the role's start page.
    await expect(page).toHaveURL(`/konto/valkommen?next=${encodeURIComponent(path)}`);
    await page.getByRole("button", { name: "Hoppa över nu" }).click();
    await expect(page).toHaveURL(path);
    if (heading) await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
    // Signed in already, the sign-in page sends the same way.
    await page.goto("/logga-in");
    await expect(page).toHaveURL(path);
  });
}

test("en next-adress går före rollens startsida", async ({ page }) => {
  const email = uniqueEmail("landa-next");
  setRole(email, "organiser");
  await page.goto("/konto");
  await expect(page).toHaveURL(`/logga-in?next=${encodeURIComponent("/konto")}`);
  await page.getByLabel("E-postadress").fill(email);
  await page.getByRole("button", { name: "Skicka inloggningslänk" }).click();
  await expect(page.getByRole("heading", { name: "Kolla din e-post" })).toBeVisible();
  await page.goto(await signInLink(email, new URL(page.url()).origin));
  await expect(page).toHaveURL("/konto");
});
