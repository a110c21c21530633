// Which pages the service worker keeps for offline reading (lib/offline/sw.ts) and which it never keeps.
import { describe, expect, it } from "vitest";
import { isOfflinePage, pageCacheName, pageKey } from "./pages";

const origin = "https://larpass.example.se";
const at = (path: string) => new URL(path, origin);

describe("isOfflinePage", () => {
  it("keeps Mitt program, the programme and an event's programme and lärpass pages, with their query", () => {
    for (const path of [
      "/program",
      "/program?dag=2018-10-03&sal=1",
      "/mitt-program",
      "/mitt-program?evenemang=arskonferens-2018",
      "/evenemang/arskonferens-2018",
      "/evenemang/arskonferens-2018/",
      "/evenemang/arskonferens-2018?slot=4",
      "/evenemang/arskonferens-2018/larpass/digitalisering",
    ]) {
      expect(isOfflinePage(at(path), origin), path).toBe(true);
    }
  });

  it("never keeps organisers', speakers' or account pages, sign-in, the API, files or the outbox", () => {
    for (const path of [
      "/",
      "/arrangor",
      "/arrangor/evenemang/1",
      "/konto",
      "/konto/data.json",
      "/logga-in",
      "/logga-in/kolla-mejlen",
      "/efter-inloggning",
      "/api/auth/session",
      "/api/anmalan",
      "/utveckling/utkorg",
      "/mina-larpass",
      "/mitt-program/kalender.ics",
      "/kalender/abc.ics",
      "/evenemang/arskonferens-2018/schedule.xml",
      "/evenemang/arskonferens-2018/dokumentation",
      "/evenemang/arskonferens-2018/andringar",
      "/evenemang/arskonferens-2018/larpass/x/extra",
      "/program/extra",
      "/programmet",
    ]) {
      expect(isOfflinePage(at(path), origin), path).toBe(false);
    }
  });

  it("is not fooled by encoding or dot segments, and keeps GET from this site only", () => {
    expect(isOfflinePage(at("/%6Bonto"), origin)).toBe(false);
    expect(isOfflinePage(at("/evenemang/%2E%2E%2Fkonto"), origin)).toBe(false);
    expect(isOfflinePage(at("/evenemang/a%2Fb"), origin)).toBe(false);
    expect(isOfflinePage(at("/evenemang/%E0%A4%A"), origin)).toBe(false);
    expect(isOfflinePage(at("/program"), origin, "POST")).toBe(false);
    expect(isOfflinePage(new URL("https://annan.example/program"), origin)).toBe(false);
  });
});

describe("pageKey and cache names", () => {
  it("keys a page by path and query, never by fragment, and names a cache per session", () => {
    expect(pageKey(at("/program?dag=1#pass-2"))).toBe("/program?dag=1");
    expect(pageCacheName("abc")).toBe("larpass-sidor-abc");
    expect(pageCacheName("abc")).not.toBe(pageCacheName("def"));
  });
});
