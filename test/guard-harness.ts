// Shared by the organisers' guard tests (app/arrangor/*.guard.test.ts): users per role, form data, a
// snapshot of everything an action could write (so "refused" also means "nothing changed"), the outcome of
// a call that may redirect or interrupt, and the list of every action and route handler in a set of folders
// (so a new one cannot be added without a test). The test file mocks next/navigation and @/lib/auth itself
// (vi.mock is hoisted per file); this module only uses the mocks' error classes.
import fs from "node:fs";
import path from "node:path";
import { asc } from "drizzle-orm";
import { expect } from "vitest";
import { db } from "@/db";
import { days, events, larpass, larpassSpeakers, organisations, programmeChanges, registrations, rooms, speakers, timeSlots, users, type User } from "@/db/schema";
import type { Role } from "@/lib/domain";
import { readOutbox } from "@/lib/mail";
import { HttpInterrupt, Redirect } from "./mock-auth";

let n = 0;
/** A new user with the role (and an optional display name), with an address no other test uses. */
export function makeUser(role: Role = "member", name?: string): User {
  n += 1;
  return db
    .insert(users)
    .values({ email: `vakt-${process.pid}-${n}-${role}@example.se`, name: name ?? `Vakt ${n}`, role })
    .returning()
    .get();
}

/** Form data as a browser sends it; an array value is a repeated field. */
export function form(fields: Record<string, string | string[]> = {}): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) f.append(k, x);
  return f;
}

/** Everything the organisers' actions could write, and the mails they could send. */
export function snapshot() {
  return {
    events: db.select().from(events).orderBy(asc(events.id)).all(),
    days: db.select().from(days).orderBy(asc(days.id)).all(),
    slots: db.select().from(timeSlots).orderBy(asc(timeSlots.id)).all(),
    rooms: db.select().from(rooms).orderBy(asc(rooms.id)).all(),
    larpass: db.select().from(larpass).orderBy(asc(larpass.id)).all(),
    links: db.select().from(larpassSpeakers).orderBy(asc(larpassSpeakers.larpassId), asc(larpassSpeakers.position)).all(),
    speakers: db.select().from(speakers).orderBy(asc(speakers.id)).all(),
    organisations: db.select().from(organisations).orderBy(asc(organisations.id)).all(),
    registrations: db.select().from(registrations).orderBy(asc(registrations.id)).all(),
    changes: db.select().from(programmeChanges).orderBy(asc(programmeChanges.id)).all(),
    outbox: readOutbox().length,
  };
}

/** Runs fn and checks that it wrote nothing and sent no mail; gives back fn's result. */
export async function expectNoDbChange<T>(fn: () => Promise<T>): Promise<T> {
  const before = snapshot();
  const result = await fn();
  expect(snapshot()).toEqual(before);
  return result;
}

export type Outcome = { redirect?: string; status?: number; value?: unknown };

/** Runs fn, which may redirect, interrupt (403, 404) or return; gives back what happened. */
export async function outcome(fn: () => unknown): Promise<Outcome> {
  try {
    return { value: await fn() };
  } catch (error) {
    if (error instanceof Redirect) return { redirect: error.url };
    if (error instanceof HttpInterrupt) return { status: error.status };
    throw error;
  }
}

const ROOT = path.resolve(__dirname, "..");
const METHODS = ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"];

function walk(dir: string, skip: string[]): string[] {
  if (!fs.existsSync(dir) || skip.includes(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    if (d.isDirectory()) return walk(full, skip);
    return /\.(ts|tsx)$/.test(d.name) && !/\.test\.tsx?$/.test(d.name) ? [full] : [];
  });
}

/**
 * Every server action ("file#name") and route handler ("file#GET") under the folders (paths from the
 * repository root), leaving out the folders in `skip`. A "use server" that is not at the top of an actions
 * file fails the test: inline actions would slip past this list.
 */
export async function listEndpoints(folders: string[], skip: string[] = []): Promise<string[]> {
  const skipped = skip.map((p) => path.join(ROOT, p));
  const found: string[] = [];
  for (const file of folders.flatMap((d) => walk(path.join(ROOT, d), skipped))) {
    const rel = path.relative(ROOT, file).split(path.sep).join("/");
    const text = fs.readFileSync(file, "utf8");
    const isActions = /^(['"])use server\1/.test(text.replace(/^(\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*/, ""));
    const isRoute = /^route\.tsx?$/.test(path.basename(file));
    expect(!isActions && /(['"])use server\1/.test(text), `${rel}: inline "use server" (move it to an actions.ts)`).toBe(false);
    if (!isActions && !isRoute) continue;
    const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
    for (const name of Object.keys(mod)) if (isActions || METHODS.includes(name)) found.push(`${rel}#${name}`);
  }
  return found.sort();
}

/**
 * The exported server actions in these "use server" files (paths from the repository root) that were not
 * made by lib/action.ts's serverAction, and so have no policy rule: "file#name".
 */
export async function actionsWithoutRule(files: string[]): Promise<string[]> {
  const { ruleOf } = await import("@/lib/action");
  const out: string[] = [];
  for (const rel of files) {
    const mod = (await import(/* @vite-ignore */ path.join(ROOT, rel))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) if (ruleOf(value) === undefined) out.push(`${rel}#${name}`);
  }
  return out.sort();
}
