import type { Role } from "@/lib/domain";

/**
 * Where a sign-in without a `next` address ends up: it points here, and this page sends each role to its
 * own start (the address is fixed when the mail is sent, before the account may even exist).
 */
export const LANDING_PATH = "/efter-inloggning";

/** Organisers to their overview, speakers to their lärpass, members to the programme. */
export function landingFor(user: { role: Role } | null): string {
  if (user?.role === "organiser") return "/arrangor";
  if (user?.role === "speaker") return "/mina-larpass";
  return "/program";
}
