// A sign-in link made by the app itself, for mails that should sign the reader in directly (a speaker's
// invitation): exactly what Auth.js's e-mail provider makes for "Logga in", so Auth.js accepts it at
// /api/auth/callback/nodemailer with the same 24-hour expiry and single use (the token row is deleted
// when used). Only the hash of the token is stored, as Auth.js does.
import { createHash, randomBytes } from "node:crypto";
import type { DB } from "@/db";
import { verificationTokens } from "@/db/schema";
import { siteUrl } from "@/lib/site-url";

/** The lifetime of every sign-in link (lib/auth/index.ts gives the provider the same maxAge). */
export const SIGN_IN_LINK_MAX_AGE_S = 24 * 60 * 60;

type Tx = Pick<DB, "insert">;

export function signInSecret(): string {
  const secret = process.env.AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET saknas: inloggningslänkar kan inte skapas.");
  return secret;
}

/** Writes a verification token for `email` (inside the caller's transaction) and returns the link. */
export function createSignInLink(tx: Tx, { email, next, now = new Date() }: { email: string; next: string; now?: Date }): string {
  const identifier = email.trim().toLowerCase();
  const token = randomBytes(32).toString("hex");
  tx.insert(verificationTokens)
    .values({
      identifier,
      token: createHash("sha256").update(`${token}${signInSecret()}`).digest("hex"),
      expires: new Date(now.getTime() + SIGN_IN_LINK_MAX_AGE_S * 1000),
    })
    .run();
  const base = siteUrl();
  return `${base}/api/auth/callback/nodemailer?${new URLSearchParams({ callbackUrl: `${base}${next}`, token, email: identifier })}`;
}
