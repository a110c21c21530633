import type { Metadata } from "next";
import Link from "next/link";
import { listAdminOrganisations } from "@/lib/admin/people";
import { requirePageRole } from "@/lib/auth/page-guards";
import { organisationKindLabels } from "@/lib/domain";
import { Saved } from "../fields";
import { createOrganisationAction } from "./actions";
import { OrganisationForm } from "./organisation-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Arrangör: organisationer" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function OrganisationsAdminPage({ searchParams }: Props) {
  await requirePageRole("organiser", "/arrangor/organisationer");
  const query = await searchParams;
  const list = listAdminOrganisations();
  return (
    <>
      <h1>Organisationer</h1>
      <p className="lead">Alla organisationer, i bokstavsordning. Typen styr filtret ”Typ av organisation” i programmet.</p>
      {query.borttaget === "organisation" ? <Saved>Organisationen är borttagen.</Saved> : null}
      {list.length === 0 ? (
        <p>Inga organisationer ännu.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Organisationer i bokstavsordning</caption>
            <thead>
              <tr>
                <th scope="col">Namn</th>
                <th scope="col">Typ</th>
                <th scope="col">Talare</th>
              </tr>
            </thead>
            <tbody>
              {list.map((o) => (
                <tr key={o.id}>
                  <th scope="row">
                    <Link href={`/arrangor/organisationer/${o.id}`}>{o.name}</Link>
                  </th>
                  <td>{organisationKindLabels[o.kind]}</td>
                  <td>{o.speakerCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section aria-labelledby="ny-organisation" className="admin-section">
        <h2 id="ny-organisation">Ny organisation</h2>
        <OrganisationForm mode="create" action={createOrganisationAction} defaults={{ name: "", slug: "", kind: "region" }} />
      </section>
    </>
  );
}
