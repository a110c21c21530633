import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { migrateDatabase } from "@/db/migrate";
import { openDatabase } from "@/db/open";
import { seedDemo } from "@/scripts/seed";

export const root = path.resolve(__dirname, "..");
/** The build the bench serves: NEXT_DIST_DIR as in next.config.ts, so a bench can keep its own build. */
export const distDir = path.join(root, process.env.NEXT_DIST_DIR || ".next");

export function freshDatabase(label: string): { dir: string; file: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `larpass-bench-${label}-`));
  const file = path.join(dir, "bench.db");
  const db = openDatabase(file);
  migrateDatabase(db);
  seedDemo(db);
  db.$client.close();
  return { dir, file };
}

export type Server = { port: number; pid: number; stop: () => void };

/** Starts a process in its own group and waits until it answers HTTP. */
export async function startProcess(cmd: string, args: string[], env: NodeJS.ProcessEnv, port: number, logFile: string): Promise<Server> {
  const log = fs.openSync(logFile, "a");
  const child: ChildProcess = spawn(cmd, args, { env: { ...process.env, ...env }, detached: true, stdio: ["ignore", log, log] });
  child.unref();
  const stop = () => {
    try {
      // SIGINT lets node write the --cpu-prof profile on exit (after SIGTERM, Next's exit path skips it).
      process.kill(-child.pid!, process.env.BENCH_PROFILE ? "SIGINT" : "SIGTERM");
    } catch {
      /* gone */
    }
  };
  const until = Date.now() + 90_000;
  while (Date.now() < until) {
    try {
      const res = await request({ port, path: "/", method: "GET" });
      if (res.status < 500) return { port, pid: child.pid!, stop };
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  stop();
  throw new Error(`Servern på port ${port} startade inte:\n${fs.readFileSync(logFile, "utf8").slice(-3000)}`);
}

/** Processes in the process group led by `pgid` (from /proc): pid, name and resident memory in KiB. */
export function processGroup(pgid: number): { pid: number; name: string; cmdline: string; rssKiB: number }[] {
  const out: { pid: number; name: string; cmdline: string; rssKiB: number }[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Field 5 of /proc/<pid>/stat is the process group; the name (field 2) may contain spaces, so split after ")".
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) !== pgid) continue;
      const status = fs.readFileSync(`/proc/${entry}/status`, "utf8");
      out.push({
        pid: Number(entry),
        name: /^Name:\s+(.*)$/m.exec(status)?.[1] ?? "",
        cmdline: fs.readFileSync(`/proc/${entry}/cmdline`, "utf8").replace(/\0/g, " ").trim(),
        rssKiB: Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0),
      });
    } catch {
      /* exited meanwhile */
    }
  }
  return out;
}

/** VmRSS of the next-server process in the group (`next start` renames its process "next-server"). */
export function nextServerRssMiB(server: Server): number {
  const group = processGroup(server.pid);
  const next = group.find((p) => /next-server/.test(p.name) || /next-server/.test(p.cmdline)) ?? group.find((p) => p.pid === server.pid);
  return (next?.rssKiB ?? 0) / 1024;
}

export function startNext(port: number, databasePath: string, dir: string, extraEnv: Record<string, string> = {}): Promise<Server> {
  if (!fs.existsSync(path.join(distDir, "BUILD_ID"))) {
    throw new Error("Ingen produktionsbygge hittades: kör `npx next build` först (npm run bench gör det).");
  }
  // BENCH_PROFILE=<dir>: each server writes a V8 CPU profile there when it stops (open it in Chrome's DevTools).
  const profile = process.env.BENCH_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(process.env.BENCH_PROFILE)}`] : [];
  return startProcess(
    process.execPath,
    [...profile, path.join(root, "node_modules", "next", "dist", "bin", "next"), "start", "-H", "127.0.0.1", "-p", String(port)],
    {
      NODE_ENV: "production",
      DATABASE_PATH: databasePath,
      OUTBOX_PATH: path.join(dir, "outbox.jsonl"),
      MAIL_OUTBOX: "1",
      AUTH_SECRET: "bench-secret-0123456789abcdef0123456789",
      AUTH_URL: `http://localhost:${port}`,
      ...extraEnv,
    },
    port,
    path.join(dir, `next-${port}.log`),
  );
}

const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

export type Reply = { status: number; headers: http.IncomingHttpHeaders; body: Buffer; ms: number };

/** One HTTP request; the body is kept as sent on the wire (gzip when the server compressed it), see `text()`. */
export function request(opts: {
  port: number;
  path: string;
  method: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = http.request(
      { host: "127.0.0.1", port: opts.port, path: opts.path, method: opts.method, headers: opts.headers, agent },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), ms: performance.now() - started }));
      },
    );
    req.on("error", reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

/** The decoded text of a reply (gunzipped when the server compressed it). */
export function text(reply: Reply): string {
  return (reply.headers["content-encoding"] === "gzip" ? zlib.gunzipSync(reply.body) : reply.body).toString("utf8");
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export const fmt = (n: number, digits = 1) => n.toFixed(digits);
