import { NextResponse, type NextRequest } from "next/server";
import { sessionCookieNames } from "@/lib/auth/config";
import { publicPathExists } from "@/lib/programme";

// Pages only: files such as kalender.ics or data.json answer 401 themselves (they are fetched by programs).
const signedInOnly = /^\/(mitt-program|konto|arrangor|mina-larpass)(\/[^.]*)?$/;
// An event's own pages (its programme, a lärpass, Ändringar, schedule.xml), a speaker, an organisation.
const publicDetail = /^\/(evenemang\/[^/]+(\/larpass\/[^/]+|\/andringar|\/schedule\.xml)?|talare\/[^/]+|organisationer\/[^/]+)\/?$/;

/**
 * 1. An early, optimistic redirect for pages that need a signed-in user. It only looks for the session
 *    cookie; every page, server action and route handler still checks the session and role itself.
 * 2. Unknown events, lärpass, speakers and organisations are answered with the 404 page here, fully
 *    server-rendered (readable without JavaScript).
 */
export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (signedInOnly.test(pathname)) {
    if (sessionCookieNames.some((name) => request.cookies.has(name))) return NextResponse.next();
    const url = request.nextUrl.clone();
    url.pathname = "/logga-in";
    url.search = `?next=${encodeURIComponent(pathname + request.nextUrl.search)}`;
    return NextResponse.redirect(url);
  }
  if (request.method === "GET" && publicDetail.test(pathname) && !(await publicPathExists(pathname))) {
    return NextResponse.rewrite(new URL("/_sidan-finns-inte", request.url), { status: 404 });
  }
  return NextResponse.next();
}

export const config = {
  matcher: [
    "/mitt-program/:path*",
    "/konto/:path*",
    "/arrangor/:path*",
    "/mina-larpass/:path*",
    "/evenemang/:path+",
    "/talare/:path+",
    "/organisationer/:path+",
  ],
};
