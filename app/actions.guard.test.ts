// Authorization of every server action and route handler, called directly (not through the UI).
//
// Product requirement: every server action and route handler refuses an anonymous caller and a caller
// with the wrong role. Each one has a row in `covered` below saying who may call it; from that table the
// tests are generated: anonymous is refused (and nothing is written), every role that may call it
// succeeds (acting only on its own data, whatever user id the client sends), and every role that may not
// is refused. A discovery test fails when an action or route exists that the table does not cover. The
// details of each action and route sit beside it (app/logga-in, app/program, app/konto, app/api, app/kalender).
//
// Only the edges Next.js and Auth.js provide at request time are replaced (test/mock-auth.ts):
// auth()/signIn()/signOut() from @/lib/auth, redirect() from next/navigation, headers() from next/headers.
// Everything else (requireRole, the queries, the database) is the real code on a fresh SQLite file.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, test, vi } from "vitest";

vi.mock("@/lib/auth", async () => (await import("@/test/mock-auth")).authModuleMock);
vi.mock("next/navigation", async () => (await import("@/test/mock-auth")).navigationMock);
vi.mock("next/headers", async () => (await import("@/test/mock-auth")).headersMock);
// next-auth's own entry cannot load outside Next (it imports "next/server" without an extension); the
// sign-in action only needs its AuthError class.
vi.mock("next-auth", async () => ({ AuthError: (await import("@/test/mock-auth")).AuthError }));

import { count, eq } from "drizzle-orm";
import { db } from "@/db";
import { larpass, users, type User } from "@/db/schema";
import { roles, type Role } from "@/lib/domain";
import { getCalendarToken, rotateCalendarToken } from "@/lib/account";
import { requireRole } from "@/lib/auth/current-user";
import { chooseLarpass } from "@/lib/registrations";
import { authModuleMock, setRequestHeaders, signInAs, signOutAll } from "@/test/mock-auth";
import { LOGIN_MESSAGE, ORIGIN, expectNoDbChange, feed, form, inCalendar, jsonRequest, lp, makeUser, redirectOf, regsOf, summaries, useMemberWorld, userExists } from "@/test/member-harness";
import { createCalendarLinkAction, revokeCalendarLinkAction } from "@/app/mitt-program/actions";
import { deleteAccountAction, saveProfileAction } from "@/app/konto/actions";
import { signInAction, signOutAction } from "@/app/logga-in/actions";
import { chooseAction, leaveAction } from "@/app/program/actions";
import * as anmalanRoute from "@/app/api/anmalan/route";
import * as authRoute from "@/app/api/auth/[...nextauth]/route";
import * as dataRoute from "@/app/konto/data.json/route";
import * as icsRoute from "@/app/mitt-program/kalender.ics/route";

const ROOT = path.resolve(__dirname, "..");

useMemberWorld();

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
        redirectOf(() => chooseAction(null, form({ larpassId: String(lp.a.id), returnTo: "/program?dag=2", userId: victim.id }))),
      );
      expect(url).toBe(`/logga-in?next=${encodeURIComponent("/program?dag=2")}`);
      expect(regsOf(victim.id)).toEqual([]);
    },
    allowed: async (user) => {
      const victim = makeUser();
      signInAs(user);
      // A forged user id in the form must be ignored: the seat goes to the session's user.
      const url = await redirectOf(() =>
        chooseAction(null, form({ larpassId: String(lp.a.id), returnTo: "/program", userId: victim.id, user_id: victim.id })),
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
      const url = await expectNoDbChange(() => redirectOf(() => leaveAction(null, form({ larpassId: String(lp.a.id), userId: victim.id }))));
      expect(url).toBe(`/logga-in?next=${encodeURIComponent("/program")}`);
      expect(regsOf(victim.id)).toEqual([{ larpassId: lp.a.id, status: "confirmed" }]);
    },
    allowed: async (user) => {
      const victim = makeUser();
      await chooseLarpass({ userId: user.id, larpassId: lp.a.id });
      await chooseLarpass({ userId: victim.id, larpassId: lp.a.id });
      signInAs(user);
      const url = await redirectOf(() => leaveAction(null, form({ larpassId: String(lp.a.id), returnTo: "/mitt-program", userId: victim.id })));
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
      expect(url).toBe(`/logga-in?next=${encodeURIComponent("/mitt-program")}`);
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
      expect(url).toBe(`/logga-in?next=${encodeURIComponent("/mitt-program")}`);
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
      expect(url).toBe(`/logga-in?next=${encodeURIComponent("/konto")}`);
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
    // Proposals (Föreslå ett lärpass, Bedöm förslag): app/mina-forslag/proposals.guard.test.ts.
    /^app\/(mina-forslag|bedomning)\//.test(rel(f)) ||
    // The documentation's answering, public page and exports: app/evenemang/[event]/dokumentation/documentation.guard.test.ts.
    rel(f).startsWith("app/evenemang/[event]/dokumentation/") ||
    // #15's public exports (schedule.json, calendars, the Ändringar feeds): app/evenemang/[event]/exports.guard.test.ts;
    // the read-only API: app/api/v1/[...path]/route.guard.test.ts and lib/api/v1.test.ts.
    /^app\/evenemang\/\[event\]\/(schedule\.json|kalender\.ics|larpass\/\[slug\]\/kalender\.ics|andringar\/(rss|atom)\.xml)\/route\.ts$/.test(rel(f)) ||
    rel(f) === "app/api/v1/[...path]/route.ts";
  return {
    actionFiles: actionFiles.filter((f) => !elsewhere(f)),
    // test/guard-harness.ts names the directive in its own check for inline actions.
    inlineActionFiles: inlineActionFiles.filter((f) => !elsewhere(f) && f !== "test/guard-harness.ts"),
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

describe("the test setup itself", () => {
  test("the app code writes to this file's own temporary database", () => {
    expect(db.$client.name).toBe(process.env.DATABASE_PATH);
    expect(process.env.DATABASE_PATH!.startsWith(os.tmpdir())).toBe(true);
    expect(db.select({ n: count() }).from(larpass).get()!.n).toBeGreaterThan(0);
  });
});
