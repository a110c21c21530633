// Stand-ins for what Next.js and Auth.js provide at request time, so server actions and route handlers
// can be called directly in vitest. Use from a test file's vi.mock factories (they are hoisted, so import
// this module inside the factory):
//
//   vi.mock("@/lib/auth", async () => (await import("@/test/mock-auth")).authModuleMock);
//   vi.mock("next/navigation", async () => (await import("@/test/mock-auth")).navigationMock);
//   vi.mock("next/headers", async () => (await import("@/test/mock-auth")).headersMock);
//
// "@/lib/auth" is lib/auth/index.ts, the same module lib/auth/current-user.ts imports as "./index", so
// getCurrentUser()/requireRole() see the session set with signInAs()/signOutAll().
import { vi } from "vitest";
import type { Role } from "@/lib/domain";

export type TestSession = { user: { id: string; email: string; role: Role; name?: string | null }; expires: string };

const state: { session: TestSession | null; headers: Record<string, string> } = { session: null, headers: {} };

/** The session auth() returns from now on. */
export function signInAs(user: { id: string; email: string | null; role: Role; name?: string | null }): TestSession {
  state.session = {
    user: { id: user.id, email: user.email ?? "", role: user.role, name: user.name ?? null },
    expires: new Date(Date.now() + 24 * 3600_000).toISOString(),
  };
  return state.session;
}

/** auth() returns null: an anonymous caller. */
export function signOutAll() {
  state.session = null;
}

/** The request headers next/headers' headers() returns from now on. */
export function setRequestHeaders(headers: Record<string, string>) {
  state.headers = { ...headers };
}

/** Thrown by the mocked redirect(), like Next's NEXT_REDIRECT, carrying the target. */
export class Redirect extends Error {
  readonly url: string;
  constructor(url: string) {
    super(`redirect(${url})`);
    this.name = "Redirect";
    this.url = url;
  }
}

/** Thrown by the mocked notFound()/forbidden()/unauthorized(). */
export class HttpInterrupt extends Error {
  readonly status: number;
  constructor(status: number) {
    super(`interrupt(${status})`);
    this.name = "HttpInterrupt";
    this.status = status;
  }
}

/** Stands in for next-auth's AuthError (the real package cannot be loaded outside Next). */
export class AuthError extends Error {
  readonly type: string = "AuthError";
  constructor(message?: string) {
    super(message);
    this.name = "AuthError";
  }
}

export const authModuleMock = {
  auth: vi.fn(async () => state.session),
  signIn: vi.fn(async (..._args: unknown[]) => undefined as unknown),
  signOut: vi.fn(async (..._args: unknown[]) => undefined as unknown),
  signInMail: (url: string, email: string) => ({ to: email, subject: "Logga in på Lärpass", text: url }),
  handlers: {
    GET: vi.fn(async (_request: Request) => Response.json(null)),
    POST: vi.fn(async (_request: Request) => new Response(null, { status: 302, headers: { location: "/" } })),
  },
};

export const navigationMock = {
  redirect: vi.fn((url: string): never => {
    throw new Redirect(url);
  }),
  permanentRedirect: vi.fn((url: string): never => {
    throw new Redirect(url);
  }),
  notFound: vi.fn((): never => {
    throw new HttpInterrupt(404);
  }),
  forbidden: vi.fn((): never => {
    throw new HttpInterrupt(403);
  }),
  unauthorized: vi.fn((): never => {
    throw new HttpInterrupt(401);
  }),
};

export const headersMock = {
  headers: vi.fn(async () => new Headers(state.headers)),
  cookies: vi.fn(async () => new Map<string, { name: string; value: string }>()),
};

/** Back to an anonymous caller with no headers, and every spy's call history cleared. */
export function resetRequestMocks() {
  state.session = null;
  state.headers = {};
  for (const fn of [
    authModuleMock.auth,
    authModuleMock.signIn,
    authModuleMock.signOut,
    authModuleMock.handlers.GET,
    authModuleMock.handlers.POST,
    ...Object.values(navigationMock),
    ...Object.values(headersMock),
  ]) {
    fn.mockClear();
  }
}

/** Runs `fn`, which must call redirect(); returns the target. */
export async function expectRedirect(fn: () => unknown): Promise<string> {
  try {
    await fn();
  } catch (error) {
    if (error instanceof Redirect) return error.url;
    throw error;
  }
  throw new Error("expected a redirect, but the call returned normally");
}
