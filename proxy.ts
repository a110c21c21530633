import { NextResponse, type NextRequest } from "next/server";
import { sessionCookieNames } from "@/lib/auth/config";
import { crossOrigin } from "@/lib/net/same-origin";
import { publicPathExists } from "@/lib/programme";
import { viewerHeader } from "@/lib/offline/pages";
import { viewerKey } from "@/lib/offline/viewer";
import { contentSecurityPolicy, createNonce, servedOverHttps, strictTransportSecurity } from "@/lib/security-headers";

// Pages only: files such as kalender.ics or data.json answer 401 themselves (they are fetched by programs).
const signedInOnly = /^\/(mitt-program|konto|arrangor|mina-larpass)(\/[^.]*)?$/;
// An event's own pages (its programme, a lärpass, Ändringar, schedule.xml/.json, print and export pages), a
// speaker, an organisation.
const publicDetail = /^\/(evenemang\/[^/]+(\/larpass\/[^/]+|\/andringar|\/schedule\.xml|\/schedule\.json|\/exportera|\/utskrift(\/lista|\/dorrskyltar)?)?|talare\/[^/]+|organisationer\/[^/]+)\/?$/;

/**
 * 1. Security headers for every page: a Content-Security-Policy with a fresh nonce (Next puts it on its own
 *    scripts) and, when the public address is https, HSTS. The static headers are in next.config.ts.
 * 2. A POST from another site's page is refused with a plain 403 before it reaches a server action (Next
 *    would refuse it as well, but with a 500).
 * 3. An early, optimistic redirect for pages that need a signed-in user. It only looks for the session
 *    cookie; every page, server action and route handler still checks the session and role itself.
 * 4. Unknown events, lärpass, speakers and organisations are answered with the 404 page here, fully
 *    server-rendered (readable without JavaScript).
 * 5. Which session a page is for (a one-way hash, lib/offline/viewer.ts), so that the service worker never
 *    shows one member's saved pages to another.
 */
export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const https = servedOverHttps();
  const csp = contentSecurityPolicy({ nonce: createNonce(), https, dev: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", csp);
  const viewer = await viewerKey(sessionCookieNames.map((name) => request.cookies.get(name)?.value).find(Boolean));
  const secure = <R extends NextResponse>(response: R): R => {
    response.headers.set("Content-Security-Policy", csp);
    response.headers.set(viewerHeader, viewer);
    if (https) response.headers.set("Strict-Transport-Security", strictTransportSecurity);
    return response;
  };

  if (request.method === "POST" && !pathname.startsWith("/api/") && crossOrigin((name) => request.headers.get(name))) {
    return secure(
      new NextResponse("Förfrågan kom från en annan webbplats och avvisades.", {
        status: 403,
        headers: { "content-type": "text/plain; charset=utf-8" },
      }),
    );
  }
  if (signedInOnly.test(pathname)) {
    if (!sessionCookieNames.some((name) => request.cookies.has(name))) {
      const url = request.nextUrl.clone();
      url.pathname = "/logga-in";
      url.search = `?next=${encodeURIComponent(pathname + request.nextUrl.search)}`;
      return secure(NextResponse.redirect(url));
    }
  } else if (request.method === "GET" && publicDetail.test(pathname) && !(await publicPathExists(pathname))) {
    return secure(NextResponse.rewrite(new URL("/_sidan-finns-inte", request.url), { status: 404, request: { headers: requestHeaders } }));
  }
  return secure(NextResponse.next({ request: { headers: requestHeaders } }));
}

export const config = {
  matcher: [
    {
      // Every page and route handler; not the build's static files or the icon.
      source: "/((?!_next/static|_next/image|icon.svg|favicon.ico).*)",
    },
  ],
};
