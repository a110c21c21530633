/**
 * npm run db:import -- --event <slug> <fil> [--status draft|published] [--yes]
 * npm run db:import -- --dry-run <fil>
 *
 * The file is read like an upload on the import page (lib/import/source.ts): UTF-8, UTF-16 or
 * Windows-1252, at most 1 MB; an empty or binary file is an error. An import that creates more than
 * LARGE_IMPORT_LARPASS lärpass asks first, or needs --yes when no one is there to answer.
 */
import fs from "node:fs";
import readline from "node:readline/promises";
import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import { databasePath, openDatabase } from "@/db/open";
import { events } from "@/db/schema";
import { larpassStatuses, type LarpassStatus } from "@/lib/domain";
import { parseProgramme, toDryRunJson } from "@/lib/import/parse-programme";
import { decodeImportFile, LARGE_IMPORT_LARPASS, MAX_IMPORT_BYTES, tooLargeMessage } from "@/lib/import/source";

const usage = `Användning:
  npm run db:import -- --event <evenemangets-slug> <fil> [--status draft|published] [--yes]
  npm run db:import -- --dry-run <fil>

  --yes  importera utan att fråga, också när importen skapar fler än ${LARGE_IMPORT_LARPASS} lärpass`;

function fail(message: string): never {
  console.error(`Fel: ${message}\n\n${usage}`);
  process.exit(1);
}

/** Asks on the terminal; without one (a pipe, a script) the answer is no, and --yes is the way. */
async function confirmLarge(creates: number, eventName: string): Promise<boolean> {
  if (!process.stdin.isTTY) return false;
  const rl = readline.createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await rl.question(`Importen skapar ${creates} nya lärpass i ${eventName}. Fortsätta? [j/N] `);
    return /^(j|ja|y|yes)$/i.test(answer.trim());
  } finally {
    rl.close();
  }
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
        yes: { type: "boolean", short: "y", default: false },
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
  let bytes: Uint8Array;
  let size: number;
  try {
    // The size first: a huge file is refused without reading it into memory.
    size = fs.statSync(file).size;
    bytes = size > MAX_IMPORT_BYTES ? new Uint8Array() : fs.readFileSync(file);
  } catch {
    fail(`kan inte läsa filen "${file}".`);
  }
  if (size > MAX_IMPORT_BYTES) fail(`kan inte importera "${file}". ${tooLargeMessage(size)}`);
  const decoded = decodeImportFile(bytes);
  if (!decoded.ok) fail(`kan inte importera "${file}". ${decoded.message}`);
  const programme = parseProgramme(decoded.text);

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
    if (programme.sessions.length === 0) {
      for (const w of programme.warnings) console.error(`  varning: ${w.message}`);
      fail(`hittade inga lärpass i "${file}". Varje lärpass är ett stycke: titel, sammanfattning och sist en rad med talarna.`);
    }
    const status = values.status as LarpassStatus;
    const plan = importProgramme({ eventId: event.id, programme, status, dryRun: true, database });
    const creates = plan.larpass.filter((l) => l.action === "create").length;
    if (creates > LARGE_IMPORT_LARPASS && !values.yes && !(await confirmLarge(creates, event.name))) {
      fail(
        process.stdin.isTTY
          ? "importen avbröts. Ingenting är sparat."
          : `importen skapar ${creates} nya lärpass i ${event.name} (fler än ${LARGE_IMPORT_LARPASS}). Ingenting är sparat. Är det rätt fil? Kör igen med --yes för att importera.`,
      );
    }
    const result = importProgramme({ eventId: event.id, programme, status, database });
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
