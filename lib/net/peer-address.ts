// The address of the machine at the other end of the TCP connection, for the few pages that must only be
// served on this machine (the demo outbox, which holds sign-in links).
//
// Next gives pages no access to the socket, and the X-Forwarded-For header it fills in keeps a value the
// client sent itself (base-server: `req.headers['x-forwarded-for'] ??= socket.remoteAddress`), so a client
// could claim to be 127.0.0.1. Instead, the server process stamps every incoming request with the socket's
// own address under PEER_HEADER, overwriting whatever the client sent under that name. instrumentation.ts
// installs the stamp when the server starts. A request without the stamp is treated as remote (fail closed).
import http from "node:http";

export const PEER_HEADER = "x-larpass-peer";

const installed = Symbol.for("larpass.peerAddressStamp");

type Stampable = { headers: http.IncomingHttpHeaders; socket?: { remoteAddress?: string } | null };

/** Overwrites PEER_HEADER with the socket's remote address (or removes it when the socket has none). */
export function stampPeerAddress(req: Stampable): void {
  const address = req.socket?.remoteAddress;
  if (address) req.headers[PEER_HEADER] = address;
  else delete req.headers[PEER_HEADER];
}

/**
 * Makes every http.Server in this process stamp its requests before any listener (Next's) sees them.
 * Idempotent. Patching the prototype reaches the server `next start` has already created.
 */
export function installPeerAddressStamp(): void {
  const proto = http.Server.prototype as unknown as Record<symbol, boolean> & { emit: (...args: unknown[]) => boolean };
  if (proto[installed]) return;
  const emit = proto.emit;
  proto.emit = function (this: unknown, event: unknown, ...args: unknown[]) {
    if (event === "request" || event === "upgrade") stampPeerAddress(args[0] as Stampable);
    return emit.call(this, event, ...args);
  };
  proto[installed] = true;
}

/** 127.0.0.0/8, ::1 and their IPv4-mapped IPv6 forms. */
export function isLoopbackAddress(address: string | null | undefined): boolean {
  if (!address) return false;
  const a = address.trim().toLowerCase();
  if (a === "::1" || a === "0:0:0:0:0:0:0:1") return true;
  const v4 = a.startsWith("::ffff:") ? a.slice("::ffff:".length) : a;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

/** Whether the request (its headers, as a page or proxy sees them) came over a loopback connection. */
export function isLoopbackRequest(headers: Pick<Headers, "get">): boolean {
  return isLoopbackAddress(headers.get(PEER_HEADER));
}
