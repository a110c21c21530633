import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Sidan finns inte" };

export default function NotFound() {
  return (
    <>
      <h1>Sidan finns inte</h1>
      <p>Sidan du letar efter finns inte, eller har flyttats. Kanske har lärpasset bytt namn eller ställts in.</p>
      <ul>
        <li>
          <Link href="/program">Till programmet</Link>
        </li>
        <li>
          <Link href="/organisationer">Organisationer</Link>
        </li>
        <li>
          <Link href="/">Till startsidan</Link>
        </li>
      </ul>
    </>
  );
}
