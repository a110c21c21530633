"use client";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
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
