// Whether an error a page caught means "no connection": a server action's fetch that never reached the
// server rejects with a TypeError (Chromium "Failed to fetch", Firefox "NetworkError when attempting to fetch
// resource.", Safari "Load failed"). Next treats such a rejection as offline as well (its useOffline retry).
export function looksOffline(error: unknown, online: boolean): boolean {
  if (!online) return true;
  return error instanceof TypeError && /failed to fetch|networkerror|load failed|network request failed/i.test(error.message);
}
