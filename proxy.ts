import { NextResponse, type NextRequest } from "next/server";
import { sessionCookieNames } from "@/lib/auth/config";

/**
 * An early, optimistic redirect for pages that need a signed-in user. It only looks for the session
 * cookie; every page, server action and route handler still checks the session and role itself.
 */
export function proxy(request: NextRequest) {
  const signedIn = sessionCookieNames.some((name) => request.cookies.has(name));
  if (signedIn) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = "/logga-in";
  url.search = `?next=${encodeURIComponent(request.nextUrl.pathname + request.nextUrl.search)}`;
  return NextResponse.redirect(url);
}

export const config = { matcher: ["/mitt-program", "/konto", "/arrangor/:path*", "/mina-larpass/:path*"] };
