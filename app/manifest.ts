import type { MetadataRoute } from "next";

/**
 * The installable web app (served as /manifest.webmanifest; Next links it from every page). The PNG icons
 * are made from app/icon.svg by scripts/make-icons.ts. Offline reading is the service worker's part
 * (lib/offline/sw.ts).
 */
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: "/",
    name: "Lärpass – årskonferensens program",
    short_name: "Lärpass",
    description: "Programmet för årskonferensens lärpass och ditt eget program, också utan uppkoppling.",
    lang: "sv",
    dir: "ltr",
    start_url: "/mitt-program",
    scope: "/",
    display: "standalone",
    background_color: "#fbfaf7",
    theme_color: "#083f47",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" },
    ],
    shortcuts: [
      { name: "Mitt program", url: "/mitt-program" },
      { name: "Programmet", url: "/program" },
    ],
  };
}
