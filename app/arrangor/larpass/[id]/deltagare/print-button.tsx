"use client";

/** Opens the browser's print dialog (hidden when printing, like the rest of the page chrome). */
export function PrintButton() {
  return (
    <button type="button" onClick={() => window.print()}>
      Skriv ut
    </button>
  );
}
