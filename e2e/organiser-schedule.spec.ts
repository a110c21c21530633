// The organisers' schedule: drag and drop (mouse and keyboard), the plain move form, conflicts, room
// suggestions, CSV export, the printable list and the public "Ändringar" page. Everything destructive
// happens in events of its own, dated 2016, so the seeded 2018 event (read by other spec files) is never
// touched and never stops being the current event.
import fs from "node:fs";
import { and, eq } from "drizzle-orm";
import type { Locator, Page } from "@playwright/test";
import { openDatabase } from "../db/open";
import { days, events, larpass, registrations, rooms, timeSlots, users } from "../db/schema";
import { zonedToUtc } from "../lib/time";
import { latestMailTo } from "./auth";
// fixture-data's sign-in points the mail link at the test's own origin (the link is built from AUTH_URL,
// 127.0.0.1, while the browser is on localhost: the session cookie would land on the other host).
import { clientHeaders, larpassRow, signInAs } from "./fixture-data";
import { expect, expectAccessible, test } from "./fixtures";
import { readState } from "./server";

const DATE = "2016-04-12";
const SLOTS = { first: ["09:00", "09:45"], second: ["10:00", "10:45"], third: ["11:00", "11:45"] } as const;
const SLOT_LABEL = { first: "09:00–09:45", second: "10:00–10:45", third: "11:00–11:45" } as const;
/** Columns in the grid: biggest room first. */
const ROOMS = { aulan: ["Aulan", 40], are: ["Rum Åre", 20], oland: ["Rum Öland", 15], lilla: ["Lilla rummet", 10] } as const;

type Slot = keyof typeof SLOTS;
type RoomKey = keyof typeof ROOMS;
type Seed = { title: string; slot?: Slot; room?: RoomKey; members?: { email: string; name: string; waitlisted?: boolean }[] };

/** One lärpass per test (each test moves only its own), so the tests can run in parallel. */
const GRID = {
  slug: "e2e-schema-2016",
  name: "E2E schemadag 2016",
  larpass: {
    mouse: { title: "Dragpasset" },
    keyboard: { title: "Tangentpasset", slot: "first", room: "oland" },
    form: { title: "Formulärflytten" },
    conflictA: { title: "Krockpass A", slot: "first", room: "aulan" },
    conflictB: { title: "Krockpass B", slot: "second", room: "aulan" },
    member: { title: "Medlemspasset", slot: "first", room: "lilla", members: [{ email: "medlem-schema@test.example", name: "Märta Medlem" }] },
    noJs: { title: "Utan skript", slot: "third", room: "oland", members: [{ email: "utan-js@test.example", name: "Nils Nojs" }] },
    export: {
      title: "Export på svenska: Åre, Älvsbyn, Örebro",
      slot: "third",
      room: "aulan",
      members: [
        { email: "asa-export@test.example", name: "Åsa Ängström-Öberg" },
        { email: "bo-export@test.example", name: 'Bo "Bosse" Berg; Kalmar' },
      ],
    },
  } satisfies Record<string, Seed>,
};

/** A slot with a popular lärpass in the small room and a quiet one in the big room: the suggestion swaps them. */
const SUGGEST = {
  slug: "e2e-forslag-2016",
  name: "E2E lokalförslag 2016",
  larpass: {
    popular: {
      title: "Populära passet",
      slot: "first",
      room: "lilla",
      // Ten seats in the small room, two in the queue.
      members: Array.from({ length: 12 }, (_, i) => ({ email: `popular-${i}@test.example`, name: `Populär ${i + 1}`, waitlisted: i >= 10 })),
    },
    quiet: { title: "Lugna passet", slot: "first", room: "aulan", members: [] },
  } satisfies Record<string, Seed>,
};

type Ids = { eventId: number; slots: Record<Slot, number>; rooms: Record<RoomKey, number>; larpass: Record<string, number> };

/** Inserts an event (published, sign-up open) with its lärpass and members, once; returns the ids. */
function ensureEvent(spec: { slug: string; name: string; larpass: Record<string, Seed> }): Ids {
  const db = openDatabase(readState().databasePath);
  try {
    return db.transaction(
      (tx) => {
        let event = tx.select().from(events).where(eq(events.slug, spec.slug)).get();
        if (!event) {
          event = tx
            .insert(events)
            .values({
              slug: spec.slug,
              name: spec.name,
              startsOn: DATE,
              endsOn: DATE,
              published: true,
              signupOpensAt: new Date(Date.now() - 3600_000),
              signupClosesAt: new Date(Date.now() + 30 * 24 * 3600_000),
            })
            .returning()
            .get();
          const day = tx.insert(days).values({ eventId: event.id, date: DATE, name: "Testdagen" }).returning().get();
          for (const [start, end] of Object.values(SLOTS)) {
            tx.insert(timeSlots)
              .values({ eventId: event.id, dayId: day.id, startsAt: zonedToUtc(DATE, start), endsAt: zonedToUtc(DATE, end) })
              .run();
          }
          for (const [name, capacity] of Object.values(ROOMS)) tx.insert(rooms).values({ eventId: event.id, name, capacity }).run();
        }
        const eventId = event.id;
        const slotRows = tx.select().from(timeSlots).where(eq(timeSlots.eventId, eventId)).all();
        const slotIds = Object.fromEntries(
          (Object.keys(SLOTS) as Slot[]).map((k) => [k, slotRows.find((s) => s.startsAt.getTime() === zonedToUtc(DATE, SLOTS[k][0]).getTime())!.id]),
        ) as Record<Slot, number>;
        const roomRows = tx.select().from(rooms).where(eq(rooms.eventId, eventId)).all();
        const roomIds = Object.fromEntries((Object.keys(ROOMS) as RoomKey[]).map((k) => [k, roomRows.find((r) => r.name === ROOMS[k][0])!.id])) as Record<
          RoomKey,
          number
        >;
        const ids: Record<string, number> = {};
        for (const [key, l] of Object.entries(spec.larpass)) {
          const slug = key.toLowerCase();
          let row = tx.select().from(larpass).where(and(eq(larpass.eventId, eventId), eq(larpass.slug, slug))).get();
          if (!row) {
            row = tx
              .insert(larpass)
              .values({
                eventId,
                slug,
                title: l.title,
                status: "published",
                timeSlotId: l.slot ? slotIds[l.slot] : null,
                roomId: l.room ? roomIds[l.room] : null,
              })
              .returning()
              .get();
            for (const m of l.members ?? []) {
              const user = tx.insert(users).values({ email: m.email, name: m.name }).returning().get();
              const now = new Date();
              tx.insert(registrations)
                .values({
                  larpassId: row.id,
                  userId: user.id,
                  timeSlotId: row.timeSlotId,
                  status: m.waitlisted ? "waitlisted" : "confirmed",
                  queuedAt: now,
                  confirmedAt: m.waitlisted ? null : now,
                })
                .run();
            }
          }
          ids[key] = row.id;
        }
        return { eventId, slots: slotIds, rooms: roomIds, larpass: ids };
      },
      { behavior: "immediate" },
    );
  } finally {
    db.$client.close();
  }
}

let grid: Ids;
let suggest: Ids;

test.beforeAll(() => {
  grid = ensureEvent(GRID);
  suggest = ensureEvent(SUGGEST);
});

// Every browser context is its own client for the sign-in rate limit.
test.use({ extraHTTPHeaders: async ({}, use) => use(clientHeaders()) });

test.beforeEach(async ({ page }) => {
  await signInAs(page, "organiser");
});

const schemaUrl = (ids: Ids) => `/arrangor/evenemang/${ids.eventId}/schema`;

/** The grid cell for a time (row header) and a room (column header), found by the table's headers. */
async function cell(page: Page, slot: Slot, room: RoomKey): Promise<Locator> {
  const table = page.getByRole("table", { name: /Schema/ });
  const headers = await table.getByRole("columnheader").allInnerTexts();
  const column = headers.findIndex((h) => h.startsWith(ROOMS[room][0]));
  expect(column, `kolumnen ${ROOMS[room][0]}`).toBeGreaterThan(0);
  const row = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: SLOT_LABEL[slot], exact: true }) });
  return row.getByRole("cell").nth(column - 1);
}

const card = (scope: Page | Locator, title: string) => scope.getByRole("article", { name: title, exact: true });

/** Opens the card's "Flytta" disclosure (unless it is open already) and fills in time and room. */
async function fillMoveForm(item: Locator, slot: string, room: string) {
  const time = item.getByLabel("Tid");
  if (!(await time.isVisible())) await item.locator("summary").click();
  await time.selectOption({ label: slot });
  await item.getByLabel("Lokal").selectOption({ label: room });
}
const unscheduled = (page: Page) => page.getByRole("region", { name: "Utan tid" });
const moveDialog = (page: Page, title: string) => page.getByRole("dialog", { name: `Flytta ${title}?` });

test.describe("dra med musen", () => {
  // The list "Utan tid" and the grid's second row on one screen: the mouse cannot drag past the viewport.
  test.use({ viewport: { width: 1280, height: 1600 } });

  test("dra ett lärpass med musen från listan Utan tid till en tid och lokal", async ({ page }) => {
    const title = GRID.larpass.mouse.title;
    await page.goto(schemaUrl(grid));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Schema: ${GRID.name}`);
    await expectAccessible(page);
    await expect(card(unscheduled(page), title)).toBeVisible();

    const target = await cell(page, "second", "lilla");
    const handle = page.getByRole("button", { name: `Dra ${title}` });
    const from = (await handle.boundingBox())!;
    const to = (await target.boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + 20, from.y + 20, { steps: 5 });
    await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 15 });
    await page.mouse.up();

    const dialog = moveDialog(page, title);
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText("Från ingen tid, ingen lokal till tisdag 12 april 2016 10:00–10:45, Lilla rummet.");
    await expect(dialog).toContainText("Ingen medlem har valt lärpasset.");
    await expectAccessible(page);
    await dialog.getByRole("button", { name: "Flytta" }).click();

    await expect(page).toHaveURL(new RegExp(`flyttad=${grid.larpass.mouse}`));
    await expect(page.getByRole("status").filter({ hasText: "är flyttat" })).toHaveText(
      `${title} är flyttat: tisdag 12 april 2016 10:00–10:45, Lilla rummet.`,
    );
    await expect(card(await cell(page, "second", "lilla"), title)).toBeVisible();
    await expect(card(unscheduled(page), title)).toHaveCount(0);
    expect(larpassRow(grid.larpass.mouse)).toMatchObject({ timeSlotId: grid.slots.second, roomId: grid.rooms.lilla, version: 2 });
  });
});

test.describe("schemat", () => {
  test("flytta med tangentbordet: fokus på handtaget, mellanslag, pil, mellanslag", async ({ page }) => {
    const title = GRID.larpass.keyboard.title;
    await page.goto(schemaUrl(grid));
    await expect(card(await cell(page, "first", "oland"), title)).toBeVisible();

    const handle = page.getByRole("button", { name: `Dra ${title}` });
    await handle.focus();
    await page.keyboard.press("Space");
    // dnd-kit's live region (role=status) says where the lifted lärpass is: first where it was.
    await expect(page.getByText(`${title} är över tisdag 12 april 2016 09:00–09:45, Rum Öland.`)).toBeAttached();
    await page.keyboard.press("ArrowDown");
    await expect(page.getByText(`${title} är över tisdag 12 april 2016 10:00–10:45, Rum Öland.`)).toBeAttached();
    await page.keyboard.press("Space");

    const dialog = moveDialog(page, title);
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText("till tisdag 12 april 2016 10:00–10:45, Rum Öland.");
    // Keyboard only: Tab to "Flytta" and press Enter.
    const confirm = dialog.getByRole("button", { name: "Flytta" });
    await expect(confirm).toBeEnabled();
    await confirm.focus();
    await page.keyboard.press("Enter");

    await expect(page).toHaveURL(new RegExp(`flyttad=${grid.larpass.keyboard}`));
    await expect(card(await cell(page, "second", "oland"), title)).toBeVisible();
    expect(larpassRow(grid.larpass.keyboard)).toMatchObject({ timeSlotId: grid.slots.second, roomId: grid.rooms.oland });
  });

  test("Escape avbryter en tangentbordsflytt och inget ändras", async ({ page }) => {
    const title = GRID.larpass.conflictA.title;
    await page.goto(schemaUrl(grid));
    const handle = page.getByRole("button", { name: `Dra ${title}` });
    await handle.focus();
    await page.keyboard.press("Space");
    await expect(page.getByText(`${title} är över tisdag 12 april 2016 09:00–09:45, Aulan.`)).toBeAttached();
    await page.keyboard.press("ArrowRight");
    await expect(page.getByText(`${title} är över tisdag 12 april 2016 09:00–09:45, Rum Åre.`)).toBeAttached();
    await page.keyboard.press("Escape");
    await expect(page.getByText(`Flytten avbröts. ${title} ligger kvar.`)).toBeAttached();
    await expect(moveDialog(page, title)).toBeHidden();
    expect(larpassRow(grid.larpass.conflictA)?.version).toBe(1);
  });

  test("flytta med formuläret (tid, lokal, Flytta)", async ({ page }) => {
    const title = GRID.larpass.form.title;
    await page.goto(schemaUrl(grid));
    const item = card(unscheduled(page), title);
    await fillMoveForm(item, SLOT_LABEL.second, "Rum Åre (20 platser)");
    await item.getByRole("button", { name: `Flytta ${title}` }).click();

    await expect(page).toHaveURL(new RegExp(`flyttad=${grid.larpass.form}`));
    await expect(card(await cell(page, "second", "are"), title)).toBeVisible();
    await expectAccessible(page);
  });

  test("en krock syns direkt i listan och i cellen, och försvinner när den är löst", async ({ page }) => {
    const a = GRID.larpass.conflictA.title;
    const b = GRID.larpass.conflictB.title;
    const message = `”${a}” och ”${b}” är i Aulan samtidigt.`;
    await page.goto(schemaUrl(grid));
    const conflicts = page.getByRole("region", { name: "Konflikter" });
    await expect(conflicts).not.toContainText(message);

    // Put B in A's room and time with the form.
    const moveB = async (room: string) => {
      const item = card(page, b);
      await fillMoveForm(item, SLOT_LABEL.first, room);
      await item.getByRole("button", { name: `Flytta ${b}` }).click();
      await expect(page).toHaveURL(new RegExp(`flyttad=${grid.larpass.conflictB}`));
    };
    await moveB("Aulan (40 platser)");

    await expect(conflicts.getByRole("status")).toContainText(`Två lärpass i samma lokal: ${message}`);
    const shared = await cell(page, "first", "aulan");
    await expect(card(shared, a)).toBeVisible();
    await expect(card(shared, b)).toBeVisible();
    await expect(card(shared, b).getByRole("list", { name: `Konflikter för ${b}` })).toContainText(message);
    await expectAccessible(page);
    // The link in the list leads to the lärpass in the grid.
    await conflicts.getByRole("link", { name: `Visa ${a} i schemat` }).first().click();
    await expect(page).toHaveURL(new RegExp(`#lp-${grid.larpass.conflictA}$`));

    await moveB("Rum Åre (20 platser)");
    await expect(conflicts).not.toContainText(message);
    await expect(card(await cell(page, "first", "are"), b)).toBeVisible();
    await expect(card(page, b).getByRole("list", { name: `Konflikter för ${b}` })).toHaveCount(0);
  });

  test("en medlem som valt ett lärpass som flyttas får mejl, och ändringen syns publikt", async ({ page }) => {
    const title = GRID.larpass.member.title;
    const member = GRID.larpass.member.members[0];
    await page.goto(schemaUrl(grid));
    const item = card(page, title);
    await expect(item).toContainText("1 av 10 platser");
    await fillMoveForm(item, SLOT_LABEL.third, "Lilla rummet (10 platser)");
    await item.getByRole("button", { name: `Flytta ${title}` }).click();

    // A member is affected: the counts first, then the confirmation.
    const confirmation = item.getByRole("alert");
    await expect(confirmation).toContainText("1 medlem följer med till den nya tiden och lokalen.");
    await expect(confirmation).toContainText("Ingen medlem släpps.");
    await expectAccessible(page);
    expect(larpassRow(grid.larpass.member)?.version).toBe(1);
    await confirmation.getByRole("button", { name: "Bekräfta flytten" }).click();
    await expect(page).toHaveURL(new RegExp(`flyttad=${grid.larpass.member}`));

    const mail = await latestMailTo(member.email, title);
    expect(mail.subject).toBe(`Ändrat: ${title}`);
    expect(mail.text).toContain("Ny tid och plats: tisdag 12 april 2016 11:00–11:45, Lilla rummet.");

    // The public programme links to "Ändringar", which lists the new time.
    await page.goto(`/evenemang/${GRID.slug}`);
    await page.getByRole("link", { name: "Ändringar" }).click();
    await expect(page).toHaveURL(`/evenemang/${GRID.slug}/andringar`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ändringar i programmet");
    const rowOf = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: title }) });
    await expect(rowOf.filter({ hasText: "Ny tid" })).toContainText("tisdag 12 april 2016 09:00–09:45");
    await expect(rowOf.filter({ hasText: "Ny tid" })).toContainText("tisdag 12 april 2016 11:00–11:45");
    await expectAccessible(page);
  });

  test("exportera CSV per lärpass (BOM, rubrikrad, å ä ö) och öppna den utskrivbara listan", async ({ page }) => {
    const title = GRID.larpass.export.title;
    await page.goto(`/arrangor/evenemang/${grid.eventId}/export`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Export: ${GRID.name}`);
    await expectAccessible(page);

    const downloadPromise = page.waitForEvent("download");
    await page.getByRole("link", { name: `CSV för ${title}` }).click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toBe(`${GRID.slug}-export.csv`);
    const bytes = fs.readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString("utf8").split("\r\n");
    expect(lines[0]).toBe("Namn;Organisation;E-post;Status;Köplats;Lärpass;Tid;Lokal");
    expect(lines.slice(1, 3)).toEqual([
      `"Bo ""Bosse"" Berg; Kalmar";;bo-export@test.example;Har plats;;Export på svenska: Åre, Älvsbyn, Örebro;tisdag 12 april 2016 11:00–11:45;Aulan`,
      `Åsa Ängström-Öberg;;asa-export@test.example;Har plats;;Export på svenska: Åre, Älvsbyn, Örebro;tisdag 12 april 2016 11:00–11:45;Aulan`,
    ]);

    // All registrations of the event, too.
    const allPromise = page.waitForEvent("download");
    await page.getByRole("link", { name: "Alla anmälningar (CSV)" }).click();
    const all = fs.readFileSync((await (await allPromise).path())!, "utf8");
    expect(all).toContain("Åsa Ängström-Öberg");

    await page.getByRole("link", { name: `Utskrivbar lista för ${title}` }).click();
    await expect(page).toHaveURL(`/arrangor/larpass/${grid.larpass.export}/deltagare`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(page.getByRole("definition").filter({ hasText: "11:00–11:45" })).toHaveText("tisdag 12 april 2016 11:00–11:45");
    await expect(page.getByRole("definition").filter({ hasText: "Aulan" })).toHaveText("Aulan");
    const table = page.getByRole("table", { name: `Deltagare med plats på ${title}` });
    await expect(table.getByRole("row")).toHaveCount(3);
    await expect(table.getByRole("row").nth(2)).toContainText("2Åsa Ängström-Öberg–asa-export@test.example");
    await expect(table.getByRole("checkbox", { name: "Åsa Ängström-Öberg är närvarande" })).toBeVisible();
    await expectAccessible(page);
    // Printed, the page chrome is gone.
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("navigation", { name: "Huvudmeny" })).toBeHidden();
    await expect(page.getByRole("button", { name: "Skriv ut" })).toBeHidden();
    await expect(table).toBeVisible();
  });

  test("efterfrågan: tabell och diagram, och lokalförslaget används efter bekräftelse", async ({ page }) => {
    await page.goto(`/arrangor/evenemang/${suggest.eventId}/efterfragan`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Efterfrågan: ${SUGGEST.name}`);
    const popular = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Populära passet" }) }).first();
    await expect(popular.getByRole("cell")).toHaveText(["09:00–09:45", "Lilla rummet", "10", "2", "10", "100 %", "120 %"]);
    await expect(page.getByRole("img", { name: /1 av 2 lärpass har fler intresserade än platser/ })).toBeVisible();
    await expectAccessible(page);

    const region = page.getByRole("region", { name: "09:00–09:45" });
    await expect(region.getByRole("row").filter({ hasText: "Populära passet" })).toContainText("Aulan (ändras)");
    await region.getByRole("button", { name: "Använd förslaget för 09:00–09:45" }).click();
    const confirmation = region.getByRole("alert");
    await expect(confirmation).toContainText("2 lärpass byter lokal. 12 medlemmar påverkas");
    expect(larpassRow(suggest.larpass.popular)?.roomId).toBe(suggest.rooms.lilla);
    await confirmation.getByRole("button", { name: "Bekräfta nya lokaler" }).click();

    await expect(page.getByRole("status").filter({ hasText: "Förslaget för" })).toHaveText(
      "Förslaget för 09:00–09:45 är genomfört. Medlemmarna har fått mejl.",
    );
    expect(larpassRow(suggest.larpass.popular)?.roomId).toBe(suggest.rooms.aulan);
    expect(larpassRow(suggest.larpass.quiet)?.roomId).toBe(suggest.rooms.are);
    await expect(page.getByRole("region", { name: "09:00–09:45" })).toContainText("Lokalerna stämmer redan med efterfrågan.");
    const mail = await latestMailTo("popular-0@test.example", "Populära passet");
    expect(mail.text).toContain("Ny tid och plats: tisdag 12 april 2016 09:00–09:45, Aulan.");
    // The bigger room seated the queue.
    expect((await latestMailTo("popular-11@test.example", "Du har fått en plats")).subject).toBe("Du har fått en plats: Populära passet");
  });
});

test("schedule.xml är öppen för alla och innehåller det publicerade programmet", async ({ browser }) => {
  const anonymous = await browser.newContext();
  try {
    const res = await anonymous.request.get(`/evenemang/${GRID.slug}/schedule.xml`);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toBe("application/xml; charset=utf-8");
    const xml = await res.text();
    expect(xml).toContain(`<title>${GRID.name}</title>`);
    expect(xml).toContain("<title>Export på svenska: Åre, Älvsbyn, Örebro</title>");
    expect(xml).not.toContain("@test.example");
    expect((await anonymous.request.get("/evenemang/finns-inte/schedule.xml")).status()).toBe(404);
  } finally {
    await anonymous.close();
  }
});

test.describe("utan JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("formuläret flyttar och frågar först om medlemmar påverkas", async ({ page }) => {
    const title = GRID.larpass.noJs.title;
    await page.goto(schemaUrl(grid));
    const item = card(page, title);
    await fillMoveForm(item, SLOT_LABEL.first, "Rum Öland (15 platser)");
    await item.getByRole("button", { name: `Flytta ${title}` }).click();

    const confirmation = card(page, title).getByRole("alert");
    await expect(confirmation).toContainText("1 medlem följer med till den nya tiden och lokalen.");
    await confirmation.getByRole("button", { name: "Bekräfta flytten" }).click();
    await expect(page).toHaveURL(new RegExp(`flyttad=${grid.larpass.noJs}`));
    expect(larpassRow(grid.larpass.noJs)).toMatchObject({ timeSlotId: grid.slots.first, roomId: grid.rooms.oland });
    await latestMailTo(GRID.larpass.noJs.members[0].email, title);
  });
});
