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
import { days, events, larpass, proposalCalls, proposalReviews, proposals, rooms, timeSlots, users } from "@/db/schema";
import { defaultTemplates } from "@/lib/proposals/call";
import { recordProposalRevision, snapshotProposal } from "@/lib/proposals/history";

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
  seedDemoProposals(database, result.eventId, now);
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

/**
 * The demo's call for proposals ("Föreslå ett lärpass") on the 2018 event: open from seeding and for a year,
 * with two proposals from two members, one sent in with a co-speaker and one already reviewed by the demo
 * organiser, so the organisers' list, the review and the decisions can be tried at once.
 */
export function seedDemoProposals(database: DB, eventId: number, now = new Date()): void {
  database.transaction((tx) => {
    tx.insert(proposalCalls)
      .values({
        eventId,
        opensAt: new Date(now.getTime() - 60_000),
        closesAt: new Date(now.getTime() + 365 * 24 * 3600_000),
        intro: "Reglabs medlemmar och partner föreslår lärpassen. Berätta vad ni arbetar med och vad de andra regionerna kan lära sig av det.\n\n- Ett lärpass är 45 minuter.\n- Ni får svar när inlämningen har stängt.",
        formats: [
          { name: "Lärpass", minutes: 45 },
          { name: "Kort lärpass", minutes: 20 },
        ],
        tracks: ["Innovation", "Analys och uppföljning", "Kompetensförsörjning"],
        languages: ["sv", "en"],
        criteria: ["Relevans för medlemmarna", "Genomförande"],
        acceptTemplate: defaultTemplates.accept,
        rejectTemplate: defaultTemplates.reject,
        changesTemplate: defaultTemplates.changes,
      })
      .run();
    const organiser = tx.select().from(users).where(eq(users.email, DEMO_ORGANISER_EMAIL)).get();
    const people = [
      { email: "maria.lind@example.org", name: "Maria Lind", organisation: "Region Västerbotten" },
      { email: "johan.ek@example.org", name: "Johan Ek", organisation: "Tillväxtverket" },
    ];
    const accounts = people.map(
      (p) => tx.insert(users).values({ email: p.email, name: p.name }).onConflictDoUpdate({ target: users.email, set: { name: p.name } }).returning().get(),
    );
    const rows = [
      tx
        .insert(proposals)
        .values({
          eventId,
          userId: accounts[0].id,
          proposerName: people[0].name,
          proposerOrganisation: people[0].organisation,
          title: "Smart specialisering i glesa regioner",
          abstract: "Hur Västerbotten och Norrbotten valde sina styrkeområden, och vad som hände sedan.\n\nVi visar **tre verktyg** som andra regioner kan använda direkt.",
          format: "Lärpass",
          track: "Innovation",
          language: "sv",
          coSpeakers: [{ name: "Anders Nordin", organisation: "Umeå universitet", email: "anders.nordin@example.org" }],
          message: "Vi behöver en projektor.",
          state: "submitted",
          submittedAt: now,
        })
        .returning()
        .get(),
      tx
        .insert(proposals)
        .values({
          eventId,
          userId: accounts[1].id,
          proposerName: people[1].name,
          proposerOrganisation: people[1].organisation,
          title: "Uppföljning som lärande",
          abstract: "Vad regionernas uppföljning av strukturfonderna har lärt oss, och hur analysen kan delas mellan regioner.",
          format: "Kort lärpass",
          track: "Analys och uppföljning",
          language: "sv",
          state: "in_review",
          submittedAt: now,
        })
        .returning()
        .get(),
    ];
    rows.forEach((row, i) =>
      recordProposalRevision(tx, {
        proposalId: row.id,
        author: { userId: accounts[i].id, label: `${people[i].name} (${people[i].email})`, role: "member" },
        what: "submitted",
        before: null,
        after: snapshotProposal(row),
      }),
    );
    if (organiser) {
      const scores = { "Relevans för medlemmarna": 4, Genomförande: 3 };
      tx.insert(proposalReviews).values({ proposalId: rows[1].id, reviewerId: organiser.id, reviewerLabel: `Demoarrangör (${DEMO_ORGANISER_EMAIL})`, scores, comment: "Aktuellt, men vill se ett konkret exempel." }).run();
      recordProposalRevision(tx, {
        proposalId: rows[1].id,
        author: { userId: organiser.id, label: `Demoarrangör (${DEMO_ORGANISER_EMAIL})`, role: "organiser" },
        what: "review",
        before: null,
        after: { scores, comment: "Aktuellt, men vill se ett konkret exempel." },
      });
    }
  });
}
