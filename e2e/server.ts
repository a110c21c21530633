import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const stateFile = path.join(os.tmpdir(), `larpass-e2e-${process.env.E2E_PORT ?? 3210}.json`);

export type ServerState = { pid: number; dir: string; databasePath: string; outboxPath: string; port: number };

/**
 * Starts the production build (`next start`) against a fresh, migrated and seeded SQLite file in its own
 * process group, so teardown can stop it and every child with one signal.
 */
export async function startServer(port: number): Promise<ServerState> {
  // A server left behind by an interrupted run (its state file survived): stop it first.
  await stopServer();
  // Anything else answering on the port would silently be tested instead of this build.
  if (!(await portFree(port, 5_000))) {
    throw new Error(`Port ${port} används redan: stoppa den servern eller välj en annan port med E2E_PORT.`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "larpass-e2e-"));
  const databasePath = path.join(dir, "e2e.db");
  const outboxPath = path.join(dir, "outbox.jsonl");
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production" as const,
    DATABASE_PATH: databasePath,
    OUTBOX_PATH: outboxPath,
    PORT: String(port),
    AUTH_SECRET: "e2e-secret-not-for-production-0123456789abcdef",
    AUTH_URL: `http://127.0.0.1:${port}`,
    AUTH_TRUST_HOST: "true",
    LARPASS_ALLOW_OUTBOX: "1",
    MAIL_OUTBOX: "1", // lib/mail.ts refuses to start in production without SMTP unless mail goes to the outbox
    LARPASS_E2E: "1",
  };
  const tsx = path.join(process.cwd(), "node_modules", ".bin", "tsx");
  for (const script of ["db/migrate.ts", "scripts/seed.ts"]) {
    await run(tsx, [script], env);
  }
  const logFile = path.join(dir, "server.log");
  const log = fs.openSync(logFile, "a");
  const child = spawn(
    process.execPath,
    [path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next"), "start", "-H", "127.0.0.1", "-p", String(port)],
    { env, detached: true, stdio: ["ignore", log, log] },
  );
  child.unref();
  let exited: number | null | undefined;
  child.on("exit", (code) => (exited = code));
  const state: ServerState = { pid: child.pid!, dir, databasePath, outboxPath, port };
  fs.writeFileSync(stateFile, JSON.stringify(state));
  try {
    await waitForHttp(`http://127.0.0.1:${port}/`, 60_000, logFile, () => exited);
  } catch (error) {
    // Global teardown does not run when global setup fails: do not leave the server behind.
    await stopServer({ keepDir: true });
    throw error;
  }
  return state;
}

/** Stops the server's whole process group and waits (up to 5 s, then SIGKILL) until it is gone. */
export async function stopServer({ keepDir = !!process.env.E2E_KEEP } = {}): Promise<void> {
  if (!fs.existsSync(stateFile)) return;
  const state = JSON.parse(fs.readFileSync(stateFile, "utf8")) as ServerState;
  fs.rmSync(stateFile, { force: true });
  if (isNextServer(state.pid)) {
    signalGroup(state.pid, "SIGTERM");
    const until = Date.now() + 5_000;
    while (signalGroup(state.pid, 0) && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    signalGroup(state.pid, "SIGKILL");
  }
  if (!keepDir) fs.rmSync(state.dir, { recursive: true, force: true });
}

/** Signals the process group led by `pid`; false when no such group is left. */
function signalGroup(pid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}

/** Guards against a reused pid when a stale state file is cleaned up (only checkable where /proc exists). */
function isNextServer(pid: number): boolean {
  if (!fs.existsSync("/proc/self")) return true;
  try {
    return /next/.test(fs.readFileSync(`/proc/${pid}/cmdline`, "utf8"));
  } catch {
    return false; // no such process
  }
}

export function readState(): ServerState {
  return JSON.parse(fs.readFileSync(stateFile, "utf8")) as ServerState;
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args, { env, stdio: "inherit" });
    p.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(" ")} avslutades med ${code}`))));
  });
}

/** True once nothing answers on the port (a server stopped a moment ago may still be closing). */
async function portFree(port: number, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(2_000) });
    } catch {
      return true;
    }
    if (Date.now() > until) return false;
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function waitForHttp(url: string, timeoutMs: number, logFile: string, exitCode: () => number | null | undefined): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (exitCode() !== undefined) break; // the server died (port taken, missing build, ...): no point waiting
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const why = exitCode() !== undefined ? `Servern avslutades (kod ${exitCode()})` : `Servern svarade inte på ${url}`;
  throw new Error(`${why}:\n${fs.readFileSync(logFile, "utf8").slice(-4000)}`);
}
