/**
 * npm run bench: builds the app if needed, then measures the programme page and the sign-up rush.
 * Prints figures; it is not a test. Its last line is the comparable `signup: …` line.
 *   BENCH_MEMBERS=400 (default) sets how many members sign up at once.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { root } from "./lib";
import { benchProgramme } from "./programme";
import { benchSignup } from "./signup";

async function main() {
  if (!fs.existsSync(path.join(root, ".next", "BUILD_ID")) || process.env.BENCH_BUILD === "1") {
    const build = spawnSync(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "build"], { stdio: "inherit" });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  const n = Number(process.env.BENCH_MEMBERS ?? 400);
  await benchProgramme();
  const line = await benchSignup(n);
  console.log(line);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
