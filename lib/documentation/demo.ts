// The demo's small documentation for the 2018 event: the two questions of a real seminar's documentation, a
// rating on every lärpass, a few answers in themes, one lärpass's summary with two group outputs, published.
// Answering is open for a year from seeding, like the demo's sign-up, so it can be tried at once.
import { asc, eq } from "drizzle-orm";
import type { DB } from "@/db";
import { larpass } from "@/db/schema";
import type { RevisionAuthor } from "@/lib/revisions";
import { saveLarpassDoc } from "./larpass-doc";
import { createQuestion, enableRatingForEveryLarpass, pasteAnswers, saveSettings, setPublished } from "./workspace";

const author: RevisionAuthor = { userId: null, label: "Demodata", role: "system" };

const intro = `## Bakgrund

Reglabs årskonferens samlar regioner, myndigheter och forskare kring regional utveckling.

## Syfte

Att dela erfarenheter mellan regionerna och ta med oss lärdomar hem.`;

export function seedDemoDocumentation(database: DB, eventId: number, now = new Date()): void {
  saveSettings({
    eventId,
    author,
    database,
    settings: {
      intro,
      sectionOrder: ["intro", "questions", "larpass", "ratings"],
      includeRatings: true,
      requireSignIn: true,
      answersOpenAt: new Date(now.getTime() - 60_000),
      answersCloseAt: new Date(now.getTime() + 365 * 24 * 3600_000),
    },
  });
  const q1 = createQuestion({ eventId, author, database, scope: "event", larpassId: null, kind: "text", prompt: "Det här tycker jag är en viktig fråga inför nästa konferens" });
  const q2 = createQuestion({ eventId, author, database, scope: "event", larpassId: null, kind: "text", prompt: "Det här tar jag med mig från idag" });
  enableRatingForEveryLarpass({ eventId, author, database });
  if (q1.ok) {
    pasteAnswers({ eventId, author, database, questionId: q1.id, larpassId: null, text: "## Regionens roll\nVad kan regionen göra som inte kommunen och staten kan?\nMinsta gemensamma nämnaren för arbetet i regionerna?\n## EU:s roll\nEU-perspektivet och framtida socialfond" });
  }
  if (q2.ok) {
    pasteAnswers({ eventId, author, database, questionId: q2.id, larpassId: null, text: "## Mötesmetod\nBra övning med inspel från olika perspektiv i gruppdiskussionen\n## Goda exempel\nKunskap om projekt som kan användas som förebilder\nBra idéer som jag ska lära mig mer om" });
  }
  const first = database.select().from(larpass).where(eq(larpass.eventId, eventId)).orderBy(asc(larpass.sortOrder), asc(larpass.id)).get();
  if (first) {
    saveLarpassDoc({
      larpassId: first.id,
      userId: "",
      asOrganiser: true,
      author,
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
  setPublished({ eventId, author, database, published: true });
}
