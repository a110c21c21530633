// A separate Node process for lib/hostile-dates.test.ts: runs everything that walks over an event's dates
// against a database that already holds absurd ones, and prints what came out as JSON. A separate process
// so that a loop that never ends (as the schedule.xml's once did on 9999-12-31) is killed by the test's
// timeout and a small heap, instead of hanging the test run. Run with tsx and the react-server condition:
//
//   DATABASE_PATH=… tsx --conditions=react-server test/hostile-dates-worker.ts '["slug", …]'
import { eq } from "drizzle-orm";
import { openDatabase } from "@/db/open";
import { days, events } from "@/db/schema";
import { getScheduleXml } from "@/lib/schedule-xml";
import { firstFreeDate, formatDateSpan, formatIsoDate } from "@/lib/time";

export type HostileReport = {
  slug: string;
  ms: number;
  xml: string | null;
  /** What the organisers' hub shows: the event's dates and the next free day (app/arrangor/evenemang/[id]/page.tsx). */
  span: string;
  nextFreeDay: string;
  dayLabels: string[];
};

const database = openDatabase(process.env.DATABASE_PATH!);
const reports: HostileReport[] = [];
for (const slug of JSON.parse(process.argv[2]) as string[]) {
  const started = performance.now();
  const event = database.select().from(events).where(eq(events.slug, slug)).get()!;
  const xml = getScheduleXml({ slug, database, baseUrl: "https://larpass.example.se" });
  const taken = database.select().from(days).where(eq(days.eventId, event.id)).all().map((d) => d.date);
  const nextFreeDay = firstFreeDate(event.startsOn, event.endsOn, taken);
  const span = formatDateSpan(event.startsOn, event.endsOn);
  const dayLabels = taken.map(formatIsoDate);
  reports.push({ slug, ms: performance.now() - started, xml, span, nextFreeDay, dayLabels });
}
database.$client.close();
process.stdout.write(JSON.stringify(reports));
