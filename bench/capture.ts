/**
 * Prints what Chromium sends when a signed-in member clicks "Välj" on /program, with and without JavaScript
 * (request headers as sent on the wire, the body, and the reply's status and headers). The bench's requests
 * (bench/browser.ts) are built to match this; re-run after upgrading Next or React or changing the forms:
 *   NEXT_DIST_DIR=.next npx tsx bench/capture.ts
 * Needs a production build and Chromium (CHROMIUM_PATH, default /usr/bin/chromium).
 */
import crypto from "node:crypto";
import { chromium } from "@playwright/test";
import { openDatabase } from "@/db/open";
import { authSessions, users } from "@/db/schema";
import { freshDatabase, startNext } from "./lib";

async function main() {
  const port = 3301;
  const { dir, file } = freshDatabase("capture");
  const db = openDatabase(file);
  const tokens = [0, 1].map((i) => {
    const id = crypto.randomUUID();
    const token = crypto.randomBytes(24).toString("hex");
    db.insert(users).values({ id, email: `capture${i}@bench.example` }).run();
    // As Auth.js makes it at sign-in: 30 days (a session due for its daily extension is answered by Next).
    db.insert(authSessions).values({ sessionToken: token, userId: id, expires: new Date(Date.now() + 30 * 86_400_000) }).run();
    return token;
  });
  db.$client.close();
  const server = await startNext(port, file, dir);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox"] });
  try {
    for (const [i, javaScriptEnabled] of [true, false].entries()) {
      const context = await browser.newContext({ javaScriptEnabled });
      await context.addCookies([{ name: "authjs.session-token", value: tokens[i], domain: "127.0.0.1", path: "/" }]);
      const page = await context.newPage();
      await page.goto(`http://127.0.0.1:${port}/program`);
      const log: Promise<string>[] = [];
      // Only what the click causes: the POST and, without JavaScript, the page load that follows the redirect.
      const relevant = (method: string, type: string) => method === "POST" || type === "document";
      page.on("request", (r) => {
        if (relevant(r.method(), r.resourceType()))
          log.push(r.allHeaders().then((h) => `>>> ${r.method()} ${r.url()}\n${JSON.stringify(h, null, 1)}\n${r.postData() ?? ""}`));
      });
      page.on("response", (r) => {
        if (relevant(r.request().method(), r.request().resourceType()))
          log.push(
            Promise.all([r.allHeaders(), r.request().method() === "POST" ? r.text().catch(() => "") : Promise.resolve("")]).then(
              ([h, body]) => `<<< ${r.status()} ${r.url()}\n${JSON.stringify(h, null, 1)}${body ? `\n${body.slice(0, 2000)}` : ""}`,
            ),
          );
      });
      await page.getByRole("button", { name: /^Välj/ }).first().click();
      // With JavaScript the card updates from the action's answer (no new URL); without, the browser follows the redirect.
      if (javaScriptEnabled) await page.getByRole("status").filter({ hasText: /^Klart!/ }).first().waitFor();
      else await page.waitForURL(/anmalan=/);
      await page.waitForLoadState("networkidle");
      console.log(`===== JavaScript ${javaScriptEnabled ? "på" : "av"} =====\n${(await Promise.all(log)).join("\n")}\n`);
      await context.close();
    }
  } finally {
    await browser.close();
    server.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
