// What the service worker writes into a page it serves from its cache, and the page it answers with when it
// has nothing (lib/offline/sw.ts). Plain strings: the offline page is readable without JavaScript.

const timeZone = "Europe/Stockholm";

function parts(date: Date, options: Intl.DateTimeFormatOptions): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of new Intl.DateTimeFormat("sv-SE", { timeZone, ...options }).formatToParts(date)) out[p.type] = p.value;
  return out;
}

/**
 * "Visas utan uppkoppling, senast hämtad kl. 14.05." The Swedish clock style (a point, Språkrådet) in
 * Stockholm time whatever the device's zone; the date as well when it was fetched on another day.
 */
export function offlineNotice(fetchedAt: Date, now: Date = new Date()): string {
  const t = parts(fetchedAt, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  const time = `kl. ${t.hour}.${t.minute}`;
  const day = (d: Date) => {
    const p = parts(d, { year: "numeric", month: "2-digit", day: "2-digit" });
    return `${p.year}-${p.month}-${p.day}`;
  };
  if (day(fetchedAt) === day(now)) return `Visas utan uppkoppling, senast hämtad ${time}.`;
  const d = parts(fetchedAt, { day: "numeric", month: "long", year: "numeric" });
  const sameYear = parts(now, { year: "numeric" }).year === d.year;
  return `Visas utan uppkoppling, senast hämtad ${d.day} ${d.month}${sameYear ? "" : ` ${d.year}`} ${time}.`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/**
 * Puts the notice first in <body>. React 19 skips elements it does not expect directly in <body> when it
 * hydrates, so the notice stays when the saved page's scripts run. A <section>, because the layout renders
 * none there: a <div> would be taken for Next's own first <div> and the whole page re-rendered without it.
 */
export function withOfflineNotice(html: string, notice: string): string {
  const banner = `<section class="offline-notice" role="status" data-offline-notice="">${escapeHtml(notice)}</section>`;
  const body = /<body\b[^>]*>/i.exec(html);
  if (!body) return banner + html;
  const at = body.index + body[0].length;
  return html.slice(0, at) + banner + html.slice(at);
}

export type OfflinePageKind = "sida" | "andring";

/** The worker's own page, for a page it has not saved ("sida") or a form sent without a connection ("andring"). */
export function offlinePage(kind: OfflinePageKind): string {
  const title = kind === "andring" ? "Ändringen skickades inte" : "Sidan finns inte sparad";
  const text =
    kind === "andring"
      ? "Du är inte uppkopplad, så det du skickade (till exempel Välj eller Lämna) har inte sparats. Ändringar behöver nätet: försök igen när du har uppkoppling."
      : "Du är inte uppkopplad, och den här sidan finns inte sparad för läsning utan uppkoppling. Mitt program, programmet och de lärpass du har öppnat med uppkoppling går att läsa också utan nät.";
  return `<!DOCTYPE html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} – Lärpass</title>
<style>
body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1a1a1a; background: #fff; line-height: 1.5; }
header { background: #083f47; color: #fff; padding: 0.75rem 1rem; font-weight: 700; font-size: 1.25rem; }
main { max-width: 40rem; padding: 1rem; margin: 0 auto; }
a { color: #0b5563; }
</style>
</head>
<body>
<header>Lärpass</header>
<main>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(text)}</p>
<ul>
<li><a href="/mitt-program">Mitt program</a></li>
<li><a href="/program">Programmet</a></li>
</ul>
</main>
</body>
</html>
`;
}

/** The offline page's own policy: no scripts at all, its inline style only. */
export const offlinePagePolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
