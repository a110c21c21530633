// Auth.js events (lib/auth/index.ts passes them to NextAuth). Kept apart so tests can call them without
// loading next-auth itself.
import "server-only";
import type { DB } from "@/db";
import { linkInvitedSpeaker } from "@/lib/speakers/invite";

type SignInMessage = { user: { id?: string | null; email?: string | null } };

export function authEvents(database?: DB) {
  return {
    /**
     * Every successful sign-in, new account or not: an address the organisers invited as a speaker is
     * linked to that speaker now (lib/speakers/invite.ts). The session reads the role from the database
     * on each request, so the speaker's pages open at once.
     */
    async signIn({ user }: SignInMessage) {
      if (!user.id || !user.email) return;
      try {
        linkInvitedSpeaker({ userId: user.id, email: user.email, database });
      } catch (error) {
        // Never block a sign-in over the speaker link; it is tried again at the next sign-in.
        console.error("Kunde inte koppla talare vid inloggning:", error);
      }
    },
  };
}
