// The import CLI, run as a real process (tsx) against a temporary SQLite file.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it, vi } from "vitest";

// Every case starts a tsx process (~1–2 s each on a small machine).
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const root = fileURLToPath(new URL("..", import.meta.url));
const tsx = path.join(root, "node_modules", ".bin", "tsx");
const fixture = "lib/import/fixtures/larpass-2018.txt";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "larpass-cli-"));
const dbFile = path.join(dir, "cli.db");

type Result = { status: number | null; stdout: string; stderr: string };

/** Runs a command in the project root with DATABASE_PATH set; resolves with its exit code and output. */
function exec(command: string, args: string[], env: Record<string, string> = {}): Promise<Result> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { cwd: root, encoding: "utf8", env: { ...process.env, DATABASE_PATH: dbFile, NODE_OPTIONS: "", ...env }, timeout: 60_000 },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== "number") reject(error);
        else resolve({ status: error ? (error.code as number) : 0, stdout, stderr });
      },
    );
  });
}
const cli = (args: string[], env?: Record<string, string>): Promise<Result> => exec(tsx, ["scripts/import.ts", ...args], env);

function rowCounts(): Record<string, number> {
  const sqlite = new Database(dbFile, { readonly: true });
  try {
    const n = (table: string) => (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return {
      events: n("events"),
      organisations: n("organisations"),
      speakers: n("speakers"),
      larpass: n("larpass"),
      larpass_speakers: n("larpass_speakers"),
    };
  } finally {
    sqlite.close();
  }
}

/** A programme of n lärpass (with one speaker each, the same one). */
function manyLarpass(n: number, prefix = "Lärpass"): string {
  const blocks = Array.from({ length: n }, (_, i) => `${prefix} nummer ${i + 1}\nEn kort sammanfattning.\nAnna Berg, Region Västerbotten`);
  return `Lärpass i mängd\n\n${blocks.join("\n\n")}\n`;
}

/** The start of a PNG image: binary, with NUL bytes. */
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89]);

describe.concurrent("--dry-run", () => {
  it("reads UTF-16 (with a byte order mark, or without one) like UTF-8: the same 14 lärpass", async () => {
    const text = fs.readFileSync(path.join(root, fixture), "utf8");
    const le = Buffer.from(text, "utf16le");
    const be = Buffer.from(le).swap16();
    const files: [string, Buffer][] = [
      ["utf16le-bom.txt", Buffer.concat([Buffer.from([0xff, 0xfe]), le])],
      ["utf16be-bom.txt", Buffer.concat([Buffer.from([0xfe, 0xff]), be])],
      ["utf16le.txt", le],
      ["utf16be.txt", be],
      ["cp1252.txt", Buffer.from(text.replace(/[^\u0000-\u00ff]/g, "-"), "latin1")],
    ];
    const [reference, ...results] = await Promise.all([
      cli(["--dry-run", fixture]),
      ...files.map(([name, bytes]) => {
        fs.writeFileSync(path.join(dir, name), bytes);
        return cli(["--dry-run", path.join(dir, name)]);
      }),
    ]);
    const expected = JSON.parse(reference.stdout);
    for (const [i, [name]] of files.entries()) {
      expect(results[i].status, `${name}: ${results[i].stderr}`).toBe(0);
      const json = JSON.parse(results[i].stdout);
      expect(json.sessions, name).toHaveLength(14);
      if (name.startsWith("utf16")) expect(json, name).toEqual(expected);
      else expect(json.sessions.map((x: { title: string }) => x.title), name).toContain("Behåll talangerna!");
    }
  });

  it("an empty or a binary file: exit code 1 and a Swedish message, no JSON", async () => {
    const empty = path.join(dir, "tom-dry.txt");
    const binary = path.join(dir, "bild-dry.png");
    fs.writeFileSync(empty, "");
    fs.writeFileSync(binary, PNG);
    const [e, b] = await Promise.all([cli(["--dry-run", empty]), cli(["--dry-run", binary])]);
    expect(e.status).toBe(1);
    expect(e.stderr).toContain(`Fel: kan inte importera "${empty}". Filen är tom.`);
    expect(e.stdout).toBe("");
    expect(b.status).toBe(1);
    expect(b.stderr).toContain(`Fel: kan inte importera "${binary}". Filen är inte text`);
    expect(b.stdout).toBe("");
  });

  it("prints only JSON with exactly the keys sessions and warnings, 14 sessions", async () => {
    const r = await cli(["--dry-run", fixture]);
    expect(r.status, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual(["sessions", "warnings"]);
    expect(json.sessions).toHaveLength(14);
    expect(Object.keys(json.sessions[0])).toEqual(["title", "abstract", "speakers"]);
    expect(json.sessions[0].title).toBe("Tillbaka till framtiden");
    const behall = json.sessions.find((s: { title: string }) => s.title === "Behåll talangerna!");
    expect(behall.speakers).toEqual([
      { name: "Britta Zetterlund-Johansson", role: null, organisation: "Region Värmland" },
      { name: "Anne-Charlotte Sverkström", role: null, organisation: "Effect management" },
      { name: "Maja Hedin", role: null, organisation: "Effect management" },
    ]);
    expect(Array.isArray(json.warnings)).toBe(true);
    for (const w of json.warnings) expect(Object.keys(w)).toEqual(["line", "message"]);
    expect(r.stdout.endsWith("}\n")).toBe(true);
  });

  it("touches no database: not even an empty file is created", async () => {
    const untouched = path.join(dir, "sub", "never.db");
    const r = await cli(["--dry-run", fixture], { DATABASE_PATH: untouched });
    expect(r.status, r.stderr).toBe(0);
    expect(fs.existsSync(untouched)).toBe(false);
    expect(fs.existsSync(path.dirname(untouched))).toBe(false);
  });

  it("through npm: `npm run -s db:import -- --dry-run` is pure JSON (without -s npm prints its banner on stdout)", async () => {
    const silent = await exec("npm", ["run", "-s", "db:import", "--", "--dry-run", fixture]);
    expect(silent.status, silent.stderr).toBe(0);
    expect(JSON.parse(silent.stdout).sessions).toHaveLength(14);
  });
});

describe("--event", () => {
  beforeAll(async () => {
    for (const script of ["db/migrate.ts", "scripts/seed.ts"]) {
      const r = await exec(tsx, [script]);
      expect(r.status, r.stderr).toBe(0);
    }
  });

  it("re-importing the seeded file twice creates no duplicates", async () => {
    const seeded = rowCounts();
    expect(seeded).toEqual({ events: 1, organisations: 17, speakers: 29, larpass: 14, larpass_speakers: 29 });
    for (let i = 0; i < 2; i++) {
      const r = await cli(["--event", "arskonferens-2018", fixture]);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toContain("Importerat till Reglabs årskonferens 2018:");
      expect(r.stdout).toContain("lärpass: 0 nya, 0 uppdaterade, 14 oförändrade");
      expect(r.stdout).toContain("talare: 0 nya, 0 uppdaterade");
      expect(r.stdout).toContain("organisationer: 0 nya");
      expect(rowCounts()).toEqual(seeded);
    }
  });

  it("an edited file updates in place and reports it", async () => {
    const before = rowCounts();
    const edited = path.join(dir, "edited.txt");
    fs.writeFileSync(
      edited,
      fs.readFileSync(path.join(root, fixture), "utf8").replace("Mats Andersson, ESF-rådet", "Mats Andersson, ESF-rådet och Eva Ek, Region Jämtland Härjedalen"),
    );
    const r = await cli(["--event", "arskonferens-2018", edited]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain("lärpass: 0 nya, 1 uppdaterade, 13 oförändrade");
    expect(r.stdout).toContain("talare: 1 nya, 0 uppdaterade");
    expect(r.stdout).toContain("organisationer: 1 nya");
    expect(rowCounts()).toEqual({ ...before, organisations: before.organisations + 1, speakers: before.speakers + 1, larpass_speakers: before.larpass_speakers + 1 });
  });

  it("an unknown event: exit code 1, a Swedish message listing the existing events, nothing written", async () => {
    const before = rowCounts();
    const r = await cli(["--event", "finns-inte-2099", fixture]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Fel: evenemanget "finns-inte-2099" finns inte. Befintliga: arskonferens-2018.');
    expect(r.stderr).toContain("Användning:");
    expect(r.stdout).toBe("");
    expect(rowCounts()).toEqual(before);
  });

  it("a file that would create more than 100 lärpass: without a terminal it needs --yes, and says so", async () => {
    const before = rowCounts();
    const many = path.join(dir, "manga.txt");
    fs.writeFileSync(many, manyLarpass(101));
    const refused = await cli(["--event", "arskonferens-2018", many]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("Fel: importen skapar 101 nya lärpass i Reglabs årskonferens 2018 (fler än 100). Ingenting är sparat.");
    expect(refused.stderr).toContain("Kör igen med --yes för att importera.");
    expect(refused.stdout).toBe("");
    expect(rowCounts()).toEqual(before);

    const accepted = await cli(["--event", "arskonferens-2018", "--status", "draft", "--yes", many]);
    expect(accepted.status, accepted.stderr).toBe(0);
    expect(accepted.stdout).toContain("lärpass: 101 nya, 0 uppdaterade, 0 oförändrade");
    expect(rowCounts().larpass).toBe(before.larpass + 101);
  });

  it("100 new lärpass or fewer import without asking", async () => {
    const few = path.join(dir, "hundra.txt");
    fs.writeFileSync(few, manyLarpass(100, "Hundra"));
    const r = await cli(["--event", "arskonferens-2018", "--status", "draft", few]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain("lärpass: 100 nya");
  });

  it("empty, binary, too large, or without any lärpass: exit code 1, a Swedish message, nothing written", async () => {
    const before = rowCounts();
    const cases: [string, string | Buffer, string][] = [
      ["tom.txt", "", 'Fel: kan inte importera "FILE". Filen är tom.'],
      ["blanka.txt", "\ufeff\n  \r\n", 'Fel: kan inte importera "FILE". Filen är tom.'],
      ["bild.png", PNG, 'Fel: kan inte importera "FILE". Filen är inte text'],
      ["stor.txt", "x".repeat(1_200_000), 'Fel: kan inte importera "FILE". Filen är för stor (1,2 MB). Den får vara högst 1 MB.'],
      ["bara-rubrik.txt", "Lärpass 2020\n\nInledning.\n", 'Fel: hittade inga lärpass i "FILE".'],
    ];
    const results = await Promise.all(
      cases.map(([name, content]) => {
        const file = path.join(dir, name);
        fs.writeFileSync(file, content);
        return cli(["--event", "arskonferens-2018", file]);
      }),
    );
    for (const [i, [name, , message]] of cases.entries()) {
      expect(results[i].status, name).toBe(1);
      expect(results[i].stderr, name).toContain(message.replace("FILE", path.join(dir, name)));
      expect(results[i].stdout, name).toBe("");
    }
    expect(rowCounts()).toEqual(before);
  });

  it("an unknown status: exit code 1", async () => {
    const r = await cli(["--event", "arskonferens-2018", "--status", "hemlig", fixture]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Fel: okänd status "hemlig".');
  });
});

describe.concurrent("usage errors", () => {
  it("a missing file: exit code 1 and a Swedish message", async () => {
    const runs = [["--dry-run", "finns/inte.txt"], ["--event", "arskonferens-2018", "finns/inte.txt"]].map((args) => cli(args));
    for (const r of await Promise.all(runs)) {
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('Fel: kan inte läsa filen "finns/inte.txt".');
      expect(r.stdout).toBe("");
    }
  });

  it("no file, two files, no --event, an unknown flag: exit code 1 with a Swedish message", async () => {
    const cases: [string[], string][] = [
      [["--dry-run"], "Fel: ange exakt en fil att importera."],
      [["--dry-run", fixture, fixture], "Fel: ange exakt en fil att importera."],
      [[fixture], "Fel: ange evenemanget med --event <slug>"],
      [["--okand", fixture], "Fel: okänt argument"],
    ];
    const results = await Promise.all(cases.map(([args]) => cli(args)));
    for (const [i, [args, message]] of cases.entries()) {
      const r = results[i];
      expect(r.status, args.join(" ")).toBe(1);
      expect(r.stderr, args.join(" ")).toContain(message);
    }
  });

  it("--help prints the usage and exits 0", async () => {
    const r = await cli(["--help"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("npm run db:import -- --dry-run <fil>");
  });
});
