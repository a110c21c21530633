// HTTP for the read-only API (/api/v1/): JSON with ETag and Last-Modified, 304 for a conditional GET that
// matches, and CORS for GET (other sites read the programme from their own pages). No cookies are read or
// set: every answer is public and the same for everyone.
import { createHash } from "node:crypto";

export const corsHeaders: Record<string, string> = {
  "access-control-allow-origin": "*",
  "access-control-expose-headers": "ETag, Last-Modified",
};

/** The answer to a CORS preflight (a browser sends one for a GET with If-None-Match from another site). */
export function apiPreflight(): Response {
  return new Response(null, {
    status: 204,
    headers: {
      ...corsHeaders,
      "access-control-allow-methods": "GET, HEAD, OPTIONS",
      "access-control-allow-headers": "If-None-Match, If-Modified-Since",
      "access-control-max-age": "86400",
    },
  });
}

export function apiError(status: 400 | 404 | 405, message: string): Response {
  return new Response(`${JSON.stringify({ error: message })}\n`, {
    status,
    headers: { ...corsHeaders, "content-type": "application/json; charset=utf-8", "cache-control": "no-store" },
  });
}

function etagMatches(header: string, etag: string): boolean {
  if (header.trim() === "*") return true;
  const bare = (t: string) => t.trim().replace(/^W\//, "");
  return header.split(",").some((t) => bare(t) === bare(etag));
}

/**
 * `data` as JSON. The ETag is a hash of the body, so it changes with anything in the answer; Last-Modified is
 * the newest change the data knows of (in whole seconds, as HTTP dates are). If-None-Match wins over
 * If-Modified-Since, as RFC 9110 says.
 */
export function apiJson(request: Request, data: unknown, lastModified: Date | null): Response {
  const body = `${JSON.stringify(data)}\n`;
  const etag = `"${createHash("sha1").update(body).digest("base64url")}"`;
  const headers: Record<string, string> = {
    ...corsHeaders,
    "content-type": "application/json; charset=utf-8",
    "cache-control": "public, max-age=60",
    etag,
  };
  if (lastModified) headers["last-modified"] = lastModified.toUTCString();
  const ifNoneMatch = request.headers.get("if-none-match");
  const ifModifiedSince = request.headers.get("if-modified-since");
  let notModified = false;
  if (ifNoneMatch !== null) notModified = etagMatches(ifNoneMatch, etag);
  else if (ifModifiedSince && lastModified) {
    const since = Date.parse(ifModifiedSince);
    notModified = !Number.isNaN(since) && Math.floor(lastModified.getTime() / 1000) * 1000 <= since;
  }
  if (notModified) return new Response(null, { status: 304, headers });
  return new Response(body, { status: 200, headers });
}
