import "server-only";
// The one pipeline every server action goes through: caller -> policy -> (zod -> one lib call -> state or
// redirect, in lib/action-form.ts for the usual form). Anchored on saas-starter's validatedActionWithUser,
// written out here rather than taken from next-safe-action: the actions must keep answering with the exact
// states their forms already use (useActionState, no JavaScript needed), and ids travel in hidden fields
// because of a Next 16.4.5 hang with bound actions posted without JavaScript (see the README). A library
// would add its own result envelope and client hooks for no gain here.
import { forbidden, redirect } from "next/navigation";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/current-user";
import { passes, policy, type PolicyKey } from "@/lib/policy";

type PublicKey = { [K in PolicyKey]: (typeof policy)[K]["who"] extends "anyone" ? K : never }[PolicyKey];

/** The caller an action runs as: anyone (maybe nobody) for a public rule, a signed-in account otherwise. */
export type CallerOf<K extends PolicyKey> = K extends PublicKey ? CurrentUser | null : CurrentUser;

export type Refusal = { status: 401 | 403; message: string };
export type CallerCheck<K extends PolicyKey> = ({ ok: true; user: CallerOf<K> }) | ({ ok: false } & Refusal);

export const LOGIN_MESSAGE = "Du behöver logga in först.";
export const FORBIDDEN_MESSAGE = "Du har inte behörighet att göra det här.";

/** Who calls, and whether the rule lets them. For route handlers, which answer with a status code. */
export async function checkCaller<K extends PolicyKey>(key: K): Promise<CallerCheck<K>> {
  const rule = policy[key];
  const user = await getCurrentUser();
  if (rule.who === "anyone") return { ok: true, user: user as CallerOf<K> };
  if (!user) return { ok: false, status: 401, message: LOGIN_MESSAGE };
  if (!passes(user.role, rule.who)) return { ok: false, status: 403, message: FORBIDDEN_MESSAGE };
  return { ok: true, user: user as CallerOf<K> };
}

/** The login page, coming back to `returnTo` afterwards. */
export function loginPath(returnTo: string): string {
  return `/logga-in?next=${encodeURIComponent(returnTo)}`;
}

const rules = new WeakMap<object, PolicyKey>();

/** The policy rule a server action was made with, or undefined when it was not made by serverAction. */
export function ruleOf(action: unknown): PolicyKey | undefined {
  return typeof action === "function" ? rules.get(action) : undefined;
}

/** Write `run` before `returnTo` and `refused`: TypeScript reads the action's arguments from `run`. */
export type ActionSpec<K extends PolicyKey, A extends unknown[], R> = {
  /**
   * Where the login page sends an anonymous caller back to. Computed only for a refusal; it may read the
   * form's id to name the page, never to decide anything.
   */
  returnTo?: string | ((...args: NoInfer<A>) => string);
  /**
   * Answer a refusal with a value instead of the login redirect or the 403 page: for actions that script
   * calls and shows the answer of (the schedule's drag and drop, the room suggestions).
   */
  refused?: (refusal: Refusal) => NoInfer<R>;
  run: (caller: CallerOf<K>, ...args: A) => R | Promise<R>;
};

/**
 * A server action under policy rule `key`: resolves the caller, checks the rule, and only then runs the
 * body. A refused caller is sent to the login page (anonymous) or gets the 403 page (wrong role), the same
 * way for every action, unless `refused` answers instead.
 */
export function serverAction<K extends PolicyKey, A extends unknown[], R>(
  key: K,
  spec: ActionSpec<K, A, R>,
): (...args: A) => Promise<R> {
  const action = async (...args: A): Promise<R> => {
    const who = await checkCaller(key);
    if (!who.ok) {
      if (spec.refused) return spec.refused({ status: who.status, message: who.message });
      if (who.status === 401) {
        const back = typeof spec.returnTo === "function" ? spec.returnTo(...args) : (spec.returnTo ?? "/");
        redirect(loginPath(back));
      }
      forbidden();
    }
    return spec.run(who.user, ...args);
  };
  rules.set(action, key);
  return action;
}
