import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Inloggningen misslyckades" };

const messages: Record<string, string> = {
  Verification: "Länken har redan använts eller har gått ut. Be om en ny länk.",
  AccessDenied: "Du har inte tillgång till det här.",
  Configuration: "Inloggningen är felkonfigurerad. Kontakta arrangörerna.",
};

export default async function AuthErrorPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const { error } = await searchParams;
  return (
    <>
      <h1>Inloggningen misslyckades</h1>
      <p>{(error && messages[error]) || "Något gick fel vid inloggningen. Försök igen."}</p>
      <p>
        <Link className="button" href="/logga-in">
          Be om en ny inloggningslänk
        </Link>
      </p>
    </>
  );
}
