import Link from "next/link";
import type { ReactNode } from "react";
import { requirePageRole } from "@/lib/auth/page-guards";

export const dynamic = "force-dynamic";

/** The organisers' workspace. Every page and action below checks the role again on its own. */
export default async function OrganiserLayout({ children }: { children: ReactNode }) {
  await requirePageRole("organiser", "/arrangor");
  return (
    <div className="organiser">
      <nav aria-label="Arrangörsmeny" className="subnav">
        <ul>
          <li>
            <Link href="/arrangor">Evenemang</Link>
          </li>
          <li>
            <Link href="/arrangor/talare">Talare</Link>
          </li>
          <li>
            <Link href="/arrangor/organisationer">Organisationer</Link>
          </li>
          <li>
            <Link href="/arrangor/epost">E-post</Link>
          </li>
        </ul>
      </nav>
      {children}
    </div>
  );
}
