import type { NextAuthConfig } from "next-auth";
import { servedOverHttps } from "@/lib/security-headers";

/** The part of the Auth.js configuration that needs no database (safe for proxy.ts). */
export const authConfig = {
  trustHost: true,
  // Decided by the public address (AUTH_URL), not by each request's protocol: on https the session cookie is
  // __Secure-authjs.session-token (Secure, HttpOnly, SameSite=Lax) whatever the proxy in front says.
  useSecureCookies: servedOverHttps(),
  pages: {
    signIn: "/logga-in",
    verifyRequest: "/logga-in/kolla-mejlen",
    error: "/logga-in/fel",
  },
  // 30 days, extended when used (at most once a day): the README's privacy text says so.
  session: { strategy: "database", maxAge: 60 * 60 * 24 * 30, updateAge: 60 * 60 * 24 },
  providers: [],
} satisfies NextAuthConfig;

/** Auth.js's session cookie, under either name it uses (plain http in development, __Secure- on https). */
export const sessionCookieNames = ["authjs.session-token", "__Secure-authjs.session-token"];
