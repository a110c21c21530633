import type { Metadata } from "next";
import Link from "next/link";
import { listOrganisations } from "@/lib/programme";
import { organisationKindLabels } from "@/lib/domain";

export const dynamic = "force-dynamic";
export const metadata: Metadata = {
  title: "Organisationer",
  description: "Regioner, myndigheter, lärosäten och företag som håller lärpass.",
};

export default async function OrganisationsPage() {
  const organisations = await listOrganisations();
  return (
    <>
      <h1>Organisationer</h1>
      <p className="lead">
        Regioner, myndigheter, lärosäten och andra som håller lärpass, i bokstavsordning. Se också{" "}
        <Link href="/talare">alla talare</Link>.
      </p>
      {organisations.length === 0 ? (
        <p>Inga organisationer ännu.</p>
      ) : (
        <ul className="org-list">
          {organisations.map((o) => (
            <li key={o.id}>
              <Link href={`/organisationer/${o.slug}`}>{o.name}</Link>{" "}
              <span className="meta">
                ({organisationKindLabels[o.kind].toLocaleLowerCase("sv-SE")}, {o.larpassCount} lärpass)
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
