import type { Metadata } from "next";
import Link from "next/link";
import { plural } from "@/lib/plural";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Kontot är borttaget", robots: { index: false } };

/** A count from the address (written by deleteAccountAction); anything else counts as 0. */
function count(value: string | string[] | undefined): number {
  const n = typeof value === "string" && /^\d{1,4}$/.test(value) ? Number(value) : 0;
  return n;
}

/** After "Ta bort mitt konto": says what was removed. The counts are the member's own, nothing else is shown. */
export default async function AccountDeletedPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const seats = count(params.platser);
  const waitlist = count(params.koplatser);
  return (
    <>
      <h1>Ditt konto är borttaget</h1>
      <p className="lead" role="status">
        Vi har tagit bort allt vi sparat om dig, och du är utloggad.
      </p>
      <ul>
        <li>Din e-postadress, ditt namn och din roll.</li>
        <li>
          {seats === 0
            ? "Du hade inga platser på lärpass."
            : `${plural(seats, "plats", "platser")} på lärpass. De har gått vidare till nästa person i kön, om någon väntade.`}
        </li>
        <li>{waitlist === 0 ? "Du stod inte i någon kö." : `${plural(waitlist, "köplats", "köplatser")}.`}</li>
        <li>Din kalenderadress (den slutar fungera) och alla dina inloggningar.</li>
      </ul>
      <p>
        Vill du komma tillbaka <Link href="/logga-in">loggar du in igen</Link>, så skapas ett nytt, tomt konto.{" "}
        <Link href="/program">Till programmet</Link>.
      </p>
    </>
  );
}
