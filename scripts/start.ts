/**
 * npm start: migrate, seed the demo programme (only into an empty database), build, and serve.
 * Honours DATABASE_PATH and PORT. With no SMTP_URL, mail goes to the outbox (shown at /utveckling/utkorg).
 *
 * With `--exec-file <path>` (what `npm start` passes) it does not stay alive as the server's parent: it
 * writes a short shell script that sets the server's environment and `exec`s `next start`, and exits; the
 * npm script then `exec`s that script, so only npm and the server remain (no tsx, no second node).
 */
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { migrateDatabase } from "@/db/migrate";
import { listenPlan } from "@/lib/net/listen-plan";
import { databasePath, openDatabase } from "@/db/open";
import { DEMO_ORGANISER_EMAIL, seedDemo } from "./seed";

const port = process.env.PORT || "3000";
const file = databasePath();

// Decided first: a demo that would hand out sign-in links to the network does not start at all.
const plan = listenPlan(process.env);
if (!plan.ok) {
  console.error(`\nLärpass startar inte: ${plan.message}\n`);
  process.exit(1);
}

function authSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  // A secret per installation, kept beside the database so sessions survive restarts.
  const secretFile = path.join(path.dirname(path.resolve(file)), ".auth-secret");
  if (!fs.existsSync(secretFile)) {
    fs.mkdirSync(path.dirname(secretFile), { recursive: true });
    fs.writeFileSync(secretFile, crypto.randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return fs.readFileSync(secretFile, "utf8").trim();
}

const database = openDatabase(file);
migrateDatabase(database);
const { seeded, larpass } = seedDemo(database);
database.$client.close();
console.log(seeded ? `Demoprogrammet (${larpass} lärpass) är inlagt i ${file}.` : `Databas: ${file} (befintligt innehåll behålls).`);

const env: NodeJS.ProcessEnv = { ...process.env, AUTH_SECRET: authSecret(), PORT: port, DATABASE_PATH: file };
if (!env.SMTP_URL) env.MAIL_OUTBOX = "1";
// The machines this runs on are often offline: Next's anonymous telemetry would only try and fail.
env.NEXT_TELEMETRY_DISABLED ??= "1";
// Sign-in links point here; set AUTH_URL to the public address when serving beyond this machine.
env.AUTH_URL ??= `http://localhost:${port}`;

const next = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
if (process.env.SKIP_BUILD !== "1") {
  const build = spawnSync(process.execPath, [next, "build"], { stdio: "inherit", env });
  if (build.status !== 0) process.exit(build.status ?? 1);
  // The service worker (offline reading), built from the finished build's files: see serwist.config.mjs.
  const serwistCli = path.join(process.cwd(), "node_modules", "@serwist", "cli", "cli.js");
  const sw = spawnSync(process.execPath, [serwistCli, "build", "serwist.config.mjs", "--no-update-notifier"], { stdio: "inherit", env });
  if (sw.status !== 0) process.exit(sw.status ?? 1);
}

console.log(`\nLärpass startar på http://localhost:${port}`);
for (const warning of plan.warnings) console.warn(`\n${warning}`);
if (plan.outbox) {
  console.log(`Utkorgen (bara från den här datorn): http://localhost:${port}/utveckling/utkorg`);
  console.log(`Logga in som arrangör med ${DEMO_ORGANISER_EMAIL}.\n`);
}

const args = [next, "start", "-p", port, ...(plan.host ? ["-H", plan.host] : [])];
const execFile = process.argv.indexOf("--exec-file");
if (execFile > 0 && process.argv[execFile + 1]) {
  // Single quotes keep every value literal in sh; a quote inside one is closed, escaped and reopened.
  const quote = (v: string) => `'${v.replace(/'/g, `'\\''`)}'`;
  const names = ["AUTH_SECRET", "PORT", "DATABASE_PATH", "MAIL_OUTBOX", "NEXT_TELEMETRY_DISABLED", "AUTH_URL"] as const;
  const lines = [
    "# Written by scripts/start.ts for one start; it removes itself before the server starts.",
    'rm -f -- "$0" 2>/dev/null',
    ...names.filter((n) => env[n] != null).map((n) => `export ${n}=${quote(env[n]!)}`),
    `exec ${[process.execPath, ...args].map(quote).join(" ")}`,
    "",
  ];
  // It holds AUTH_SECRET: readable by its owner only, like data/.auth-secret.
  fs.mkdirSync(path.dirname(path.resolve(process.argv[execFile + 1])), { recursive: true });
  fs.writeFileSync(process.argv[execFile + 1], lines.join("\n"), { mode: 0o600 });
} else {
  const server = spawn(process.execPath, args, { stdio: "inherit", env });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  server.on("exit", (code) => process.exit(code ?? 0));
}
