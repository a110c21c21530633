// Authorization of every server action and route handler, called directly (not through the UI).
//
// Product requirement: every server action and route handler refuses an anonymous caller and a caller
// with the wrong role. Each one has a row in `covered` below saying who may call it; from that table the
// tests are generated: anonymous is refused (and nothing is written), every role that may call it
// succeeds (acting only on its own data, whatever user id the client sends), and every role that may not
// is refused. A discovery test fails when an action or route exists that the table does not cover.
//
// Only the edges Next.js and Auth.js provide at request time are replaced (lib/testing/mock-auth.ts):
// auth()/signIn()/signOut() from @/lib/auth, redirect() from next/navigation, headers() from next/headers.
// Everything else (requireRole, the queries, the database) is the real code on a fresh SQLite file.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";

vi.mock("@/lib/auth", async () => (await import("@/lib/testing/mock-auth")).authModuleMock);
vi.mock("next/navigation", async () => (await import("@/lib/testing/mock-auth")).navigationMock);
vi.mock("next/headers", async () => (await import("@/lib/testing/mock-auth")).headersMock);
// next-auth's own entry cannot load outside Next (it imports "next/server" without an extension); the
// sign-in action only needs its AuthError class.
vi.mock("next-auth", async () => ({ AuthError: (await import("@/lib/testing/mock-auth")).AuthError }));

import { asc, count, eq, isNotNull } from "drizzle-orm";
import ICAL from "ical.js";
import { db } from "@/db";
import { seedDemo } from "@/db/seed";
import {
  authSessions,
  larpass,
  rateLimits,
  registrations,
  roles,
  users,
  verificationTokens,
  type Role,
  type User,
} from "@/db/schema";
import { getCalendarToken, rotateCalendarToken } from "@/lib/account";
import { requireRole } from "@/lib/auth/current-user";
import { chooseLarpass } from "@/lib/registrations";
import {
  AuthError,
  authModuleMock,
  expectRedirect,
  resetRequestMocks,
  setRequestHeaders,
  signInAs,
  signOutAll,
} from "@/lib/testing/mock-auth";

import { createCalendarLinkAction, revokeCalendarLinkAction } from "@/app/mitt-program/actions";
import { deleteAccountAction, saveProfileAction } from "@/app/konto/actions";
import { signInAction, signOutAction } from "@/app/logga-in/actions";
import { chooseAction, leaveAction } from "@/app/program/actions";
import * as anmalanRoute from "@/app/api/anmalan/route";
import * as authRoute from "@/app/api/auth/[...nextauth]/route";
import * as feedRoute from "@/app/kalender/[file]/route";
import * as dataRoute from "@/app/konto/data.json/route";
import * as icsRoute from "@/app/mitt-program/kalender.ics/route";

const ROOT = path.resolve(__dirname, "..");
const outboxDir = fs.mkdtempSync(path.join(os.tmpdir(), "larpass-guard-outbox-"));
process.env.OUTBOX_PATH = path.join(outboxDir, "outbox.jsonl");
delete process.env.SMTP_URL;

const LOGIN_MESSAGE = "Du behöver logga in först.";
const ORIGIN = "http://localhost";

// Helpers ------------------------------------------------------------------------------------------------

let userCounter = 0;
function makeUser(role: Role = "member"): User {
  userCounter += 1;
  return db
    .insert(users)
    .values({ email: `testare-${userCounter}-${role}@example.se`, name: `Testare ${userCounter}`, role })
    .returning()
    .get();
}

function form(fields: Record<string, string> = {}): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
}

function regsOf(userId: string) {
  return db
    .select({ larpassId: registrations.larpassId, status: registrations.status })
    .from(registrations)
    .where(eq(registrations.userId, userId))
    .orderBy(asc(registrations.larpassId))
    .all();
}

function userExists(id: string) {
  return Boolean(db.select({ id: users.id }).from(users).where(eq(users.id, id)).get());
}

/** Everything an action or route could write. */
function snapshot() {
  return {
    users: db.select().from(users).orderBy(asc(users.id)).all(),
    registrations: db.select().from(registrations).orderBy(asc(registrations.id)).all(),
    sessions: db.select().from(authSessions).all(),
    verificationTokens: db.select().from(verificationTokens).all(),
    rateLimits: db.select().from(rateLimits).orderBy(asc(rateLimits.key)).all(),
    larpass: db.select({ id: larpass.id, status: larpass.status, version: larpass.version }).from(larpass).all(),
  };
}

async function expectNoDbChange<T>(fn: () => Promise<T>): Promise<T> {
  const before = snapshot();
  const result = await fn();
  expect(snapshot()).toEqual(before);
  return result;
}

/** Runs fn and returns where it redirected, also when fn completes normally (then fails). */
async function redirectOf(fn: () => unknown) {
  return expectRedirect(fn);
}

function jsonRequest(method: "POST" | "DELETE", body: unknown, headers: Record<string, string> = {}) {
  return new Request(`${ORIGIN}/api/anmalan`, {
    method,
    headers: { "content-type": "application/json", origin: ORIGIN, ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

function feed(file: string) {
  return feedRoute.GET(new Request(`${ORIGIN}/kalender/${file}`), { params: Promise.resolve({ file }) });
}

/** The calendar's event titles, as lib/my-programme.ts words them ("<title> (lärpass)"). */
const inCalendar = (title: string) => `${title} (lärpass)`;

function summaries(ics: string): string[] {
  const cal = new ICAL.Component(ICAL.parse(ics));
  return cal.getAllSubcomponents("vevent").map((e) => String(e.getFirstPropertyValue("summary")));
}

/** Seeded, published, scheduled lärpass: `a` and `b` at different times. */
let lp: { a: { id: number; title: string }; b: { id: number; title: string }; c: { id: number; title: string } };

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
  lp = { a, b, c };
});

beforeEach(() => {
  resetRequestMocks();
});

afterAll(() => {
  fs.rmSync(outboxDir, { recursive: true, force: true });
});

// The table: who may call what ------------------------------------------------------------------------------

/**
 * `Role`: needs a session with at least that role. "public": anyone, by design (say why).
 * "calendar-token": the secret in the URL is the credential, not the session.
 */
type Access = Role | "public" | "calendar-token";

type Covered = {
  access: Access;
  /** For "public" and "calendar-token": why no session is needed. */
  why?: string;
  /** Anonymous caller. For role-gated entries: must be refused with nothing written. */
  anonymous: () => Promise<void>;
  /** A signed-in user whose role is allowed: succeeds, on their own data only. */
  allowed?: (user: User) => Promise<void>;
  /** A signed-in user whose role is not allowed: refused, nothing written. Required once a role is refused. */
  wrongRole?: (user: User) => Promise<void>;
};

// An organiser-only action to come gets a row like this (and fails the coverage test until it has one):
//
//   "app/arrangor/actions.ts#publishAction": {
//     access: "organiser",
//     anonymous: async () => { /* redirect to /logga-in..., expectNoDbChange */ },
//     allowed: async (organiser) => { signInAs(organiser); /* it works */ },
//     wrongRole: async (memberOrSpeaker) => { signInAs(memberOrSpeaker); /* refused (403/error state), expectNoDbChange */ },
//   },

/** Which roles pass each level. Written out here, independent of lib/auth/current-user.ts's hasRole. */
const rolesAllowed: Record<Role, Role[]> = {
  member: ["member", "speaker", "organiser"],
  speaker: ["speaker", "organiser"],
  organiser: ["organiser"],
};

const covered: Record<string, Covered> = {
  // Server actions ---------------------------------------------------------------------------------------
  "app/logga-in/actions.ts#signInAction": {
    access: "public",
    why: "anyone may ask for a sign-in link; guarded by rate limits per address and per client",
    anonymous: async () => {
      setRequestHeaders({ "x-forwarded-for": "198.51.100.1" });
      const url = await redirectOf(() => signInAction({}, form({ email: "  Ny.Medlem@Example.se ", next: "/program" })));
      expect(url).toBe("/logga-in/kolla-mejlen");
      expect(authModuleMock.signIn).toHaveBeenCalledExactlyOnceWith("nodemailer", {
        email: "ny.medlem@example.se",
        redirectTo: "/program",
        redirect: false,
      });
    },
  },
  "app/logga-in/actions.ts#signOutAction": {
    access: "public",
    why: "ending one's own session needs no privilege; Auth.js ignores a caller with no session",
    anonymous: async () => {
      await expectNoDbChange(() => signOutAction());
      expect(authModuleMock.signOut).toHaveBeenCalledExactlyOnceWith({ redirectTo: "/" });
    },
  },
  "app/program/actions.ts#chooseAction": {
    access: "member",
    anonymous: async () => {
      const victim = makeUser();
      const url = await expectNoDbChange(() =>
        redirectOf(() => chooseAction(lp.a.id, form({ returnTo: "/program?dag=2", userId: victim.id }))),
      );
      expect(url).toBe(`/logga-in?next=${encodeURIComponent("/program?dag=2")}`);
      expect(regsOf(victim.id)).toEqual([]);
    },
    allowed: async (user) => {
      const victim = makeUser();
      signInAs(user);
      // A forged user id in the form must be ignored: the seat goes to the session's user.
      const url = await redirectOf(() =>
        chooseAction(lp.a.id, form({ returnTo: "/program", userId: victim.id, user_id: victim.id })),
      );
      expect(url).toBe(`/program?anmalan=vald&lp=${lp.a.id}#lp-${lp.a.id}`);
      expect(regsOf(user.id)).toEqual([{ larpassId: lp.a.id, status: "confirmed" }]);
      expect(regsOf(victim.id)).toEqual([]);
    },
  },
  "app/program/actions.ts#leaveAction": {
    access: "member",
    anonymous: async () => {
      const victim = makeUser();
      await chooseLarpass({ userId: victim.id, larpassId: lp.a.id });
      const url = await expectNoDbChange(() => redirectOf(() => leaveAction(lp.a.id, form({ userId: victim.id }))));
      expect(url).toBe(`/logga-in?next=${encodeURIComponent("/program")}`);
      expect(regsOf(victim.id)).toEqual([{ larpassId: lp.a.id, status: "confirmed" }]);
    },
    allowed: async (user) => {
      const victim = makeUser();
      await chooseLarpass({ userId: user.id, larpassId: lp.a.id });
      await chooseLarpass({ userId: victim.id, larpassId: lp.a.id });
      signInAs(user);
      const url = await redirectOf(() => leaveAction(lp.a.id, form({ returnTo: "/mitt-program", userId: victim.id })));
      expect(url).toBe(`/mitt-program?anmalan=lamnad&lp=${lp.a.id}#lp-${lp.a.id}`);
      expect(regsOf(user.id)).toEqual([]);
      expect(regsOf(victim.id)).toEqual([{ larpassId: lp.a.id, status: "confirmed" }]);
    },
  },
  "app/mitt-program/actions.ts#createCalendarLinkAction": {
    access: "member",
    anonymous: async () => {
      const victim = makeUser();
      rotateCalendarToken({ userId: victim.id });
      const url = await expectNoDbChange(() => redirectOf(() => createCalendarLinkAction()));
      expect(url).toBe("/logga-in?next=/mitt-program");
    },
    allowed: async (user) => {
      const victim = makeUser();
      const victimToken = rotateCalendarToken({ userId: victim.id });
      signInAs(user);
      const url = await redirectOf(() => createCalendarLinkAction());
      expect(url).toBe("/mitt-program?kalender=ny#kalender");
      expect(getCalendarToken({ userId: user.id })).toMatch(/^[a-f0-9]{64}$/);
      expect(getCalendarToken({ userId: victim.id })).toBe(victimToken);
    },
  },
  "app/mitt-program/actions.ts#revokeCalendarLinkAction": {
    access: "member",
    anonymous: async () => {
      const victim = makeUser();
      const token = rotateCalendarToken({ userId: victim.id });
      const url = await expectNoDbChange(() => redirectOf(() => revokeCalendarLinkAction()));
      expect(url).toBe("/logga-in?next=/mitt-program");
      expect(getCalendarToken({ userId: victim.id })).toBe(token);
    },
    allowed: async (user) => {
      const victim = makeUser();
      rotateCalendarToken({ userId: user.id });
      const victimToken = rotateCalendarToken({ userId: victim.id });
      signInAs(user);
      const url = await redirectOf(() => revokeCalendarLinkAction());
      expect(url).toBe("/mitt-program?kalender=borttagen#kalender");
      expect(getCalendarToken({ userId: user.id })).toBeNull();
      expect(getCalendarToken({ userId: victim.id })).toBe(victimToken);
    },
  },
  "app/konto/actions.ts#deleteAccountAction": {
    access: "member",
    anonymous: async () => {
      const victim = makeUser();
      const url = await expectNoDbChange(() =>
        redirectOf(() => deleteAccountAction({}, form({ confirm: "ja", userId: victim.id }))),
      );
      expect(url).toBe("/logga-in?next=/konto");
      expect(userExists(victim.id)).toBe(true);
      expect(authModuleMock.signOut).not.toHaveBeenCalled();
    },
    allowed: async (user) => {
      const victim = makeUser();
      await chooseLarpass({ userId: user.id, larpassId: lp.b.id });
      await chooseLarpass({ userId: victim.id, larpassId: lp.b.id });
      signInAs(user);
      const url = await redirectOf(() => deleteAccountAction({}, form({ confirm: "ja", userId: victim.id })));
      expect(url).toBe("/kontot-borttaget?platser=1&koplatser=0");
      expect(userExists(user.id)).toBe(false);
      expect(regsOf(user.id)).toEqual([]);
      expect(userExists(victim.id)).toBe(true);
      expect(regsOf(victim.id)).toEqual([{ larpassId: lp.b.id, status: "confirmed" }]);
      expect(authModuleMock.signOut).toHaveBeenCalledExactlyOnceWith({ redirect: false });
    },
  },

  "app/konto/actions.ts#saveProfileAction": {
    access: "member",
    anonymous: async () => {
      const victim = makeUser();
      const url = await expectNoDbChange(() =>
        redirectOf(() => saveProfileAction({}, form({ name: "Inbrott", organisation: "annan", otherOrganisation: "Fel AB", userId: victim.id }))),
      );
      expect(url).toBe(`/logga-in?next=${encodeURIComponent("/efter-inloggning")}`);
    },
    allowed: async (user) => {
      const victim = makeUser();
      signInAs(user);
      const url = await redirectOf(() =>
        saveProfileAction({}, form({ name: "Ny Namnsson", organisation: "annan", otherOrganisation: `Egen org ${user.id}`, userId: victim.id, next: "/program" })),
      );
      expect(url).toBe("/program");
      const me = db.select().from(users).where(eq(users.id, user.id)).get()!;
      expect(me.name).toBe("Ny Namnsson");
      expect(me.organisationId).not.toBeNull();
      // A forged user id in the form is ignored: the victim is untouched.
      expect(db.select().from(users).where(eq(users.id, victim.id)).get()!.name).toBe(victim.name);
    },
  },

  // Route handlers -----------------------------------------------------------------------------------------
  "app/api/anmalan/route.ts#POST": {
    access: "member",
    anonymous: async () => {
      const victim = makeUser();
      const res = await expectNoDbChange(() => anmalanRoute.POST(jsonRequest("POST", { larpassId: lp.a.id, userId: victim.id })));
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error: LOGIN_MESSAGE });
    },
    allowed: async (user) => {
      const victim = makeUser();
      signInAs(user);
      const res = await anmalanRoute.POST(jsonRequest("POST", { larpassId: lp.a.id, userId: victim.id }));
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ ok: true, status: "confirmed" });
      expect(regsOf(user.id)).toEqual([{ larpassId: lp.a.id, status: "confirmed" }]);
      expect(regsOf(victim.id)).toEqual([]);
    },
  },
  "app/api/anmalan/route.ts#DELETE": {
    access: "member",
    anonymous: async () => {
      const victim = makeUser();
      await chooseLarpass({ userId: victim.id, larpassId: lp.a.id });
      const res = await expectNoDbChange(() =>
        anmalanRoute.DELETE(jsonRequest("DELETE", { larpassId: lp.a.id, userId: victim.id })),
      );
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error: LOGIN_MESSAGE });
    },
    allowed: async (user) => {
      const victim = makeUser();
      await chooseLarpass({ userId: user.id, larpassId: lp.a.id });
      await chooseLarpass({ userId: victim.id, larpassId: lp.a.id });
      signInAs(user);
      const res = await anmalanRoute.DELETE(jsonRequest("DELETE", { larpassId: lp.a.id, userId: victim.id }));
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ ok: true, was: "confirmed" });
      expect(regsOf(user.id)).toEqual([]);
      expect(regsOf(victim.id)).toEqual([{ larpassId: lp.a.id, status: "confirmed" }]);
    },
  },
  "app/mitt-program/kalender.ics/route.ts#GET": {
    access: "member",
    anonymous: async () => {
      const victim = makeUser();
      await chooseLarpass({ userId: victim.id, larpassId: lp.a.id });
      const res = await icsRoute.GET(new Request(`${ORIGIN}/mitt-program/kalender.ics`));
      expect(res.status).toBe(401);
      expect(res.headers.get("content-type")).toBe("text/plain; charset=utf-8");
      expect(await res.text()).toBe(LOGIN_MESSAGE);
    },
    allowed: async (user) => {
      const victim = makeUser();
      await chooseLarpass({ userId: user.id, larpassId: lp.a.id });
      await chooseLarpass({ userId: victim.id, larpassId: lp.b.id });
      signInAs(user);
      const res = await icsRoute.GET(new Request(`${ORIGIN}/mitt-program/kalender.ics`));
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
      expect(res.headers.get("cache-control")).toBe("private, no-store");
      expect(summaries(await res.text())).toEqual([inCalendar(lp.a.title)]);
    },
  },
  "app/konto/data.json/route.ts#GET": {
    access: "member",
    anonymous: async () => {
      makeUser();
      const res = await dataRoute.GET();
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error: LOGIN_MESSAGE });
    },
    allowed: async (user) => {
      const victim = makeUser();
      await chooseLarpass({ userId: user.id, larpassId: lp.a.id });
      await chooseLarpass({ userId: victim.id, larpassId: lp.b.id });
      signInAs(user);
      const res = await dataRoute.GET();
      expect(res.status).toBe(200);
      expect(res.headers.get("cache-control")).toBe("private, no-store");
      const text = await res.text();
      const body = JSON.parse(text);
      expect(body.konto).toMatchObject({ id: user.id, epost: user.email, roll: user.role });
      expect(body.anmalningar.map((r: { larpass: string }) => r.larpass)).toEqual([lp.a.title]);
      expect(text).not.toContain(victim.id);
      expect(text).not.toContain(victim.email!);
    },
  },
  "app/kalender/[file]/route.ts#GET": {
    access: "calendar-token",
    why: "calendar apps subscribe without cookies; the 64-hex secret in the URL is the credential and can be revoked",
    anonymous: async () => {
      const owner = makeUser();
      await chooseLarpass({ userId: owner.id, larpassId: lp.c.id });
      const token = rotateCalendarToken({ userId: owner.id });
      const ok = await feed(`${token}.ics`);
      expect(ok.status).toBe(200);
      expect(summaries(await ok.text())).toEqual([inCalendar(lp.c.title)]);
      const missing = await feed(`${"0".repeat(64)}.ics`);
      expect(missing.status).toBe(404);
    },
  },
  "app/api/auth/[...nextauth]/route.ts#GET": {
    access: "public",
    why: "Auth.js's own endpoints (session, csrf, providers, the e-mail link callback); the session endpoint returns null to an anonymous caller",
    anonymous: async () => {
      const req = new Request(`${ORIGIN}/api/auth/session`);
      expect(authRoute.GET).toBe(authModuleMock.handlers.GET);
      const res = await authRoute.GET(req as never);
      expect(authModuleMock.handlers.GET).toHaveBeenCalledExactlyOnceWith(req);
      expect(await res.json()).toBeNull();
    },
  },
  "app/api/auth/[...nextauth]/route.ts#POST": {
    access: "public",
    why: "sign-out and callbacks are Auth.js's (CSRF-checked there); requesting a sign-in mail here is closed",
    anonymous: async () => {
      const res = await expectNoDbChange(() =>
        authRoute.POST(
          new Request(`${ORIGIN}/api/auth/signin/nodemailer`, {
            method: "POST",
            headers: { "content-type": "application/x-www-form-urlencoded" },
            body: "email=offer%40example.se&csrfToken=x",
          }) as never,
        ),
      );
      expect(res.status).toBe(404);
      expect(authModuleMock.handlers.POST).not.toHaveBeenCalled();
    },
  },
};

// The generated matrix --------------------------------------------------------------------------------------

const isRole = (a: Access): a is Role => (roles as readonly string[]).includes(a);

describe("every action and route, per caller", () => {
  for (const [id, entry] of Object.entries(covered)) {
    describe(id, () => {
      if (!isRole(entry.access)) {
        test(`${entry.access} by design (${entry.why ?? "no reason given"}): works for an anonymous caller`, async () => {
          expect(entry.why, `${id}: say why it needs no session`).toBeTruthy();
          signOutAll();
          await entry.anonymous();
        });
        return;
      }
      const needed = entry.access;
      test("refuses an anonymous caller and writes nothing", async () => {
        signOutAll();
        await entry.anonymous();
      });
      for (const role of roles) {
        if (rolesAllowed[needed].includes(role)) {
          test(`allows a signed-in ${role}, on their own data only`, async () => {
            expect(entry.allowed, `${id}: no 'allowed' check in the table`).toBeTypeOf("function");
            await entry.allowed!(makeUser(role));
          });
        } else {
          test(`refuses a signed-in ${role} (wrong role) and writes nothing`, async () => {
            expect(entry.wrongRole, `${id} needs ${needed}: add a 'wrongRole' check to the table`).toBeTypeOf("function");
            await entry.wrongRole!(makeUser(role));
          });
        }
      }
    });
  }
});

describe("the role machinery (for organiser- and speaker-only actions to come)", () => {
  test("vi.mock('@/lib/auth') reaches lib/auth/current-user.ts's './index' import", async () => {
    signOutAll();
    expect(await requireRole("member")).toEqual({ ok: false, status: 401, message: LOGIN_MESSAGE });
    const member = makeUser("member");
    signInAs(member);
    expect(await requireRole("member")).toMatchObject({ ok: true, user: { id: member.id, role: "member" } });
    expect(authModuleMock.auth).toHaveBeenCalled();
  });

  test.each(
    roles.flatMap((needed) => roles.map((role) => [needed, role] as const)),
  )("requireRole(%s) for a %s", async (needed, role) => {
    signInAs(makeUser(role));
    const guard = await requireRole(needed);
    if (rolesAllowed[needed].includes(role)) {
      expect(guard).toMatchObject({ ok: true, user: { role } });
    } else {
      expect(guard).toEqual({ ok: false, status: 403, message: "Du har inte behörighet att göra det här." });
    }
  });
});

// Discovery: nothing escapes the table ----------------------------------------------------------------------

const SOURCE = /\.(ts|tsx|js|jsx|mjs|cjs)$/;
const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"];

function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    if (d.name === "node_modules" || d.name.startsWith(".")) return [];
    const full = path.join(dir, d.name);
    if (d.isDirectory()) return walk(full);
    return SOURCE.test(d.name) && !/\.(test|spec)\.[jt]sx?$/.test(d.name) ? [full] : [];
  });
}

/** A module-level directive: only comments and whitespace before it. */
function hasModuleDirective(text: string) {
  const code = text.replace(/^(\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*/, "");
  return /^(['"])use server\1/.test(code);
}

function discover() {
  const files = ["app", "components", "lib"].flatMap((d) => walk(path.join(ROOT, d)));
  const rel = (f: string) => path.relative(ROOT, f).split(path.sep).join("/");
  const actionFiles: string[] = [];
  const inlineActionFiles: string[] = [];
  for (const f of files) {
    const text = fs.readFileSync(f, "utf8");
    if (hasModuleDirective(text)) actionFiles.push(f);
    else if (/(['"])use server\1/.test(text)) inlineActionFiles.push(rel(f));
  }
  const routeFiles = walk(path.join(ROOT, "app")).filter((f) => /^route\.[jt]sx?$/.test(path.basename(f)));
  // The organiser workspace has its own guard tests with their own coverage checks
  // (app/arrangor/actions.guard.test.ts, app/arrangor/grid.guard.test.ts), as have the speakers' own pages
  // (app/mina-larpass/actions.guard.test.ts) and the public schedule.xml.
  const elsewhere = (f: string) =>
    /^app\/(arrangor|mina-larpass)\//.test(rel(f)) || /schedule\.xml\/route\.ts$/.test(rel(f)) ||
    // The documentation's answering, public page and exports: app/evenemang/[event]/dokumentation/documentation.guard.test.ts.
    rel(f).startsWith("app/evenemang/[event]/dokumentation/");
  return {
    actionFiles: actionFiles.filter((f) => !elsewhere(f)),
    // lib/testing/guard-harness.ts names the directive in its own check for inline actions.
    inlineActionFiles: inlineActionFiles.filter((f) => !elsewhere(f) && f !== "lib/testing/guard-harness.ts"),
    routeFiles: routeFiles.filter((f) => !elsewhere(f)),
    rel,
  };
}

describe("coverage of the table", () => {
  test("every server action and route handler method in the code has a row, and every row exists", async () => {
    const { actionFiles, inlineActionFiles, routeFiles, rel } = discover();

    // The discovery itself works: it finds at least what exists today.
    expect(actionFiles.map(rel)).toEqual(
      expect.arrayContaining(["app/logga-in/actions.ts", "app/program/actions.ts", "app/mitt-program/actions.ts", "app/konto/actions.ts"]),
    );
    expect(routeFiles.map(rel)).toEqual(
      expect.arrayContaining([
        "app/api/anmalan/route.ts",
        "app/mitt-program/kalender.ics/route.ts",
        "app/konto/data.json/route.ts",
        "app/kalender/[file]/route.ts",
        "app/api/auth/[...nextauth]/route.ts",
      ]),
    );

    // Inline "use server" functions (inside components) cannot be imported and called by name: move them
    // into an actions.ts module so they get a row here.
    expect(inlineActionFiles, "inline server actions found: move them into a 'use server' module").toEqual([]);

    const found: string[] = [];
    for (const f of actionFiles) {
      const mod = (await import(/* @vite-ignore */ f)) as Record<string, unknown>;
      for (const name of Object.keys(mod)) found.push(`${rel(f)}#${name}`);
    }
    for (const f of routeFiles) {
      const mod = (await import(/* @vite-ignore */ f)) as Record<string, unknown>;
      for (const name of Object.keys(mod).filter((k) => HTTP_METHODS.includes(k))) found.push(`${rel(f)}#${name}`);
    }

    const table = Object.keys(covered);
    const missing = found.filter((k) => !table.includes(k)).sort();
    const stale = table.filter((k) => !found.includes(k)).sort();
    expect(missing, "actions/routes without a row in `covered` (add one: who may call it, and tests)").toEqual([]);
    expect(stale, "rows in `covered` for actions/routes that no longer exist").toEqual([]);
  });

  test("every role-gated row can run its whole matrix", () => {
    for (const [id, entry] of Object.entries(covered)) {
      if (!isRole(entry.access)) {
        expect(entry.why, `${id}: a ${entry.access} row must say why`).toBeTruthy();
        continue;
      }
      expect(entry.allowed, `${id}: no 'allowed' check`).toBeTypeOf("function");
      if (rolesAllowed[entry.access].length < roles.length) {
        expect(entry.wrongRole, `${id}: no 'wrongRole' check`).toBeTypeOf("function");
      }
    }
  });
});

// Details per action and route ---------------------------------------------------------------------------------

describe("signInAction (public, rate-limited)", () => {
  test("an invalid e-mail address gives the Swedish field error and keeps what was typed", async () => {
    setRequestHeaders({ "x-forwarded-for": "203.0.113.10" });
    const state = await expectNoDbChange(() => signInAction({}, form({ email: "anna.example.se" })));
    expect(state).toEqual({
      errors: { email: "Skriv en giltig e-postadress, till exempel namn@region.se." },
      values: { email: "anna.example.se" },
    });
    expect(authModuleMock.signIn).not.toHaveBeenCalled();
  });

  test("an empty address asks for one", async () => {
    const state = await signInAction({}, form({ email: "   " }));
    expect(state).toEqual({ errors: { email: "Skriv din e-postadress." }, values: { email: "   " } });
    expect(authModuleMock.signIn).not.toHaveBeenCalled();
  });

  test("the 4th request for the same address within 10 minutes is refused (however it is spelled)", async () => {
    setRequestHeaders({ "x-forwarded-for": "203.0.113.11" });
    const spellings = ["kim@region.se", "Kim@Region.se", " KIM@REGION.SE ", "kim@region.se"];
    for (const email of spellings.slice(0, 3)) {
      expect(await redirectOf(() => signInAction({}, form({ email })))).toBe("/logga-in/kolla-mejlen");
    }
    const state = await signInAction({}, form({ email: spellings[3] }));
    expect(state.errors?.form).toBe(
      "Du har bett om för många inloggningslänkar på kort tid. Vänta 10 minuter och försök igen, eller använd länken i ett mejl du redan fått.",
    );
    expect(state.values).toEqual({ email: "kim@region.se" });
    expect(authModuleMock.signIn).toHaveBeenCalledTimes(3);
    // Another address from the same client is still served.
    expect(await redirectOf(() => signInAction({}, form({ email: "annan@region.se" })))).toBe("/logga-in/kolla-mejlen");
    expect(authModuleMock.signIn).toHaveBeenCalledTimes(4);
  });

  test("the 21st request from one client within 10 minutes is refused, whatever the address", async () => {
    setRequestHeaders({ "x-forwarded-for": "203.0.113.12, 10.0.0.1" });
    for (let i = 0; i < 20; i++) {
      await redirectOf(() => signInAction({}, form({ email: `person${i}@kommun.se` })));
    }
    const state = await signInAction({}, form({ email: "person20@kommun.se" }));
    expect(state.errors?.form).toMatch(/^Du har bett om för många inloggningslänkar på kort tid\. Vänta /);
    expect(authModuleMock.signIn).toHaveBeenCalledTimes(20);
  });

  test("the return path is local only (no open redirect after sign-in)", async () => {
    setRequestHeaders({ "x-forwarded-for": "203.0.113.13" });
    for (const next of ["//evil.example/x", "https://evil.example/", "/\\evil.example"]) {
      await redirectOf(() => signInAction({}, form({ email: "lokal@region.se", next })));
    }
    for (const call of authModuleMock.signIn.mock.calls) {
      expect(call[1]).toMatchObject({ redirectTo: "/efter-inloggning" });
    }
  });

  test("a failing mail gives a Swedish form error", async () => {
    setRequestHeaders({ "x-forwarded-for": "203.0.113.14" });
    authModuleMock.signIn.mockRejectedValueOnce(new AuthError("smtp down"));
    const state = await signInAction({}, form({ email: "fel@region.se" }));
    expect(state).toEqual({
      errors: { form: "Inloggningsmejlet kunde inte skickas. Försök igen om en stund." },
      values: { email: "fel@region.se" },
    });
  });
});

describe("chooseAction / leaveAction details", () => {
  test("an anonymous caller is sent to the login page with a local return path only", async () => {
    for (const returnTo of ["//evil.example/x", "https://evil.example/program"]) {
      const url = await expectNoDbChange(() => redirectOf(() => chooseAction(lp.a.id, form({ returnTo }))));
      expect(url).toBe(`/logga-in?next=${encodeURIComponent("/program")}`);
    }
  });

  test("a signed-in member is sent back to a local path only", async () => {
    const member = makeUser();
    signInAs(member);
    const url = await redirectOf(() => chooseAction(lp.a.id, form({ returnTo: "//evil.example/x" })));
    expect(url).toBe(`/program?anmalan=vald&lp=${lp.a.id}#lp-${lp.a.id}`);
  });

  test("an invalid lärpass id writes nothing", async () => {
    signInAs(makeUser());
    for (const bad of [0, -1, Number.NaN, 999_999] as number[]) {
      const url = await expectNoDbChange(() => redirectOf(() => chooseAction(bad, form())));
      expect(url).toMatch(/anmalan=fel-not_found/);
    }
  });
});

describe("deleteAccountAction details", () => {
  test("without the confirmation box it asks for it (in Swedish) and deletes nothing", async () => {
    const member = makeUser();
    signInAs(member);
    const state = await expectNoDbChange(() => deleteAccountAction({}, form()));
    expect(state).toEqual({ error: "Kryssa i rutan för att bekräfta att du vill ta bort ditt konto." });
    expect(authModuleMock.signOut).not.toHaveBeenCalled();
  });
});

describe("POST/DELETE /api/anmalan details", () => {
  test.each(["POST", "DELETE"] as const)("%s from another origin is refused (403), even when signed in", async (method) => {
    const member = makeUser();
    await chooseLarpass({ userId: member.id, larpassId: lp.b.id });
    signInAs(member);
    for (const origin of ["https://evil.example", "http://localhost:3001", "null"]) {
      const handler = method === "POST" ? anmalanRoute.POST : anmalanRoute.DELETE;
      const res = await expectNoDbChange(() => handler(jsonRequest(method, { larpassId: lp.a.id }, { origin })));
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual({ error: "Anropet kommer från en annan webbplats." });
    }
  });

  test.each(["POST", "DELETE"] as const)("%s without a JSON content type is refused (415)", async (method) => {
    const member = makeUser();
    signInAs(member);
    const handler = method === "POST" ? anmalanRoute.POST : anmalanRoute.DELETE;
    for (const contentType of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", ""]) {
      const req = new Request(`${ORIGIN}/api/anmalan`, {
        method,
        headers: contentType ? { "content-type": contentType } : {},
        body: JSON.stringify({ larpassId: lp.a.id }),
      });
      if (!contentType) req.headers.delete("content-type");
      const res = await expectNoDbChange(() => handler(req));
      expect(res.status).toBe(415);
      expect(await res.json()).toEqual({ error: "Skicka JSON (Content-Type: application/json)." });
    }
  });

  test("an invalid body is refused (400) in Swedish", async () => {
    signInAs(makeUser());
    const broken = await expectNoDbChange(() => anmalanRoute.POST(jsonRequest("POST", "{larpassId:")));
    expect(broken.status).toBe(400);
    expect(await broken.json()).toEqual({ error: "Ogiltig JSON." });

    const notNumber = await expectNoDbChange(() => anmalanRoute.POST(jsonRequest("POST", { larpassId: "abc" })));
    expect(notNumber.status).toBe(400);
    expect(await notNumber.json()).toEqual({ error: "Ogiltiga uppgifter.", fields: { larpassId: ["larpassId måste vara ett positivt heltal."] } });

    for (const body of [{}, { larpassId: -1 }, { larpassId: 1.5 }, null, [lp.a.id], { larpassId: lp.a.id, waitlist: "ja" }]) {
      const res = await expectNoDbChange(() => anmalanRoute.POST(jsonRequest("POST", body)));
      expect(res.status, JSON.stringify(body)).toBe(400);
      const payload = await res.json();
      expect(payload.error).toBe("Ogiltiga uppgifter.");
      // Field messages are Swedish too, never zod's English defaults.
      expect(JSON.stringify(payload.fields ?? {})).not.toMatch(/expected|invalid|received|too (small|big)/i);
    }
  });

  test("same-origin and origin-less (non-browser) JSON calls are accepted", async () => {
    const member = makeUser();
    signInAs(member);
    const res = await anmalanRoute.POST(jsonRequest("POST", { larpassId: lp.a.id }, { origin: ORIGIN }));
    expect(res.status).toBe(200);
    const req = new Request(`${ORIGIN}/api/anmalan`, {
      method: "POST",
      headers: { "content-type": "application/json; charset=utf-8" },
      body: JSON.stringify({ larpassId: lp.b.id }),
    });
    expect((await anmalanRoute.POST(req)).status).toBe(200);
    expect(regsOf(member.id)).toHaveLength(2);
  });
});

describe("GET /kalender/<token>.ics details", () => {
  test("an unknown or malformed token is 404 with a Swedish message, signed in or not", async () => {
    const owner = makeUser();
    const token = rotateCalendarToken({ userId: owner.id });
    const bad = [
      `${"a".repeat(64)}.ics`,
      "abc.ics",
      `${token.toUpperCase()}.ics`,
      `${token}x.ics`,
      `${token.slice(1)}.ics`,
      `${token}.ics.ics`,
      "..%2F..%2Fkonto%2Fdata.json",
      ".ics",
    ];
    for (const session of [null, makeUser(), owner]) {
      if (session) signInAs(session);
      else signOutAll();
      for (const file of bad) {
        const res = await feed(file);
        expect(res.status, file).toBe(404);
        expect(res.headers.get("content-type")).toBe("text/plain; charset=utf-8");
        expect(await res.text()).toBe("Kalenderadressen finns inte eller har stängts av. Skapa en ny i Mitt program.");
      }
    }
  });

  test("a valid token gives that member's calendar (200 text/calendar), and only theirs", async () => {
    const owner = makeUser();
    const other = makeUser();
    await chooseLarpass({ userId: owner.id, larpassId: lp.a.id });
    await chooseLarpass({ userId: other.id, larpassId: lp.b.id });
    const token = rotateCalendarToken({ userId: owner.id });
    signInAs(other); // the session plays no part
    const res = await feed(`${token}.ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("private, max-age=300");
    expect(summaries(await res.text())).toEqual([inCalendar(lp.a.title)]);
  });

  test("a rotated or revoked token stops working at once", async () => {
    const owner = makeUser();
    signInAs(owner);
    await redirectOf(() => createCalendarLinkAction());
    const first = getCalendarToken({ userId: owner.id })!;
    expect((await feed(`${first}.ics`)).status).toBe(200);
    await redirectOf(() => createCalendarLinkAction());
    const second = getCalendarToken({ userId: owner.id })!;
    expect(second).not.toBe(first);
    expect((await feed(`${first}.ics`)).status).toBe(404);
    expect((await feed(`${second}.ics`)).status).toBe(200);
    await redirectOf(() => revokeCalendarLinkAction());
    expect((await feed(`${second}.ics`)).status).toBe(404);
  });
});

describe("/api/auth/[...nextauth] details", () => {
  test.each([
    "/api/auth/signin/nodemailer",
    "/api/auth/signin/nodemailer/",
    "/api/auth/signin/nodemailer?callbackUrl=%2Fmitt-program",
    "/api/auth//signin/nodemailer",
    "/api/auth/signin/email",
  ])("POST %s is closed (404), so the sign-in rate limits cannot be bypassed", async (p) => {
    const res = await expectNoDbChange(() =>
      authRoute.POST(
        new Request(`${ORIGIN}${p}`, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded", origin: ORIGIN },
          body: "email=offer%40example.se&csrfToken=x",
        }) as never,
      ),
    );
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: "Logga in via inloggningssidan /logga-in." });
    expect(authModuleMock.handlers.POST).not.toHaveBeenCalled();
  });

  test("other POSTs (sign-out, callbacks) go to Auth.js", async () => {
    const req = new Request(`${ORIGIN}/api/auth/signout`, { method: "POST" });
    await authRoute.POST(req as never);
    expect(authModuleMock.handlers.POST).toHaveBeenCalledExactlyOnceWith(req);
  });
});

describe("the test setup itself", () => {
  test("the app code writes to this file's own temporary database", () => {
    expect(db.$client.name).toBe(process.env.DATABASE_PATH);
    expect(process.env.DATABASE_PATH!.startsWith(os.tmpdir())).toBe(true);
    expect(db.select({ n: count() }).from(larpass).get()!.n).toBeGreaterThan(0);
  });
});
