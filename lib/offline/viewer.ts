// The viewer key: which signed-in session a page was rendered for, without revealing the session.
//
// proxy.ts sends it with every page (header x-larpass-besokare). The service worker keeps each key's pages
// in their own cache and drops the others as soon as a page comes back for a different key: after a
// sign-out (the key becomes "anon"), when a session ends, or when someone else signs in on the same device.

export const anonymousViewer = "anon";

/** A one-way hash of the session token (the token itself never leaves the cookie), or "anon". */
export async function viewerKey(sessionToken: string | undefined): Promise<string> {
  if (!sessionToken) return anonymousViewer;
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(`larpass-offline:${sessionToken}`));
  return Array.from(new Uint8Array(digest).slice(0, 16), (b) => b.toString(16).padStart(2, "0")).join("");
}
