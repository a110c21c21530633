/** Runs once when a server process starts. */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { checkStartup } = await import("./lib/startup-check");
    checkStartup();
    // Stamp each request with its socket's address, for the pages served only on this machine (the outbox).
    const { installPeerAddressStamp } = await import("./lib/net/peer-address");
    installPeerAddressStamp();
    // Anonymous visitors get the public pages from a one-second snapshot (lib/net/page-snapshot.ts, #11).
    if (process.env.NODE_ENV === "production" && process.env.PAGE_SNAPSHOTS !== "0") {
      const { installPageSnapshots } = await import("./lib/net/page-snapshot");
      const { counters } = await import("./lib/cache/shared");
      installPageSnapshots(() => counters().version);
    }
    // A hydrated card's Välj / Lämna is answered before Next, with the same bytes (lib/net/signup-direct.ts, #11).
    if (process.env.NODE_ENV === "production" && process.env.SIGNUP_DIRECT !== "0") {
      const { installSignupDirect } = await import("./lib/net/signup-direct");
      installSignupDirect(`${process.cwd()}/${process.env.NEXT_DIST_DIR || ".next"}`);
    }
    // The mail queue's worker: retries what could not be sent, and resumes what a restart cut off.
    const { startMailWorker } = await import("./lib/mail-queue");
    const { sendNow } = await import("./lib/mail");
    startMailWorker({ transport: sendNow });
  }
}
