import "server-only";
import { forbidden, redirect } from "next/navigation";
import { requireRole, type CurrentUser } from "@/lib/auth/current-user";

/**
 * For the organisers' server actions and route handlers that answer with a page: an anonymous caller is
 * sent to the login page (and back to `returnTo`), a signed-in user without the role gets the 403 page.
 * Every action calls it first, before reading its input: the layout's check does not protect a POST.
 */
export async function requireOrganiser(returnTo: string): Promise<CurrentUser> {
  const who = await requireRole("organiser");
  if (!who.ok) {
    if (who.status === 401) redirect(`/logga-in?next=${encodeURIComponent(returnTo)}`);
    forbidden();
  }
  return who.user;
}
