import type { NextAuthConfig } from "next-auth";

/** The part of the Auth.js configuration that needs no database (safe for proxy.ts). */
export const authConfig = {
  trustHost: true,
  pages: {
    signIn: "/logga-in",
    verifyRequest: "/logga-in/kolla-mejlen",
    error: "/logga-in/fel",
  },
  session: { strategy: "database", maxAge: 60 * 60 * 24 * 30 },
  providers: [],
} satisfies NextAuthConfig;

/** Auth.js's session cookie, under either name it uses (plain http in development, __Secure- on https). */
export const sessionCookieNames = ["authjs.session-token", "__Secure-authjs.session-token"];
