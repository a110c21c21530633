import Link from "next/link";
import { getCurrentUser } from "@/lib/auth/current-user";
import { isLinkedSpeaker } from "@/lib/speakers/mine";

/** signOutAction comes from the layout: a component never imports a route's actions. */
export async function SiteHeader({ signOutAction }: { signOutAction: () => Promise<void> }) {
  const user = await getCurrentUser();
  // Speakers, and organisers who also speak (an organiser's role stays "organiser" when linked).
  const speaks = user ? user.role === "speaker" || (user.role === "organiser" && isLinkedSpeaker({ userId: user.id })) : false;
  return (
    <header className="site-header">
      <div className="inner">
        <Link href="/" className="brand">
          Lärpass
        </Link>
        <nav aria-label="Huvudmeny" className="site-nav">
          <ul>
            <li>
              <Link href="/program">Program</Link>
            </li>
            {user ? (
              <>
                {/* The member's own pages first: on a phone the menu is one row and the rest scrolls. */}
                <li>
                  <Link href="/mitt-program">Mitt program</Link>
                </li>
                {speaks ? (
                  <li>
                    <Link href="/mina-larpass">Mina lärpass</Link>
                  </li>
                ) : null}
                <li>
                  <Link href="/mina-forslag">Mina förslag</Link>
                </li>
                {user.role === "organiser" ? (
                  <li>
                    <Link href="/arrangor">Arrangör</Link>
                  </li>
                ) : null}
              </>
            ) : null}
            <li>
              <Link href="/organisationer">Organisationer</Link>
            </li>
            <li>
              <Link href="/evenemang">Alla evenemang</Link>
            </li>
            <li>
              <Link href="/talare">Talare</Link>
            </li>
            {user ? (
              <>
                <li>
                  <Link href="/konto">Mitt konto</Link>
                </li>
                <li>
                  {/* data-logga-ut: the service worker forgets this member's saved pages (components/offline-support.tsx). */}
                  <form action={signOutAction} data-logga-ut="">
                    <button type="submit" className="link-button">
                      Logga ut
                    </button>
                  </form>
                </li>
              </>
            ) : (
              <li>
                <Link href="/logga-in">Logga in</Link>
              </li>
            )}
          </ul>
        </nav>
      </div>
    </header>
  );
}
