import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { outboxReadableBy } from "@/lib/mail";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Kolla din e-post" };

export default async function CheckMailPage() {
  return (
    <>
      <h1>Kolla din e-post</h1>
      <p>Vi har skickat en inloggningslänk. Klicka på länken i mejlet för att logga in. Den gäller i 24 timmar.</p>
      <p>Inget mejl? Titta i skräpposten, eller <Link href="/logga-in">be om en ny länk</Link>.</p>
      {outboxReadableBy(await headers()) ? (
        <p className="notice">
          Utvecklingsläge: mejlet finns i <Link href="/utveckling/utkorg">utkorgen</Link>.
        </p>
      ) : null}
    </>
  );
}
