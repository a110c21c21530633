import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { LANDING_PATH, landingFor } from "@/lib/auth/landing";
import { headers } from "next/headers";
import { outboxReadableBy } from "@/lib/mail";
import { safeReturnPath } from "@/lib/validation/auth";
import { SignInForm } from "./sign-in-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = {
  title: "Logga in",
  description: "Logga in med en länk i e-posten för att välja lärpass.",
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const next = safeReturnPath((await searchParams).next, LANDING_PATH);
  const user = await getCurrentUser();
  if (user) redirect(next === LANDING_PATH ? landingFor(user) : next);
  return (
    <>
      <h1>Logga in</h1>
      <p className="lead">Skriv din e-postadress så skickar vi en inloggningslänk. Första gången skapas ditt konto automatiskt.</p>
      <SignInForm next={next} />
      {outboxReadableBy(await headers()) ? (
        <p className="meta" style={{ marginTop: "1rem" }}>
          Ingen e-postserver är inställd: mejlen hamnar i <Link href="/utveckling/utkorg">utkorgen</Link> (bara för
          utveckling och demo).
        </p>
      ) : null}
    </>
  );
}
