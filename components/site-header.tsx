import Link from "next/link";

export function SiteHeader() {
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
            <li>
              <Link href="/organisationer">Organisationer</Link>
            </li>
            <li>
              <Link href="/evenemang">Alla evenemang</Link>
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}
