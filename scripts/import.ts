/**
 * npm run db:import -- --event <slug> <fil> [--status draft|published]
 * npm run db:import -- --dry-run <fil>
 */
import fs from "node:fs";
import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import { databasePath, openDatabase } from "@/db/open";
import { events } from "@/db/schema";
import { larpassStatuses, type LarpassStatus } from "@/lib/domain";
import { parseProgramme, toDryRunJson } from "@/lib/import/parse-programme";

const usage = `Användning:
  npm run db:import -- --event <evenemangets-slug> <fil> [--status draft|published]
  npm run db:import -- --dry-run <fil>`;

function fail(message: string): never {
  console.error(`Fel: ${message}\n\n${usage}`);
  process.exit(1);
}

async function main() {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        event: { type: "string" },
        "dry-run": { type: "boolean", default: false },
        status: { type: "string", default: "published" },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (e) {
    fail(`okänt argument (${(e as Error).message}).`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(usage);
    return;
  }
  if (positionals.length !== 1) fail("ange exakt en fil att importera.");
  const file = positionals[0];
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    fail(`kan inte läsa filen "${file}".`);
  }
  const programme = parseProgramme(text);

  if (values["dry-run"]) {
    process.stdout.write(`${JSON.stringify(toDryRunJson(programme), null, 2)}\n`);
    return;
  }
  if (!values.event) fail("ange evenemanget med --event <slug> (eller --dry-run för att bara tolka filen).");
  if (!larpassStatuses.includes(values.status as LarpassStatus)) fail(`okänd status "${values.status}".`);

  // Loaded only now: importing it opens the app's database (db/index.ts), which a dry run must not touch.
  const { importProgramme } = await import("@/lib/import/import-programme");
  const database = openDatabase(databasePath());
  try {
    const event = database.select().from(events).where(eq(events.slug, values.event)).get();
    if (!event) {
      const slugs = database.select({ slug: events.slug }).from(events).all().map((e) => e.slug);
      fail(`evenemanget "${values.event}" finns inte. Befintliga: ${slugs.join(", ") || "(inga)"}.`);
    }
    const result = importProgramme({ eventId: event.id, programme, status: values.status as LarpassStatus, database });
    const countOf = (list: { action: string }[], action: string) => list.filter((x) => x.action === action).length;
    console.log(`Importerat till ${event.name}:`);
    console.log(`  lärpass: ${countOf(result.larpass, "create")} nya, ${countOf(result.larpass, "update")} uppdaterade, ${countOf(result.larpass, "unchanged")} oförändrade`);
    console.log(`  talare: ${countOf(result.speakers, "create")} nya, ${countOf(result.speakers, "update")} uppdaterade`);
    console.log(`  organisationer: ${countOf(result.organisations, "create")} nya`);
    for (const w of result.warnings) console.log(`  varning: ${w.message}`);
  } finally {
    database.$client.close();
  }
}

void main();
