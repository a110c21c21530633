import { spawn } from "node:child_process";
import fs from "node:fs";
import { createLargeEvent } from "./large-event";
import { documentHeaders } from "./browser";
import { request } from "./lib";
async function main() {
  const large = createLargeEvent();
  fs.rmSync("/tmp/prof", { recursive: true, force: true });
  const child = spawn(process.execPath, ["--cpu-prof", "--cpu-prof-dir=/tmp/prof", "node_modules/next/dist/bin/next", "start", "-H", "127.0.0.1", "-p", "3342"], {
    env: { ...process.env, DATABASE_PATH: large.file, AUTH_SECRET: "x", MAIL_OUTBOX: "1", NEXT_DIST_DIR: ".next-lead", NODE_ENV: "production" }, stdio: "inherit",
  });
  for (let i = 0; i < 100; i++) { try { await request({ port: 3342, path: "/icon.svg", method: "GET" }); break; } catch { await new Promise((r) => setTimeout(r, 300)); } }
  const cookie = `authjs.session-token=${large.memberToken}`;
  for (let i = 0; i < 5; i++) await request({ port: 3342, path: "/program", method: "GET", headers: documentHeaders(3342, cookie) });
  const t = performance.now();
  for (let i = 0; i < 40; i++) await request({ port: 3342, path: "/program", method: "GET", headers: documentHeaders(3342, cookie) });
  console.log("avg", ((performance.now() - t) / 40).toFixed(1), "ms");
  child.kill("SIGINT");
  await new Promise((r) => child.on("exit", r));
}
main();
