// The invitation's link is a real Auth.js sign-in link: accepted once, within 24 hours, then never again.
import { Auth } from "@auth/core";
import Nodemailer from "@auth/core/providers/nodemailer";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { accounts, authSessions, users, verificationTokens } from "@/db/schema";
import { authConfig } from "./config";
import { createSignInLink, SIGN_IN_LINK_MAX_AGE_S } from "./email-link";

const config = {
  ...authConfig,
  secret: process.env.AUTH_SECRET!,
  basePath: "/api/auth",
  adapter: DrizzleAdapter(db, { usersTable: users, accountsTable: accounts, sessionsTable: authSessions, verificationTokensTable: verificationTokens }),
  providers: [Nodemailer({ server: "smtp://localhost:25", from: "x@example.se", async sendVerificationRequest() {} })],
};

const follow = (link: string) => Auth(new Request(link.replace(/^https?:\/\/[^/]+/, "http://localhost:3000")), config);

describe("createSignInLink", () => {
  it("signs the address in once through Auth.js's own callback, and lands on the given page", async () => {
    const email = `direkt-${Date.now()}@example.se`;
    const link = db.transaction((tx) => createSignInLink(tx, { email: ` ${email.toUpperCase()} `, next: "/mina-larpass" }));
    const first = await follow(link);
    expect(first.status).toBe(302);
    expect(new URL(first.headers.get("location")!).pathname).toBe("/mina-larpass");
    expect(first.headers.getSetCookie().some((c) => c.startsWith("authjs.session-token="))).toBe(true);
    expect(db.select().from(users).where(eq(users.email, email)).get()).toBeDefined();
    // Single use: the same link again is refused (Auth.js's "Verification" error page).
    const again = await follow(link);
    expect(again.headers.get("location")).toMatch(/error=Verification/);
    expect(again.headers.getSetCookie().some((c) => c.startsWith("authjs.session-token="))).toBe(false);
  });

  it("expires after 24 hours like the sign-in links", async () => {
    const email = `gammal-${Date.now()}@example.se`;
    const link = db.transaction((tx) => createSignInLink(tx, { email, next: "/mina-larpass", now: new Date(Date.now() - (SIGN_IN_LINK_MAX_AGE_S + 60) * 1000) }));
    const res = await follow(link);
    expect(res.headers.get("location")).toMatch(/error=Verification/);
  });

  it("stores only a hash of the token", () => {
    const email = `hash-${Date.now()}@example.se`;
    const link = db.transaction((tx) => createSignInLink(tx, { email, next: "/" }));
    const token = new URL(link).searchParams.get("token")!;
    const row = db.select().from(verificationTokens).where(eq(verificationTokens.identifier, email)).get()!;
    expect(row.token).not.toBe(token);
    expect(row.token).toMatch(/^[0-9a-f]{64}$/);
  });
});
