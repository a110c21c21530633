// Small helpers for the public export routes: a Swedish plain-text 404 and a download.

export function notFoundText(message: string): Response {
  return new Response(message, { status: 404, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
}

/** Public files are the same for everyone: cached briefly, so that a change reaches subscribers within minutes. */
export function publicFile(body: string, contentType: string, extra: Record<string, string> = {}): Response {
  return new Response(body, { headers: { "content-type": contentType, "cache-control": "public, max-age=300", ...extra } });
}
