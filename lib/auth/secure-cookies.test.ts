// With AUTH_URL on https the session cookie is __Secure-authjs.session-token (Secure), decided by the public
// address; on http it is the plain name. The whole e-mail sign-in runs through Auth.js against the test DB.
import { Auth } from "@auth/core";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import Nodemailer from "@auth/core/providers/nodemailer";
import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { accounts, authSessions, users, verificationTokens } from "@/db/schema";

const saved = process.env.AUTH_URL;
afterEach(() => {
  if (saved === undefined) delete process.env.AUTH_URL;
  else process.env.AUTH_URL = saved;
  vi.resetModules();
});

/**
 * Signs in by e-mail link through Auth.js with our config; returns the Set-Cookie lines. The requests reach
 * the app at `origin` (behind a TLS-terminating proxy that is plain http) while the public address is AUTH_URL.
 */
async function signInOver(authUrl: string, email: string, origin = "http://127.0.0.1:3000"): Promise<string[]> {
  process.env.AUTH_URL = authUrl;
  vi.resetModules();
  const { authConfig } = await import("./config");
  let link = "";
  const config = {
    ...authConfig,
    secret: "test-secret-0123456789abcdef0123456789",
    basePath: "/api/auth",
    adapter: DrizzleAdapter(db, {
      usersTable: users,
      accountsTable: accounts,
      sessionsTable: authSessions,
      verificationTokensTable: verificationTokens,
    }),
    providers: [
      Nodemailer({
        server: "smtp://localhost:25",
        from: "test@example.se",
        async sendVerificationRequest({ url }: { url: string }) {
          link = url;
        },
      }),
    ],
  };
  const cookies = new Map<string, string>();
  const remember = (res: Response) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const [name, ...value] = pair.split("=");
      cookies.set(name, value.join("="));
    }
    return res.headers.getSetCookie();
  };
  const cookieHeader = () => [...cookies].map(([k, v]) => `${k}=${v}`).join("; ");

  const csrfRes = await Auth(new Request(`${origin}/api/auth/csrf`), config);
  remember(csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const signInRes = await Auth(
    new Request(`${origin}/api/auth/signin/nodemailer`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader() },
      body: new URLSearchParams({ email, csrfToken, callbackUrl: `${origin}/program` }),
    }),
    config,
  );
  remember(signInRes);
  expect(link).toContain("/api/auth/callback/nodemailer");
  const callbackRes = await Auth(new Request(link, { headers: { cookie: cookieHeader() } }), config);
  return [...csrfRes.headers.getSetCookie(), ...remember(callbackRes)];
}

describe("session cookie name and flags follow AUTH_URL", () => {
  it("uses __Secure-authjs.session-token, Secure and HttpOnly, when AUTH_URL is https (even behind a plain-http proxy hop)", async () => {
    const setCookies = await signInOver("https://larpass.example.se", "https-cookie@example.se");
    const session = setCookies.find((c) => c.startsWith("__Secure-authjs.session-token="));
    expect(session).toBeDefined();
    expect(session).toMatch(/;\s*Secure/i);
    expect(session).toMatch(/;\s*HttpOnly/i);
    expect(session).toMatch(/SameSite=Lax/i);
    expect(setCookies.some((c) => c.startsWith("authjs.session-token="))).toBe(false);
  });

  it("uses the plain name on http (the demo on this machine)", async () => {
    const setCookies = await signInOver("http://localhost:3000", "http-cookie@example.se", "http://localhost:3000");
    expect(setCookies.some((c) => c.startsWith("authjs.session-token="))).toBe(true);
    expect(setCookies.some((c) => c.startsWith("__Secure-"))).toBe(false);
  });
});
