import "server-only";
import { forbidden, redirect } from "next/navigation";
import type { Role } from "@/lib/domain";
import { getCurrentUser, hasRole, type CurrentUser } from "./current-user";

/**
 * For pages: an anonymous visitor is sent to the login page (and back afterwards); a signed-in user
 * without the role gets a 403 page. Server actions and route handlers go through lib/action.ts instead.
 */
export async function requirePageRole(role: Role, returnTo: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/logga-in?next=${encodeURIComponent(returnTo)}`);
  if (!hasRole(user, role)) forbidden();
  return user;
}
