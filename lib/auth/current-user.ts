import "server-only";
import type { Role } from "@/lib/domain";
import { passes } from "@/lib/policy";
import { auth } from "./index";

export type CurrentUser = { id: string; email: string; name: string | null; role: Role };

export async function getCurrentUser(): Promise<CurrentUser | null> {
  const session = await auth();
  const u = session?.user;
  if (!u?.id) return null;
  return { id: u.id, email: u.email, name: u.name ?? null, role: u.role };
}

/** Whether a user with `role` may do what `needed` may do (the rule is lib/policy.ts's passes). */
export function hasRole(user: Pick<CurrentUser, "role"> | null, needed: Role): boolean {
  return user ? passes(user.role, needed) : false;
}

export type Guard =
  | { ok: true; user: CurrentUser }
  | { ok: false; status: 401 | 403; message: string };

/** Who is calling, and do they have the role? Actions and route handlers use lib/action.ts (by policy rule). */
export async function requireRole(needed: Role): Promise<Guard> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, status: 401, message: "Du behöver logga in först." };
  if (!hasRole(user, needed)) return { ok: false, status: 403, message: "Du har inte behörighet att göra det här." };
  return { ok: true, user };
}
