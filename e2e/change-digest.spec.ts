// Changes reach the members they concern: an organiser's new abstract mails everyone who chose the
// lärpass one digest; a typo fix "utan att meddela" mails nobody (with and without JavaScript).
import fs from "node:fs";
import { uniqueEmail } from "./auth";
import { clientHeaders, insertTestEvent, noScriptContext, signInAs, withTestDb } from "./fixture-data";
import { expect, expectAccessible, test } from "./fixtures";
import { readState } from "./server";
import { larpass, registrations, users } from "../db/schema";

test.use({ extraHTTPHeaders: async ({}, use) => use(clientHeaders()) });

const mailsTo = (email: string) => {
  const { outboxPath } = readState();
  const lines = fs.existsSync(outboxPath) ? fs.readFileSync(outboxPath, "utf8").trim().split("\n").filter(Boolean) : [];
  return lines.map((l) => JSON.parse(l) as { to: string; subject: string; text: string }).filter((m) => m.to === email);
};

test("ny sammanfattning ger de anmälda ett mejl om ändringen; en rättelse utan att meddela ger inget", async ({ page, browser }) => {
  const id = Date.now();
  const member = uniqueEmail("digest");
  const w = withTestDb((db) =>
    db.transaction((tx) => {
      const made = insertTestEvent(tx, { slug: `digest-${id}`, name: `Digestdag ${id}`, date: "2016-05-05", slot: ["09:00", "09:45"], room: { name: "Rummet", capacity: 10 } });
      const lp = tx
        .insert(larpass)
        .values({ eventId: made.event.id, slug: `digestpass-${id}`, title: `Digestpass ${id}`, abstract: "Första texten.", status: "published", timeSlotId: made.slot.id, roomId: made.room.id })
        .returning()
        .get();
      const user = tx.insert(users).values({ email: member, name: "Mejl Mottagare" }).returning().get();
      tx.insert(registrations).values({ larpassId: lp.id, userId: user.id, timeSlotId: made.slot.id, status: "confirmed", queuedAt: new Date(), confirmedAt: new Date() }).run();
      return { ...made, lp };
    }),
  );
  await signInAs(page, "organiser", "digest-arr");
  await page.goto(`/arrangor/larpass/${w.lp.id}`);
  await expect(page.getByRole("checkbox", { name: "Ändra utan att meddela" })).not.toBeChecked();
  await expectAccessible(page);
  await page.getByLabel("Sammanfattning").fill("En helt ny text om regional utveckling.");
  await page.getByRole("button", { name: "Spara lärpasset" }).click();
  await expect(page).toHaveURL(`/arrangor/larpass/${w.lp.id}?sparat=1`);
  await expect.poll(() => mailsTo(member).length).toBe(1);
  const [mail] = mailsTo(member);
  expect(mail.subject).toBe(`Ändrat: ${w.lp.title}`);
  expect(mail.text).toContain("- Sammanfattningen är uppdaterad.");
  expect(mail.text).toContain(`/evenemang/${w.event.slug}/larpass/${w.lp.slug}`);

  // Without JavaScript: a typo fix, ticked "utan att meddela": saved, no mail.
  const noJs = await noScriptContext(browser, page);
  const p = await noJs.newPage();
  await p.goto(`/arrangor/larpass/${w.lp.id}`);
  await p.getByLabel("Sammanfattning").fill("En helt ny text om regional utveckling!");
  await p.getByRole("checkbox", { name: "Ändra utan att meddela" }).check();
  await p.getByRole("button", { name: "Spara lärpasset" }).click();
  await expect(p).toHaveURL(`/arrangor/larpass/${w.lp.id}?sparat=1`);
  expect(withTestDb((db) => db.select().from(larpass).all().find((l) => l.id === w.lp.id)!.abstract)).toBe("En helt ny text om regional utveckling!");
  await p.waitForTimeout(500);
  expect(mailsTo(member)).toHaveLength(1);
  await noJs.close();
});
