"use client";

import { usePathname } from "next/navigation";
import { Suspense, useEffect, useRef, useState } from "react";
import { isOfflinePage, type OfflineMessage } from "@/lib/offline/pages";

const offlineMessage =
  "Du är inte uppkopplad. Välj, Lämna och andra ändringar behöver nätet, så ingenting har skickats. Försök igen när du har uppkoppling.";

function tell(message: OfflineMessage) {
  void navigator.serviceWorker.ready.then((registration) => registration.active?.postMessage(message));
}

/**
 * Offline use (lib/offline/sw.ts does the work):
 * - registers the service worker (a production build only: `npm run build` makes public/sw.js);
 * - asks it to save a readable page reached by a client-side navigation, which it would not see otherwise;
 * - stops a form that would post without a connection and says why, instead of failing silently (without
 *   JavaScript the worker answers such a post with its own page);
 * - tells the worker to forget the saved pages when the member signs out (a form marked data-logga-ut).
 */
export function OfflineSupport() {
  // usePathname may suspend while a page is prerendered (with cacheComponents, on dynamic routes); it renders
  // nothing on the server anyway.
  return (
    <Suspense fallback={null}>
      <OfflineSupportClient />
    </Suspense>
  );
}

function OfflineSupportClient() {
  const pathname = usePathname();
  const [blocked, setBlocked] = useState(false);
  const firstPage = useRef(true);
  const supported = process.env.NODE_ENV === "production" && typeof navigator !== "undefined" && "serviceWorker" in navigator;

  useEffect(() => {
    if (!supported) return;
    navigator.serviceWorker.register("/sw.js", { scope: "/", updateViaCache: "none" }).catch(() => undefined);
  }, [supported]);

  useEffect(() => {
    if (!supported) return;
    const wasControlled = Boolean(navigator.serviceWorker.controller);
    const isFirst = firstPage.current;
    firstPage.current = false;
    // The worker saved this page itself when it handled the document request.
    if (isFirst && wasControlled) return;
    const url = new URL(window.location.href);
    if (isOfflinePage(url, window.location.origin)) tell({ type: "larpass:spara-sida", url: url.pathname + url.search });
  }, [pathname, supported]);

  useEffect(() => {
    const onSubmit = (event: SubmitEvent) => {
      const form = event.target;
      if (!(form instanceof HTMLFormElement)) return;
      const method = (event.submitter?.getAttribute("formmethod") ?? form.getAttribute("method") ?? "get").toLowerCase();
      if (method !== "post") return;
      if (!navigator.onLine) {
        // Before React sees it: neither the server action nor the plain form post is sent.
        event.preventDefault();
        event.stopImmediatePropagation();
        setBlocked(true);
        return;
      }
      if (supported && form.hasAttribute("data-logga-ut")) tell({ type: "larpass:logga-ut" });
    };
    const onOnline = () => setBlocked(false);
    window.addEventListener("submit", onSubmit, { capture: true });
    window.addEventListener("online", onOnline);
    return () => {
      window.removeEventListener("submit", onSubmit, { capture: true });
      window.removeEventListener("online", onOnline);
    };
  }, [supported]);

  // Rendered only when needed (an alert added to the page is announced): Next's route announcer is already
  // an empty alert of its own.
  if (!blocked) return null;
  return (
    <div className="offline-alert" role="alert">
      <p>{offlineMessage}</p>
      <button type="button" className="secondary" onClick={() => setBlocked(false)}>
        Stäng
      </button>
    </div>
  );
}
