import "server-only";
import type { Role } from "@/lib/domain";
import { auth } from "./index";

export type CurrentUser = { id: string; email: string; name: string | null; role: Role };

export async function getCurrentUser(): Promise<CurrentUser | null> {
  const session = await auth();
  const u = session?.user;
  if (!u?.id) return null;
  return { id: u.id, email: u.email, name: u.name ?? null, role: u.role };
}

const rank: Record<Role, number> = { member: 0, speaker: 1, organiser: 2 };

/** Whether a user with `role` may do what `needed` may do (an organiser may do what a member may). */
export function hasRole(user: Pick<CurrentUser, "role"> | null, needed: Role): boolean {
  if (!user) return false;
  if (needed === "member") return true;
  if (needed === "organiser") return user.role === "organiser";
  return rank[user.role] >= rank[needed];
}

export type Guard =
  | { ok: true; user: CurrentUser }
  | { ok: false; status: 401 | 403; message: string };

/** For server actions and route handlers: who is calling, and may they? */
export async function requireRole(needed: Role): Promise<Guard> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, status: 401, message: "Du behöver logga in först." };
  if (!hasRole(user, needed)) return { ok: false, status: 403, message: "Du har inte behörighet att göra det här." };
  return { ok: true, user };
}
