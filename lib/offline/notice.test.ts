// The notice on a page served from the service worker's cache, and the worker's own offline page.
import { describe, expect, it } from "vitest";
import { escapeHtml, offlineNotice, offlinePage, offlinePagePolicy, withOfflineNotice } from "./notice";

describe("offlineNotice", () => {
  it("gives the Swedish clock time in Stockholm, whatever zone the device is in", () => {
    // 12:05 UTC is 14:05 in Stockholm in summer (CEST) and 13:05 in winter (CET).
    expect(offlineNotice(new Date("2026-06-10T12:05:00Z"), new Date("2026-06-10T15:00:00Z"))).toBe(
      "Visas utan uppkoppling, senast hämtad kl. 14.05.",
    );
    expect(offlineNotice(new Date("2026-11-29T12:05:00Z"), new Date("2026-11-29T12:30:00Z"))).toBe(
      "Visas utan uppkoppling, senast hämtad kl. 13.05.",
    );
    expect(offlineNotice(new Date("2026-11-29T07:09:00Z"), new Date("2026-11-29T08:00:00Z"))).toBe(
      "Visas utan uppkoppling, senast hämtad kl. 08.09.",
    );
  });

  it("adds the day when the page was fetched on another day in Stockholm, and the year in another year", () => {
    // 23:30 UTC on 28 November is 00:30 on 29 November in Stockholm: the same day as the morning after.
    expect(offlineNotice(new Date("2026-11-28T23:30:00Z"), new Date("2026-11-29T09:00:00Z"))).toBe(
      "Visas utan uppkoppling, senast hämtad kl. 00.30.",
    );
    expect(offlineNotice(new Date("2026-11-28T22:30:00Z"), new Date("2026-11-29T09:00:00Z"))).toBe(
      "Visas utan uppkoppling, senast hämtad 28 november kl. 23.30.",
    );
    expect(offlineNotice(new Date("2025-12-31T10:00:00Z"), new Date("2026-01-02T09:00:00Z"))).toBe(
      "Visas utan uppkoppling, senast hämtad 31 december 2025 kl. 11.00.",
    );
  });
});

describe("withOfflineNotice", () => {
  it("writes the notice first in <body>, escaped, and leaves the rest of the page as it was", () => {
    const html = '<!DOCTYPE html><html lang="sv"><head><title>x</title></head><body class="a"><a class="skip-link">Hoppa</a><main>Mitt program</main></body></html>';
    const out = withOfflineNotice(html, "Visas <utan> uppkoppling");
    expect(out).toBe(
      '<!DOCTYPE html><html lang="sv"><head><title>x</title></head><body class="a"><section class="offline-notice" role="status" data-offline-notice="">Visas &lt;utan&gt; uppkoppling</section><a class="skip-link">Hoppa</a><main>Mitt program</main></body></html>',
    );
    expect(withOfflineNotice("<p>utan body</p>", "n")).toMatch(/^<section class="offline-notice"[^>]*>n<\/section><p>/);
  });

  it("escapes every character that matters in HTML", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  });
});

describe("offlinePage", () => {
  it("is a Swedish page without scripts, for a page not saved and for a change sent offline", () => {
    const page = offlinePage("sida");
    expect(page).toContain('<html lang="sv">');
    expect(page).toContain("<title>Sidan finns inte sparad – Lärpass</title>");
    expect(page).toContain("Du är inte uppkopplad");
    expect(page).toContain('href="/mitt-program"');
    expect(page).not.toContain("<script");
    const change = offlinePage("andring");
    expect(change).toContain("<h1>Ändringen skickades inte</h1>");
    expect(change).toContain("har inte sparats");
    expect(offlinePagePolicy).toContain("default-src 'none'");
    expect(offlinePagePolicy).not.toContain("script-src");
  });
});
