import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { and, eq } from "drizzle-orm";
import { openDatabase } from "../db/open";
import { days, events, larpass, registrations, rooms, timeSlots, users } from "../db/schema";
import { zonedToUtc } from "../lib/time";
import { latestMailTo, setRole, uniqueEmail } from "./auth";
import { readState } from "./server";

/**
 * A second, small published event for the member tests: dated in the past (2017), so the seeded 2018
 * event stays the "current" one on /program, /mitt-program and the start page. Each test that counts
 * seats or fills a lärpass has a lärpass of its own here, so tests (and other spec files working on the
 * seeded event) never move each other's numbers.
 */
export const CAPACITY_EVENT = {
  slug: "e2e-kapacitet",
  name: "E2E kapacitetsdag 2017",
  date: "2017-05-10",
} as const;

/** Slot A 10:00–10:45 and slot B 11:00–11:45 (Stockholm time). */
export const CAPACITY_SLOTS = { A: "10:00–10:45", B: "11:00–11:45" } as const;

type FixtureLarpass = { slug: string; title: string; slot: "A" | "B"; room: "small" | "large"; capacity?: number };

/** Lärpass of the fixture event; capacity falls back to the room (small: 1 seat, large: 50). */
export const FIXTURE_LARPASS = {
  /** Waitlist and promotion (member.spec). */
  small: { slug: "litet-larpass", title: "Litet lärpass", slot: "A", room: "small" },
  large: { slug: "stort-larpass", title: "Stort lärpass", slot: "A", room: "large" },
  afternoon: { slug: "eftermiddagspass", title: "Eftermiddagspass", slot: "B", room: "large" },
  /** GDPR deletion gives its seat back (member.spec). */
  gdpr: { slug: "raderingspass", title: "Raderingspass", slot: "B", room: "large", capacity: 10 },
  /** Choose and leave without JavaScript (member.spec). */
  noJs: { slug: "formularpass", title: "Formulärpass", slot: "A", room: "large", capacity: 10 },
  /** Access tests: nothing may ever be registered here (access.spec). */
  access: { slug: "atkomstpass", title: "Åtkomstpass", slot: "B", room: "large", capacity: 10 },
  /** The JSON API's origin check (access.spec). */
  api: { slug: "api-pass", title: "API-pass", slot: "A", room: "large", capacity: 10 },
  /** Seat counts across members and the anonymous snapshot, and no choices leaking between members (cache.spec). */
  cacheA: { slug: "cachepass-a", title: "Cachepass A", slot: "B", room: "large", capacity: 10 },
  cacheB: { slug: "cachepass-b", title: "Cachepass B", slot: "B", room: "large", capacity: 10 },
  /** The direct answer to a card's post and Next's answer side by side (signup-direct.spec). */
  directA: { slug: "direktpass-a", title: "Direktpass A", slot: "A", room: "large", capacity: 10 },
  directB: { slug: "direktpass-b", title: "Direktpass B", slot: "A", room: "large", capacity: 10 },
} as const satisfies Record<string, FixtureLarpass>;

/** Inserts the fixture event into the server's test database (WAL: fine while the server runs). */
export function createFixtureData(databasePath = readState().databasePath): void {
  const db = openDatabase(databasePath);
  try {
    db.transaction((tx) => {
      if (tx.select({ id: events.id }).from(events).where(eq(events.slug, CAPACITY_EVENT.slug)).get()) return;
      const now = Date.now();
      const event = tx
        .insert(events)
        .values({
          slug: CAPACITY_EVENT.slug,
          name: CAPACITY_EVENT.name,
          description: "Ett litet evenemang för testerna av kö och platser.",
          venue: "Testhuset",
          startsOn: CAPACITY_EVENT.date,
          endsOn: CAPACITY_EVENT.date,
          published: true,
          signupOpensAt: new Date(now - 3600_000),
          signupClosesAt: new Date(now + 30 * 24 * 3600_000),
        })
        .returning()
        .get();
      const day = tx.insert(days).values({ eventId: event.id, date: CAPACITY_EVENT.date, name: "Testdagen" }).returning().get();
      const room = {
        small: tx.insert(rooms).values({ eventId: event.id, name: "Lilla rummet", capacity: 1 }).returning().get(),
        large: tx.insert(rooms).values({ eventId: event.id, name: "Aulan", capacity: 50 }).returning().get(),
      };
      const slot = Object.fromEntries(
        Object.entries(CAPACITY_SLOTS).map(([key, range]) => {
          const [start, end] = range.split("–");
          const row = tx
            .insert(timeSlots)
            .values({
              eventId: event.id,
              dayId: day.id,
              startsAt: zonedToUtc(CAPACITY_EVENT.date, start),
              endsAt: zonedToUtc(CAPACITY_EVENT.date, end),
              label: `Pass ${key}`,
            })
            .returning()
            .get();
          return [key, row];
        }),
      ) as Record<"A" | "B", typeof timeSlots.$inferSelect>;
      Object.values(FIXTURE_LARPASS).forEach((l: FixtureLarpass, i) => {
        tx.insert(larpass)
          .values({
            eventId: event.id,
            slug: l.slug,
            title: l.title,
            abstract: `Testlärpasset ${l.title}.`,
            status: "published",
            timeSlotId: slot[l.slot].id,
            roomId: room[l.room].id,
            capacity: l.capacity ?? null,
            sortOrder: i,
          })
          .run();
      });
    });
  } finally {
    db.$client.close();
  }
}

type TestDb = ReturnType<typeof openDatabase>;
type Tx = Parameters<Parameters<TestDb["transaction"]>[0]>[0];

/** Runs fn on the server's test database (WAL: fine while the server runs) and closes it again. */
export function withTestDb<T>(fn: (db: TestDb) => T): T {
  const db = openDatabase(readState().databasePath);
  try {
    return fn(db);
  } finally {
    db.$client.close();
  }
}

/**
 * A published event of a test's own (dated in the past, so it never becomes the current event) with one
 * day, one time slot and one room, inside the caller's transaction.
 */
export function insertTestEvent(
  tx: Tx,
  e: {
    slug: string;
    name: string;
    date: string;
    slot: readonly [start: string, end: string];
    room: { name: string; capacity: number };
    /** More columns of the event (the speakers' edit deadline, …). */
    more?: Partial<typeof events.$inferInsert>;
  },
) {
  const event = tx
    .insert(events)
    .values({ slug: e.slug, name: e.name, startsOn: e.date, endsOn: e.date, published: true, ...e.more })
    .returning()
    .get();
  const day = tx.insert(days).values({ eventId: event.id, date: e.date }).returning().get();
  const slot = tx
    .insert(timeSlots)
    .values({ eventId: event.id, dayId: day.id, startsAt: zonedToUtc(e.date, e.slot[0]), endsAt: zonedToUtc(e.date, e.slot[1]) })
    .returning()
    .get();
  const room = tx.insert(rooms).values({ eventId: event.id, name: e.room.name, capacity: e.room.capacity }).returning().get();
  return { event, day, slot, room };
}

/** Straight from the database: a lärpass row (undefined once it is deleted). */
export function larpassRow(id: number): typeof larpass.$inferSelect | undefined {
  return withTestDb((db) => db.select().from(larpass).where(eq(larpass.id, id)).get());
}

/** A new account (member, speaker or organiser) signed in through the outbox; gives back its address. */
export async function signInAs(page: Page, role: "member" | "speaker" | "organiser", label = "arr"): Promise<string> {
  const email = uniqueEmail(label);
  if (role !== "member") setRole(email, role);
  await signIn(page, email);
  return email;
}

/** A browser context without JavaScript, signed in as `page` is, with a client address of its own. */
export async function noScriptContext(browser: Browser, page: Page): Promise<BrowserContext> {
  return browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState(), extraHTTPHeaders: clientHeaders() });
}

/** Straight from the database: the id of a fixture lärpass. */
export function larpassIdOf(slug: string): number {
  const db = openDatabase(readState().databasePath);
  try {
    return db
      .select({ id: larpass.id })
      .from(larpass)
      .innerJoin(events, eq(events.id, larpass.eventId))
      .where(and(eq(events.slug, CAPACITY_EVENT.slug), eq(larpass.slug, slug)))
      .get()!.id;
  } finally {
    db.$client.close();
  }
}

/** Straight from the database: how many registrations (with the status) a fixture lärpass has. */
export function registrationCount(slug: string, status?: "confirmed" | "waitlisted"): number {
  const db = openDatabase(readState().databasePath);
  try {
    const event = db.select({ id: events.id }).from(events).where(eq(events.slug, CAPACITY_EVENT.slug)).get()!;
    const lp = db
      .select({ id: larpass.id })
      .from(larpass)
      .where(and(eq(larpass.eventId, event.id), eq(larpass.slug, slug)))
      .get()!;
    return db
      .select({ id: registrations.id })
      .from(registrations)
      .where(status ? and(eq(registrations.larpassId, lp.id), eq(registrations.status, status)) : eq(registrations.larpassId, lp.id))
      .all().length;
  } finally {
    db.$client.close();
  }
}

/** Straight from the database: the registrations of the account with this address (none if it has no account). */
export function registrationsOf(email: string): { larpassId: number; status: string }[] {
  const db = openDatabase(readState().databasePath);
  try {
    const user = db.select({ id: users.id }).from(users).where(eq(users.email, email)).get();
    if (!user) return [];
    return db
      .select({ larpassId: registrations.larpassId, status: registrations.status })
      .from(registrations)
      .where(eq(registrations.userId, user.id))
      .all();
  } finally {
    db.$client.close();
  }
}

/** Straight from the database: the account id for an address, or null. */
export function userIdOf(email: string): string | null {
  const db = openDatabase(readState().databasePath);
  try {
    return db.select({ id: users.id }).from(users).where(eq(users.email, email)).get()?.id ?? null;
  } finally {
    db.$client.close();
  }
}

export function fixtureLarpassPath(l: { slug: string }): string {
  return `/evenemang/${CAPACITY_EVENT.slug}/larpass/${l.slug}`;
}

/**
 * A made-up client address per browser context. The sign-in form limits mails per client address as well
 * as per e-mail address (20 per 10 minutes); without this every test of the whole run would count as the
 * same client (127.0.0.1) and the later sign-ins would be refused.
 */
export function clientHeaders(): Record<string, string> {
  const n = () => Math.floor(Math.random() * 254) + 1;
  return { "x-forwarded-for": `10.${n()}.${n()}.${n()}` };
}

/**
 * The sign-in link from the newest "Logga in" mail, pointed at the site the browser uses (baseURL,
 * "localhost"). e2e/server.ts sets AUTH_URL to http://127.0.0.1:<port>, so the mailed link (and its
 * callbackUrl) name 127.0.0.1: followed as is, Auth.js sets the session cookie for 127.0.0.1 and then
 * redirects to localhost, where the browser has no session.
 */
export async function signInLink(email: string, baseURL: string): Promise<string> {
  const mail = await latestMailTo(email, "Logga in");
  return onSite(mail.text.match(/https?:\/\/\S+/)![0], baseURL);
}

/** A sign-in link from any mail (an invitation, say), pointed at baseURL as signInLink() explains. */
export function onSite(raw: string, baseURL: string): string {
  const link = new URL(raw);
  const site = new URL(baseURL);
  const callback = link.searchParams.get("callbackUrl");
  if (callback && /^https?:\/\//.test(callback)) {
    const c = new URL(callback);
    link.searchParams.set("callbackUrl", `${site.origin}${c.pathname}${c.search}`);
  }
  return `${site.origin}${link.pathname}${link.search}`;
}

/** auth.ts's signIn() (form, outbox mail, link), with the link pointed at baseURL (see signInLink). */
export async function signIn(page: Page, email: string): Promise<void> {
  await page.goto("/logga-in");
  await page.getByLabel("E-postadress").fill(email);
  await page.getByRole("button", { name: "Skicka inloggningslänk" }).click();
  await expect(page.getByRole("heading", { name: "Kolla din e-post" })).toBeVisible();
  await page.goto(await signInLink(email, new URL(page.url()).origin));
  await expect(page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Mitt program" })).toBeVisible();
}
