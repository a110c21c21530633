import Link from "next/link";

export default function Forbidden() {
  return (
    <>
      <h1>Du har inte behörighet</h1>
      <p>Den här sidan är bara för arrangörer (eller för talaren som sidan gäller). Är du inloggad med rätt konto?</p>
      <p>
        <Link href="/program">Till programmet</Link>
      </p>
    </>
  );
}
