import fs from "node:fs";
import path from "node:path";
import { asc, count, eq } from "drizzle-orm";
import { saveLarpassDoc } from "@/lib/documentation/larpass-doc";
import { createQuestion, enableRatingForEveryLarpass, pasteAnswers, saveSettings, setPublished } from "@/lib/documentation/workspace";
import { importProgramme } from "@/lib/import/import-programme";
import { reviseAround, type RevisionAuthor } from "@/lib/revisions";
import { parseProgramme } from "@/lib/import/parse-programme";
import { zonedToUtc } from "@/lib/time";
import { databasePath, openDatabase, type DB } from "@/db/open";
import { days, events, larpass, rooms, timeSlots, users } from "@/db/schema";

const demoAuthor: RevisionAuthor = { userId: null, label: "Demodata", role: "system" };

export const DEMO_EVENT_SLUG = "arskonferens-2018";
/** The demo's organiser account: sign in with this address (the link arrives in the outbox). */
export const DEMO_ORGANISER_EMAIL = "arrangor@example.org";
export const demoFixture = path.join(process.cwd(), "lib", "import", "fixtures", "larpass-2018.txt");

const demoRooms = [
  { name: "Stora salen", capacity: 80 },
  { name: "Lilla salen", capacity: 40 },
  { name: "Rum Norrland", capacity: 30 },
  { name: "Rum Svealand", capacity: 30 },
  { name: "Rum Götaland", capacity: 24 },
];
const demoSlots = [
  ["09:00", "09:45"],
  ["10:15", "11:00"],
  ["11:15", "12:00"],
] as const;

/**
 * The demo programme: the published 2018 lärpass list run through the ordinary import, then laid out as
 * a real day (three slots of up to five parallel lärpass). Runs only on an empty database, so a restart
 * never duplicates or overwrites what organisers have entered.
 *
 * The lärpass keep their 2018 date, but sign-up is opened from the moment of seeding and for a year, so
 * the demo can be tried out: choosing, switching, queueing.
 */
export function seedDemo(database: DB, { now = new Date() }: { now?: Date } = {}): { seeded: boolean; larpass: number } {
  const [{ n }] = database.select({ n: count() }).from(events).all();
  if (n > 0) return { seeded: false, larpass: 0 };

  const programme = parseProgramme(fs.readFileSync(demoFixture, "utf8"));
  const date = "2018-03-15";
  const result = database.transaction(
    (tx) => {
      const event = tx
        .insert(events)
        .values({
          slug: DEMO_EVENT_SLUG,
          name: "Reglabs årskonferens 2018",
          description: programme.intro,
          startsOn: "2018-03-14",
          endsOn: "2018-03-15",
          published: false,
          signupOpensAt: new Date(now.getTime() - 60_000),
          signupClosesAt: new Date(now.getTime() + 365 * 24 * 3600_000),
        })
        .returning()
        .get();
      const day = tx.insert(days).values({ eventId: event.id, date, name: "Dag 2: lärpass" }).returning().get();
      const roomRows = tx
        .insert(rooms)
        .values(demoRooms.map((r) => ({ ...r, eventId: event.id })))
        .returning()
        .all();
      const slotRows = tx
        .insert(timeSlots)
        .values(
          demoSlots.map(([start, end], i) => ({
            eventId: event.id,
            dayId: day.id,
            startsAt: zonedToUtc(date, start),
            endsAt: zonedToUtc(date, end),
            label: `Lärpass ${i + 1}`,
          })),
        )
        .returning()
        .all();
      const result = importProgramme({ eventId: event.id, programme, status: "published", database: tx as unknown as DB });
      // Scheduled as a change of its own, so each lärpass's history shows when it got its time and room.
      reviseAround(tx as unknown as DB, { entity: "larpass", ids: result.larpassIds, author: demoAuthor }, () =>
        result.larpassIds.forEach((id, i) => {
          const slot = slotRows[Math.floor(i / roomRows.length) % slotRows.length];
          const room = roomRows[i % roomRows.length];
          tx.update(larpass).set({ timeSlotId: slot.id, roomId: room.id }).where(eq(larpass.id, id)).run();
        }),
      );
      tx.update(events).set({ published: true }).where(eq(events.id, event.id)).run();
      tx.insert(users)
        .values({ email: DEMO_ORGANISER_EMAIL, name: "Demoarrangör", role: "organiser" })
        .onConflictDoNothing()
        .run();
      return { seeded: true, larpass: result.larpassIds.length, eventId: event.id };
    },
    { behavior: "immediate" },
  );
  // The documentation's own functions each run their transaction, so they follow the programme's.
  seedDemoDocumentation(database, result.eventId, now);
  return { seeded: result.seeded, larpass: result.larpass };
}

const demoIntro = `## Bakgrund

Reglabs årskonferens samlar regioner, myndigheter och forskare kring regional utveckling.

## Syfte

Att dela erfarenheter mellan regionerna och ta med oss lärdomar hem.`;

/**
 * The demo's small documentation for the 2018 event: the two questions of a real seminar's documentation, a
 * rating on every lärpass, a few answers in themes, one lärpass's summary with two group outputs, published.
 * Answering is open for a year from seeding, like the demo's sign-up, so it can be tried at once. Built with
 * the workspace's own functions, as an organiser would.
 */
export function seedDemoDocumentation(database: DB, eventId: number, now = new Date()): void {
  saveSettings({
    eventId,
    author: demoAuthor,
    database,
    settings: {
      intro: demoIntro,
      sectionOrder: ["intro", "questions", "larpass", "ratings"],
      includeRatings: true,
      requireSignIn: true,
      answersOpenAt: new Date(now.getTime() - 60_000),
      answersCloseAt: new Date(now.getTime() + 365 * 24 * 3600_000),
    },
  });
  const q1 = createQuestion({ eventId, author: demoAuthor, database, scope: "event", larpassId: null, kind: "text", prompt: "Det här tycker jag är en viktig fråga inför nästa konferens" });
  const q2 = createQuestion({ eventId, author: demoAuthor, database, scope: "event", larpassId: null, kind: "text", prompt: "Det här tar jag med mig från idag" });
  enableRatingForEveryLarpass({ eventId, author: demoAuthor, database });
  if (q1.ok) {
    pasteAnswers({ eventId, author: demoAuthor, database, questionId: q1.id, larpassId: null, text: "## Regionens roll\nVad kan regionen göra som inte kommunen och staten kan?\nMinsta gemensamma nämnaren för arbetet i regionerna?\n## EU:s roll\nEU-perspektivet och framtida socialfond" });
  }
  if (q2.ok) {
    pasteAnswers({ eventId, author: demoAuthor, database, questionId: q2.id, larpassId: null, text: "## Mötesmetod\nBra övning med inspel från olika perspektiv i gruppdiskussionen\n## Goda exempel\nKunskap om projekt som kan användas som förebilder\nBra idéer som jag ska lära mig mer om" });
  }
  const first = database.select().from(larpass).where(eq(larpass.eventId, eventId)).orderBy(asc(larpass.sortOrder), asc(larpass.id)).get();
  if (first) {
    saveLarpassDoc({
      larpassId: first.id,
      userId: "",
      rows: "any",
      author: demoAuthor,
      expectedVersion: 0,
      database,
      input: {
        summary: "Deltagarna arbetade i grupper med scenarier för regionens roll år 2030.",
        groups: [
          { title: "Trädgårdsmästaren (grupp 1)", points: ["Samordnar nätverk", "Ger sektorsövergripande perspektiv", "Långsiktigt hållbart"] },
          { title: "Loket (grupp 2)", points: ["Tydlig regional ledare", "Genomförare", "Driver och upphandlar utbildning"] },
        ],
        quotes: ["Vi har så mycket att lära av varandra!"],
        slides: [],
      },
    });
  }
  setPublished({ eventId, author: demoAuthor, database, published: true });
}

if (typeof require !== "undefined" && require.main === module) {
  const file = databasePath();
  const database = openDatabase(file);
  const { seeded, larpass: n } = seedDemo(database);
  database.$client.close();
  console.log(
    seeded
      ? `Demoprogrammet (lärpass 2018, ${n} lärpass) är inlagt i ${file}.`
      : `Databasen ${file} har redan innehåll: demoprogrammet läggs inte in igen.`,
  );
}
