// The direct answer to a card's sign-up post (lib/net/signup-direct.ts) in front of a stand-in for Next, with
// the body React's own encoder writes (Next's compiled copy, as the browser runtime calls it), real sessions
// and the real sign-up in the file's migrated SQLite database (test/setup-db.ts).
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { authSessions, users } from "@/db/schema";
import { createEvent, createUser, registrationsOf, useTempOutbox, type TestUser } from "@/test/factories";
import { eq } from "drizzle-orm";
import { DIRECT_HEADER, actionResponseBody, flightJson, freshSessionCaller, readActionForm, readBuild, signupDirect, withSignupDirect } from "./signup-direct";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { encodeReply } = require("next/dist/compiled/react-server-dom-turbopack/client.node") as {
  encodeReply: (value: unknown) => Promise<string | FormData>;
};

useTempOutbox();

const CHOOSE = "7f50451717a8c30ace67260cd964184855959cb7e7";
const LEAVE = "7f1d09c1d34bbe880ffab68a14a8cc801cd10b5914";
const OTHER = "7fd9add50f324b486116e1c229a91a7e955c31e030";
const BUILD = "bygg-1";
const DAY = 86_400_000;

/** A build folder with the manifest entries Next writes for these actions (and one other action). */
function fakeBuild(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "larpass-direct-"));
  fs.mkdirSync(path.join(dir, "server"));
  fs.writeFileSync(path.join(dir, "BUILD_ID"), `${BUILD}\n`);
  const entry = (exportedName: string, filename = "app/program/actions.ts") => ({ workers: {}, filename, exportedName });
  fs.writeFileSync(
    path.join(dir, "server", "server-reference-manifest.json"),
    JSON.stringify({ node: { [CHOOSE]: entry("chooseAction"), [LEAVE]: entry("leaveAction"), [OTHER]: entry("createCalendarLinkAction", "app/mitt-program/actions.ts") } }),
  );
  return dir;
}

type Seen = { method?: string; url?: string; headers: http.IncomingHttpHeaders; body: string };
let server: http.Server;
let port = 0;
const seenByNext: Seen[] = [];

beforeAll(async () => {
  vi.spyOn(console, "log").mockImplementation(() => {});
  const direct = signupDirect(readBuild(fakeBuild()));
  // The stand-in for Next: keeps what reached it and answers 299.
  const next = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      seenByNext.push({ method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(299, { "content-type": "text/plain" }).end("next");
    });
  };
  server = http.createServer(withSignupDirect(direct, next));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as { port: number }).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function session(user: TestUser, expiresInMs: number): string {
  const token = crypto.randomBytes(16).toString("hex");
  db.insert(authSessions).values({ sessionToken: token, userId: user.id, expires: new Date(Date.now() + expiresInMs) }).run();
  return `authjs.session-token=${token}`;
}

/** The card's form as React posts it: encodeReply([previous state, form]), multipart. */
async function cardPost(fields: Record<string, string>, previous: unknown = null): Promise<{ body: Buffer; type: string }> {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  const encoded = (await encodeReply([previous, fd])) as FormData;
  const req = new Request("http://x/", { method: "POST", body: encoded });
  return { body: Buffer.from(await req.arrayBuffer()), type: req.headers.get("content-type")! };
}

async function post(opts: { action?: string; cookie?: string; fields: Record<string, string>; path?: string; headers?: Record<string, string> }) {
  const { body, type } = await cardPost(opts.fields);
  const res = await fetch(`http://127.0.0.1:${port}${opts.path ?? "/program"}`, {
    method: "POST",
    headers: {
      "next-action": opts.action ?? CHOOSE,
      "content-type": type,
      origin: `http://127.0.0.1:${port}`,
      accept: "text/x-component",
      ...(opts.cookie ? { cookie: opts.cookie } : {}),
      ...opts.headers,
    },
    body: new Uint8Array(body),
  });
  return { status: res.status, headers: res.headers, text: await res.text(), sent: body.toString("utf8") };
}

const rows = (text: string) => Object.fromEntries(text.trim().split("\n").map((line) => [line.slice(0, line.indexOf(":")), JSON.parse(line.slice(line.indexOf(":") + 1))]));

describe("the direct answer", () => {
  it("signs a member with a fresh session up and answers with React's rows of the result, without Next", async () => {
    const f = createEvent(db);
    const l = f.larpass({ slot: f.slot("09:00", "09:45"), capacity: 3 });
    const member = createUser(db);
    const before = seenByNext.length;
    const r = await post({ cookie: session(member, 30 * DAY), fields: { larpassId: String(l.id), returnTo: "/program", js: "1" }, path: "/program?dag=2" });
    expect(r.status).toBe(200);
    expect(r.headers.get(DIRECT_HEADER)).toBe("1");
    expect(r.headers.get("content-type")).toBe("text/x-component");
    expect(r.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(r.headers.get("x-frame-options")).toBe("DENY");
    expect(seenByNext.length).toBe(before);
    const body = rows(r.text);
    expect(body["0"]).toEqual({ a: "$@1", q: "?dag=2", i: false, b: BUILD });
    expect(body["1"]).toMatchObject({ larpassId: l.id, code: "vald", cards: [{ id: l.id, confirmed: 1, waitlisted: 0, mine: { status: "confirmed", position: 0 } }] });
    expect(registrationsOf(db, l.id).map((x) => x.userId)).toEqual([member.id]);

    const left = await post({ action: LEAVE, cookie: session(member, 30 * DAY), fields: { larpassId: String(l.id), returnTo: "/program", js: "1" } });
    expect(rows(left.text)["1"]).toMatchObject({ larpassId: l.id, code: "lamnad", cards: [{ id: l.id, confirmed: 0, mine: null }] });
  });

  it("puts the member in the queue when the pressed button is a full lärpass's waitlistFor", async () => {
    const f = createEvent(db);
    const l = f.larpass({ slot: f.slot("13:00", "13:45"), capacity: 1 });
    await post({ cookie: session(createUser(db), 30 * DAY), fields: { larpassId: String(l.id), js: "1" } });
    const queued = rows((await post({ cookie: session(createUser(db), 30 * DAY), fields: { waitlistFor: String(l.id), js: "1" } })).text)["1"];
    expect(queued).toMatchObject({ code: "i-ko", larpassId: l.id, cards: [{ id: l.id, confirmed: 1, waitlisted: 1, mine: { status: "waitlisted", position: 1 } }] });
  });

  it("answers a refusal the way the action does: a full lärpass, a lärpass that does not exist", async () => {
    const f = createEvent(db);
    const l = f.larpass({ slot: f.slot("10:00", "10:45"), capacity: 1 });
    await post({ cookie: session(createUser(db), 30 * DAY), fields: { larpassId: String(l.id), js: "1" } });
    const full = rows((await post({ cookie: session(createUser(db), 30 * DAY), fields: { larpassId: String(l.id), js: "1" } })).text)["1"];
    expect(full).toMatchObject({ code: "fel-full", notice: { error: true } });
    const missing = rows((await post({ cookie: session(createUser(db), 30 * DAY), fields: { larpassId: "abc", js: "1" } })).text)["1"];
    expect(missing).toMatchObject({ code: "fel-not_found", larpassId: 0, notice: { error: true } });
    expect(registrationsOf(db, l.id)).toHaveLength(1);
  });

  it("hands a post without js=1 (Mitt program's cards) to Next with the same method, address, headers and body", async () => {
    const f = createEvent(db);
    const l = f.larpass({ slot: f.slot("11:00", "11:45"), capacity: 3 });
    const cookie = session(createUser(db), 30 * DAY);
    const r = await post({ cookie, fields: { larpassId: String(l.id), returnTo: "/mitt-program" }, path: "/mitt-program" });
    expect(r.status).toBe(299);
    const seen = seenByNext.at(-1)!;
    expect(seen).toMatchObject({ method: "POST", url: "/mitt-program", body: r.sent });
    expect(seen.headers).toMatchObject({ cookie, "next-action": CHOOSE });
    expect(registrationsOf(db, l.id)).toHaveLength(0);
  });

  it("leaves to Next (untouched, nothing signed up) what Auth.js or Next must answer", async () => {
    const f = createEvent(db);
    const l = f.larpass({ slot: f.slot("12:00", "12:45"), capacity: 3 });
    const fields = { larpassId: String(l.id), js: "1" };
    const fresh = () => session(createUser(db), 30 * DAY);
    const cases: [string, Parameters<typeof post>[0]][] = [
      ["no session", { fields }],
      ["an unknown token", { cookie: "authjs.session-token=finns-inte", fields }],
      ["an expired session", { cookie: session(createUser(db), -1000), fields }],
      // Auth.js extends a session a day after it was last extended (maxAge 30 days, updateAge 1 day).
      ["a session due for its extension", { cookie: session(createUser(db), 29 * DAY - 1000), fields }],
      ["another site's page", { cookie: fresh(), fields, headers: { origin: "https://annan.example" } }],
      ["another action", { action: OTHER, cookie: fresh(), fields }],
      ["an action id the build does not have", { action: "7f00", cookie: fresh(), fields }],
    ];
    for (const [what, request] of cases) {
      const r = await post(request);
      expect(r.status, what).toBe(299);
      expect(seenByNext.at(-1)!.body, what).toBe(r.sent);
    }
    expect(registrationsOf(db, l.id)).toHaveLength(0);
  });

  it("hands a body it cannot read as React's form to Next unchanged", async () => {
    const cookie = session(createUser(db), 30 * DAY);
    const res = await fetch(`http://127.0.0.1:${port}/program`, {
      method: "POST",
      headers: { "next-action": CHOOSE, "content-type": "multipart/form-data; boundary=x", origin: `http://127.0.0.1:${port}`, cookie },
      body: "--x\r\ntrasig",
    });
    expect(res.status).toBe(299);
    expect(seenByNext.at(-1)!.body).toBe("--x\r\ntrasig");
  });
});

describe("readBuild", () => {
  it("takes the two sign-up actions of app/program/actions.ts and nothing else, with the build id", () => {
    const build = readBuild(fakeBuild());
    expect([...build.ids]).toEqual([
      [CHOOSE, "choose"],
      [LEAVE, "leave"],
    ]);
    expect(build.buildId).toBe(BUILD);
    // An action of the same name in another file is not the sign-up.
    const dir = fakeBuild();
    const manifest = path.join(dir, "server", "server-reference-manifest.json");
    fs.writeFileSync(manifest, fs.readFileSync(manifest, "utf8").replace('"app/program/actions.ts","exportedName":"leaveAction"', '"app/annat/actions.ts","exportedName":"leaveAction"'));
    expect([...readBuild(dir).ids.values()]).toEqual(["choose"]);
  });
});

describe("freshSessionCaller", () => {
  it("reads the account and role of a live session that Auth.js would not touch", () => {
    const member = createUser(db);
    db.update(users).set({ role: "speaker" }).where(eq(users.id, member.id)).run();
    expect(freshSessionCaller(`a=b; ${session(member, 30 * DAY)}`)).toEqual({ id: member.id, role: "speaker" });
    expect(freshSessionCaller(session(member, 29 * DAY - 1000))).toBeNull();
    expect(freshSessionCaller(undefined)).toBeNull();
  });
});

describe("React's encoding", () => {
  it("reads the form out of the arguments React encoded, whatever the previous state was", async () => {
    const { body, type } = await cardPost({ larpassId: "7", js: "1" }, { code: "$vald", cards: [] });
    const parsed = new Map<string, string>();
    for (const [k, v] of (await new Request("http://x/", { method: "POST", body: new Uint8Array(body), headers: { "content-type": type } }).formData()).entries()) parsed.set(k, String(v));
    expect(Object.fromEntries(readActionForm(parsed)!)).toEqual({ larpassId: "7", js: "1" });
    expect(readActionForm(new Map([["0", "inte json"]]))).toBeNull();
    expect(readActionForm(new Map([["0", '[null,"text"]']]))).toBeNull();
  });

  it("escapes strings that begin with $ as React's flight does, and writes the two rows Next writes", () => {
    expect(flightJson({ a: "$x", b: "x$", c: null, d: [1, "$"] })).toBe('{"a":"$$x","b":"x$","c":null,"d":[1,"$$"]}');
    expect(actionResponseBody({ ok: 1 }, "", "b1")).toBe('0:{"a":"$@1","q":"","i":false,"b":"b1"}\n1:{"ok":1}\n');
  });
});
