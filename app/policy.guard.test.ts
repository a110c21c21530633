// The policy table (lib/policy.ts) against the code: every server action in app/ is made by the pipeline
// (lib/action.ts's serverAction) under a rule of the table, every role-gated route handler asks the table
// too, and every rule is used. Together with the per-area guard tests (which call each action as each
// role), a new action cannot slip in without a rule and a test.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, test, vi } from "vitest";

vi.mock("@/lib/auth", async () => (await import("@/test/mock-auth")).authModuleMock);
vi.mock("next/navigation", async () => (await import("@/test/mock-auth")).navigationMock);
vi.mock("next/headers", async () => (await import("@/test/mock-auth")).headersMock);
vi.mock("next-auth", async () => ({ AuthError: (await import("@/test/mock-auth")).AuthError }));

import { ruleOf } from "@/lib/action";
import { policy, type PolicyKey } from "@/lib/policy";
import { actionsWithoutRule, listEndpoints } from "@/test/guard-harness";

const ROOT = path.resolve(__dirname, "..");

/** Route handlers that are public by design, and why (the rest must call checkCaller with a rule). */
const publicRoutes: Record<string, string> = {
  "app/api/auth/[...nextauth]/route.ts": "Auth.js's own endpoints (sign-in links, callbacks, sign-out)",
  "app/kalender/[file]/route.ts": "the calendar feed: the secret token in the address is the key",
  "app/evenemang/[event]/schedule.xml/route.ts": "the published programme for conference apps",
  "app/evenemang/[event]/schedule.json/route.ts": "the published programme for conference apps (C3VOC JSON)",
  "app/evenemang/[event]/kalender.ics/route.ts": "the published programme (or one track) as a calendar feed",
  "app/evenemang/[event]/larpass/[slug]/kalender.ics/route.ts": "one public lärpass as a calendar file",
  "app/evenemang/[event]/andringar/rss.xml/route.ts": "the public Ändringar page as RSS",
  "app/evenemang/[event]/andringar/atom.xml/route.ts": "the public Ändringar page as Atom",
  "app/api/v1/[...path]/route.ts": "the read-only JSON API: only what the public pages show (lib/api/v1.ts)",
  "app/evenemang/[event]/dokumentation/dokumentation.docx/route.ts": "the published documentation, public like its page (404 until published)",
  "app/evenemang/[event]/dokumentation/dokumentation.md/route.ts": "the published documentation, public like its page (404 until published)",
  "app/evenemang/[event]/dokumentation/bilagor/[id]/route.ts": "a published documentation's attachment, public like its page (404 until published)",
};

async function endpoints() {
  const all = await listEndpoints(["app"]);
  const actions = all.filter((e) => !/\/route\.tsx?#/.test(e));
  const routes = [...new Set(all.filter((e) => /\/route\.tsx?#/.test(e)).map((e) => e.split("#")[0]))];
  return { actions, routes };
}

describe("the policy table", () => {
  test("every server action in app/ goes through the pipeline with a rule of the table", async () => {
    const { actions } = await endpoints();
    expect(actions.length).toBeGreaterThan(30);
    const files = [...new Set(actions.map((a) => a.split("#")[0]))];
    expect(await actionsWithoutRule(files), "actions not made by serverAction (lib/action.ts): give them a policy rule").toEqual([]);
  });

  test("every role-gated route handler asks the table (checkCaller), and the public ones say why", async () => {
    const { routes } = await endpoints();
    for (const file of routes) {
      const text = fs.readFileSync(path.join(ROOT, file), "utf8");
      const keys = [...text.matchAll(/checkCaller\("([^"]+)"\)/g)].map((m) => m[1]);
      if (publicRoutes[file]) {
        expect(keys, `${file} is listed as public`).toEqual([]);
        continue;
      }
      expect(keys.length, `${file}: no checkCaller(rule) and not listed as public`).toBeGreaterThan(0);
      for (const k of keys) expect(Object.keys(policy), `${file}: unknown rule ${k}`).toContain(k);
    }
    for (const file of Object.keys(publicRoutes)) expect(routes, `stale public route ${file}`).toContain(file);
  });

  test("every rule in the table is used by an action or a route", async () => {
    const { actions, routes } = await endpoints();
    const used = new Set<PolicyKey>();
    for (const a of actions) {
      const [file, name] = a.split("#");
      const mod = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, unknown>;
      const key = ruleOf(mod[name]);
      if (key) used.add(key);
    }
    for (const file of routes) {
      const text = fs.readFileSync(path.join(ROOT, file), "utf8");
      for (const m of text.matchAll(/checkCaller\("([^"]+)"\)/g)) used.add(m[1] as PolicyKey);
    }
    expect(Object.keys(policy).filter((k) => !used.has(k as PolicyKey))).toEqual([]);
  });

  test("an action written without the pipeline (no policy rule) is caught", async () => {
    expect(await actionsWithoutRule(["test/fixtures/unruled-actions.ts"])).toEqual(["test/fixtures/unruled-actions.ts#unruledAction"]);
  });
});
