import { DrizzleAdapter } from "@auth/drizzle-adapter";
import NextAuth, { type DefaultSession } from "next-auth";
import Nodemailer from "next-auth/providers/nodemailer";
import { cache } from "react";
import { db } from "@/db";
import { accounts, authSessions, users, verificationTokens } from "@/db/schema";
import type { Role } from "@/lib/domain";
import { deliver } from "@/lib/mail";
import { authConfig } from "./config";
import { SIGN_IN_LINK_MAX_AGE_S } from "./email-link";
import { authEvents } from "./events";

declare module "next-auth" {
  interface Session {
    user: { id: string; role: Role; email: string } & DefaultSession["user"];
  }
  interface User {
    role?: Role;
  }
}

export function signInMail(url: string, email: string) {
  const host = new URL(url).host;
  return {
    to: email,
    subject: "Logga in på Lärpass",
    text: [
      "Hej!",
      "",
      "Klicka på länken för att logga in på Lärpass. Länken gäller i 24 timmar och kan bara användas en gång.",
      "",
      url,
      "",
      `Har du inte bett om att logga in på ${host} kan du strunta i det här mejlet.`,
    ].join("\n"),
  };
}

const nextAuth = NextAuth({
  ...authConfig,
  adapter: DrizzleAdapter(db, {
    usersTable: users,
    accountsTable: accounts,
    sessionsTable: authSessions,
    verificationTokensTable: verificationTokens,
  }),
  providers: [
    Nodemailer({
      // Mail goes through lib/mail (SMTP or the outbox), so this transport is never used.
      server: process.env.SMTP_URL || "smtp://localhost:25",
      from: process.env.MAIL_FROM ?? "Lärpass <no-reply@larpass.local>",
      maxAge: SIGN_IN_LINK_MAX_AGE_S,
      async sendVerificationRequest({ identifier, url }) {
        await deliver([signInMail(url, identifier)]);
      },
    }),
  ],
  events: authEvents(),
  callbacks: {
    session({ session, user }) {
      session.user.id = user.id;
      session.user.role = (user as { role?: Role }).role ?? "member";
      return session;
    },
  },
});

export const { handlers, signIn, signOut } = nextAuth;

/** The signed-in session, once per request. */
export const auth = cache(() => nextAuth.auth());
