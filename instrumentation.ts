/** Runs once when a server process starts. */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { checkStartup } = await import("./lib/startup-check");
    checkStartup();
    // Stamp each request with its socket's address, for the pages served only on this machine (the outbox).
    const { installPeerAddressStamp } = await import("./lib/net/peer-address");
    installPeerAddressStamp();
  }
}
