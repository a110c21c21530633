"use client";

import { looksOffline } from "@/lib/offline/network-error";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  // A change sent while the connection dropped (the offline check in components/offline-support.tsx only
  // sees what the browser knows): say so, rather than "something went wrong".
  if (typeof navigator !== "undefined" && looksOffline(error, navigator.onLine)) {
    return (
      <>
        <h1>Du är inte uppkopplad</h1>
        <p>Det du skickade nådde inte servern, så ingenting har ändrats. Försök igen när du har uppkoppling.</p>
        <button type="button" onClick={() => reset()}>
          Försök igen
        </button>
      </>
    );
  }
  return (
    <>
      <h1>Något gick fel</h1>
      <p>Sidan kunde inte visas just nu. Inget av det du gjort har gått förlorat. Försök igen om en stund.</p>
      <button type="button" onClick={() => reset()}>
        Försök igen
      </button>
    </>
  );
}
