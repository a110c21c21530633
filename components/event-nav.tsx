"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const sections = [
  { href: "", label: "Översikt" },
  { href: "/larpass", label: "Lärpass" },
  { href: "/forslag", label: "Förslag" },
  { href: "/schema", label: "Schema" },
  { href: "/efterfragan", label: "Efterfrågan" },
  { href: "/import", label: "Import" },
  { href: "/export", label: "Export" },
  { href: "/andringar", label: "Ändringar" },
  { href: "/dokumentation", label: "Dokumentation" },
] as const;

/**
 * The sections of one event in the organisers' workspace. Shared by every page under
 * /arrangor/evenemang/[id]; the current section is marked from the URL (aria-current="page").
 */
export function EventNav({ eventId, eventName }: { eventId: number; eventName: string }) {
  const pathname = usePathname() ?? "";
  const base = `/arrangor/evenemang/${eventId}`;
  const current = (href: string) =>
    href === "" ? pathname === base : pathname === base + href || pathname.startsWith(`${base}${href}/`);
  return (
    <nav aria-label={`Evenemanget ${eventName}`} className="subnav event-nav">
      <ul>
        {sections.map((s) => (
          <li key={s.href}>
            <Link href={base + s.href} aria-current={current(s.href) ? "page" : undefined}>
              {s.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
