// Shared by the member-side guard tests (app/actions.guard.test.ts, the table of every member action and
// route, and the per-area detail files beside the actions): users, form data, a snapshot of everything a
// member-side action or route could write, and the seeded demo programme with three lärpass at different
// times. Each test file mocks @/lib/auth, next/navigation and next/headers itself (vi.mock is hoisted per file).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { asc, eq, isNotNull } from "drizzle-orm";
import ICAL from "ical.js";
import { afterAll, beforeAll, beforeEach, expect } from "vitest";
import { db } from "@/db";
import { authSessions, larpass, rateLimits, registrations, users, verificationTokens, type User } from "@/db/schema";
import type { Role } from "@/lib/domain";
import { seedDemo } from "@/scripts/seed";
import * as feedRoute from "@/app/kalender/[file]/route";
import { expectRedirect, resetRequestMocks } from "./mock-auth";

export const LOGIN_MESSAGE = "Du behöver logga in först.";
export const ORIGIN = "http://localhost";

let userCounter = 0;
export function makeUser(role: Role = "member"): User {
  userCounter += 1;
  return db
    .insert(users)
    .values({ email: `testare-${userCounter}-${role}@example.se`, name: `Testare ${userCounter}`, role })
    .returning()
    .get();
}

export function form(fields: Record<string, string> = {}): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
}

export function regsOf(userId: string) {
  return db
    .select({ larpassId: registrations.larpassId, status: registrations.status })
    .from(registrations)
    .where(eq(registrations.userId, userId))
    .orderBy(asc(registrations.larpassId))
    .all();
}

export function userExists(id: string) {
  return Boolean(db.select({ id: users.id }).from(users).where(eq(users.id, id)).get());
}

/** Everything an action or route could write. */
export function snapshot() {
  return {
    users: db.select().from(users).orderBy(asc(users.id)).all(),
    registrations: db.select().from(registrations).orderBy(asc(registrations.id)).all(),
    sessions: db.select().from(authSessions).all(),
    verificationTokens: db.select().from(verificationTokens).all(),
    rateLimits: db.select().from(rateLimits).orderBy(asc(rateLimits.key)).all(),
    larpass: db.select({ id: larpass.id, status: larpass.status, version: larpass.version }).from(larpass).all(),
  };
}

export async function expectNoDbChange<T>(fn: () => Promise<T>): Promise<T> {
  const before = snapshot();
  const result = await fn();
  expect(snapshot()).toEqual(before);
  return result;
}

/** Runs fn and returns where it redirected, also when fn completes normally (then fails). */
export async function redirectOf(fn: () => unknown) {
  return expectRedirect(fn);
}

export function jsonRequest(method: "POST" | "DELETE", body: unknown, headers: Record<string, string> = {}) {
  return new Request(`${ORIGIN}/api/anmalan`, {
    method,
    headers: { "content-type": "application/json", origin: ORIGIN, ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

export function feed(file: string) {
  return feedRoute.GET(new Request(`${ORIGIN}/kalender/${file}`), { params: Promise.resolve({ file }) });
}

/** The calendar's event titles, as lib/my-programme.ts words them ("<title> (lärpass)"). */
export const inCalendar = (title: string) => `${title} (lärpass)`;

export function summaries(ics: string): string[] {
  const cal = new ICAL.Component(ICAL.parse(ics));
  return cal.getAllSubcomponents("vevent").map((e) => String(e.getFirstPropertyValue("summary")));
}

type Seeded = { id: number; title: string };
/** Seeded, published, scheduled lärpass: `a`, `b` and `c` at different times (filled in by useMemberWorld). */
export const lp = {} as { a: Seeded; b: Seeded; c: Seeded };

/** The file's world: its own outbox, the demo programme seeded once, and fresh request mocks per test. */
export function useMemberWorld(): void {
  const outboxDir = fs.mkdtempSync(path.join(os.tmpdir(), "larpass-guard-outbox-"));
  process.env.OUTBOX_PATH = path.join(outboxDir, "outbox.jsonl");
  delete process.env.SMTP_URL;
  beforeAll(() => {
    const { seeded } = seedDemo(db);
    expect(seeded).toBe(true);
    const rows = db
      .select({ id: larpass.id, title: larpass.title, slot: larpass.timeSlotId })
      .from(larpass)
      .where(isNotNull(larpass.timeSlotId))
      .orderBy(asc(larpass.id))
      .all();
    const a = rows[0];
    const b = rows.find((r) => r.slot !== a.slot)!;
    const c = rows.find((r) => r.slot !== a.slot && r.slot !== b.slot)!;
    expect(a && b && c).toBeTruthy();
    Object.assign(lp, { a, b, c });
  });
  beforeEach(() => {
    resetRequestMocks();
  });
  afterAll(() => {
    fs.rmSync(outboxDir, { recursive: true, force: true });
  });
}
