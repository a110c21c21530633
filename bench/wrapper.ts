import { fmt, freshDatabase, processGroup, startProcess } from "./lib";
import path from "node:path";

/**
 * What `npm start` keeps running beside `next start`: npm itself, the shell, tsx and scripts/start.ts stay
 * alive as parents of the server. Prints the resident memory of each (VmRSS from /proc), the server apart.
 */
export async function benchWrapper(port = 3341): Promise<void> {
  const { dir, file } = freshDatabase("start");
  const server = await startProcess(
    "npm",
    ["start", "--silent"],
    { NODE_ENV: "production", PORT: String(port), DATABASE_PATH: file, SKIP_BUILD: "1", AUTH_SECRET: "bench-secret-0123456789abcdef0123456789", MAIL_OUTBOX: "1" },
    port,
    path.join(dir, "npm-start.log"),
  );
  try {
    const group = processGroup(server.pid);
    const isServer = (p: { name: string; cmdline: string }) => /next-server/.test(p.name) || /next-server/.test(p.cmdline);
    const next = group.filter(isServer);
    const wrappers = group.filter((p) => !isServer(p));
    const mib = (ps: { rssKiB: number }[]) => ps.reduce((s, p) => s + p.rssKiB, 0) / 1024;
    console.log(
      `npm start: next-server ${fmt(mib(next), 0)} MB; omslagsprocesser ${fmt(mib(wrappers), 0)} MB ` +
        `(${wrappers.map((p) => `${p.name} ${fmt(p.rssKiB / 1024, 0)}`).join(", ") || "inga"})`,
    );
  } finally {
    server.stop();
  }
}
