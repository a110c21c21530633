// The outbox holds sign-in links: only a client on this machine may read it, whatever headers it sends.
import http from "node:http";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outboxReadableBy } from "@/lib/mail";
import { installPeerAddressStamp, isLoopbackAddress, isLoopbackRequest, PEER_HEADER } from "./peer-address";

describe("isLoopbackAddress", () => {
  it.each(["127.0.0.1", "127.8.9.10", "::1", "::ffff:127.0.0.1", " ::FFFF:127.0.0.1 "])("%s is loopback", (a) => {
    expect(isLoopbackAddress(a)).toBe(true);
  });
  it.each(["203.0.113.5", "10.0.0.1", "192.168.1.2", "::ffff:10.0.0.1", "fe80::1", "0.0.0.0", "", null, undefined, "127.0.0.1.evil", "localhost"])(
    "%s is not",
    (a) => {
      expect(isLoopbackAddress(a)).toBe(false);
    },
  );
});

/** The outbox decision for a request that reaches the server's request listener. */
function outboxDecision(req: http.IncomingMessage): boolean {
  return outboxReadableBy(new Headers(req.headers as Record<string, string>));
}

describe("the peer-address stamp on the server's requests", () => {
  let server: http.Server;
  let port = 0;
  const seen: Array<{ peer: string | undefined; outbox: boolean }> = [];

  beforeAll(async () => {
    installPeerAddressStamp();
    installPeerAddressStamp(); // idempotent: no double wrapping
    server = http.createServer((req, res) => {
      seen.push({ peer: req.headers[PEER_HEADER] as string | undefined, outbox: outboxDecision(req) });
      res.end(outboxDecision(req) ? "utkorg" : "404");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as net.AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("stamps a loopback request with the socket's address and shows it the outbox", async () => {
    const res = await fetch(`http://127.0.0.1:${port}/utveckling/utkorg`);
    expect(await res.text()).toBe("utkorg");
    expect(seen.at(-1)).toEqual({ peer: "127.0.0.1", outbox: true });
  });

  it("overwrites a header the client forged, so a client cannot claim another address", async () => {
    const res = await fetch(`http://127.0.0.1:${port}/`, { headers: { [PEER_HEADER]: "203.0.113.9", "x-forwarded-for": "203.0.113.9" } });
    await res.text();
    expect(seen.at(-1)?.peer).toBe("127.0.0.1");
  });

  it("refuses the outbox to a request from a non-loopback address, even one claiming to be 127.0.0.1", () => {
    // A connection from another machine: the socket's remote address is that machine's.
    const socket = new net.Socket();
    Object.defineProperty(socket, "remoteAddress", { value: "203.0.113.7" });
    const req = new http.IncomingMessage(socket);
    req.headers = { host: "demo.example", [PEER_HEADER]: "127.0.0.1", "x-forwarded-for": "127.0.0.1" };
    req.url = "/utveckling/utkorg";
    const res = new http.ServerResponse(req);
    const chunks: string[] = [];
    res.end = ((chunk: string) => {
      chunks.push(chunk);
      return res;
    }) as typeof res.end;
    server.emit("request", req, res);
    expect(seen.at(-1)).toEqual({ peer: "203.0.113.7", outbox: false });
    expect(chunks).toEqual(["404"]);
  });

  it("treats a request without the stamp as remote (fail closed)", () => {
    expect(isLoopbackRequest(new Headers())).toBe(false);
    expect(outboxReadableBy(new Headers({ "x-forwarded-for": "127.0.0.1" }))).toBe(false);
    expect(outboxReadableBy(new Headers({ [PEER_HEADER]: "::1" }))).toBe(true);
  });
});
