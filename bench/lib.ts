import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { migrateDatabase } from "@/db/migrate";
import { openDatabase } from "@/db/open";
import { seedDemo } from "@/scripts/seed";

export const root = path.resolve(__dirname, "..");

export function freshDatabase(label: string): { dir: string; file: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `larpass-bench-${label}-`));
  const file = path.join(dir, "bench.db");
  const db = openDatabase(file);
  migrateDatabase(db);
  seedDemo(db);
  db.$client.close();
  return { dir, file };
}

export type Server = { port: number; stop: () => void };

/** Starts a process in its own group and waits until it answers HTTP. */
export async function startProcess(cmd: string, args: string[], env: NodeJS.ProcessEnv, port: number, logFile: string): Promise<Server> {
  const log = fs.openSync(logFile, "a");
  const child: ChildProcess = spawn(cmd, args, { env: { ...process.env, ...env }, detached: true, stdio: ["ignore", log, log] });
  child.unref();
  const stop = () => {
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      /* gone */
    }
  };
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    try {
      const res = await request({ port, path: "/", method: "GET" });
      if (res.status < 500) return { port, stop };
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  stop();
  throw new Error(`Servern på port ${port} startade inte:\n${fs.readFileSync(logFile, "utf8").slice(-3000)}`);
}

export function startNext(port: number, databasePath: string, dir: string): Promise<Server> {
  if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) {
    throw new Error("Ingen produktionsbygge hittades: kör `npx next build` först (npm run bench gör det).");
  }
  return startProcess(
    process.execPath,
    [path.join(root, "node_modules", "next", "dist", "bin", "next"), "start", "-H", "127.0.0.1", "-p", String(port)],
    {
      NODE_ENV: "production",
      DATABASE_PATH: databasePath,
      OUTBOX_PATH: path.join(dir, "outbox.jsonl"),
      MAIL_OUTBOX: "1",
      AUTH_SECRET: "bench-secret-0123456789abcdef0123456789",
      AUTH_URL: `http://localhost:${port}`,
    },
    port,
    path.join(dir, `next-${port}.log`),
  );
}

const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

export function request(opts: {
  port: number;
  path: string;
  method: string;
  headers?: Record<string, string>;
  body?: string;
}): Promise<{ status: number; body: string; ms: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = http.request(
      { host: "127.0.0.1", port: opts.port, path: opts.path, method: opts.method, headers: opts.headers, agent },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8"), ms: performance.now() - started }),
        );
      },
    );
    req.on("error", reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export const fmt = (n: number, digits = 1) => n.toFixed(digits);
