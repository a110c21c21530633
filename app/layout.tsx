import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { signOutAction } from "@/app/logga-in/actions";
import { OfflineSupport } from "@/components/offline-support";
import { SiteHeader } from "@/components/site-header";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Lärpass", template: "%s – Lärpass" },
  description: "Programmet för årskonferensens lärpass: välj själv vilka du vill delta i.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#083f47" };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="sv">
      <body>
        <a className="skip-link" href="#innehall">
          Hoppa till innehållet
        </a>
        <SiteHeader signOutAction={signOutAction} />
        <main id="innehall" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <div className="inner">
            <p>Lärpass är 45 minuter långa och du väljer själv vilka du vill delta i. Listan uppdateras kontinuerligt.</p>
          </div>
        </footer>
        <OfflineSupport />
      </body>
    </html>
  );
}
