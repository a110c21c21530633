/**
 * npm run bench: builds the app if needed, then measures the programme page and the sign-up rush on each path
 * a member's click can take. Prints figures; it is not a test. Its last line is the comparable `signup: …` line.
 *   BENCH_MEMBERS=400 (default) sets how many members sign up at once.
 *   BENCH_SPREAD_S=60 (default) spreads the same members over that many seconds; 0 skips it.
 *   BENCH_BUILD=1 builds first; NEXT_DIST_DIR picks the build folder (as in next.config.ts).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { distDir, root } from "./lib";
import { benchProgramme } from "./programme";
import { benchSignup } from "./signup";
import { benchWrapper } from "./wrapper";

async function main() {
  if (!fs.existsSync(path.join(distDir, "BUILD_ID")) || process.env.BENCH_BUILD === "1") {
    const build = spawnSync(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "build"], { stdio: "inherit" });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  const n = Number(process.env.BENCH_MEMBERS ?? 400);
  const programme = await benchProgramme();
  await benchWrapper();
  const signup = await benchSignup(n);
  console.log(programme);
  console.log(signup);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
