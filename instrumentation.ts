/** Runs once when a server process starts. */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { checkStartup } = await import("./lib/startup-check");
    checkStartup();
    // Stamp each request with its socket's address, for the pages served only on this machine (the outbox).
    const { installPeerAddressStamp } = await import("./lib/net/peer-address");
    installPeerAddressStamp();
    // The mail queue's worker: retries what could not be sent, and resumes what a restart cut off.
    const { startMailWorker } = await import("./lib/mail-queue");
    const { sendNow } = await import("./lib/mail");
    startMailWorker({ transport: sendNow });
  }
}
