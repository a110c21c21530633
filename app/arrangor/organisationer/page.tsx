import type { Metadata } from "next";
import Link from "next/link";
import { listAdminOrganisations } from "@/lib/admin/organisations";
import { listUnconfirmedOrganisations } from "@/lib/profile";
import { requirePageRole } from "@/lib/auth/page-guards";
import { organisationKindLabels } from "@/lib/domain";
import { Saved } from "@/components/form-fields";
import { confirmOrganisationAction, createOrganisationAction } from "./actions";
import { OrganisationForm } from "./organisation-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Arrangör: organisationer" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function OrganisationsAdminPage({ searchParams }: Props) {
  await requirePageRole("organiser", "/arrangor/organisationer");
  const query = await searchParams;
  const list = listAdminOrganisations();
  const proposed = listUnconfirmedOrganisations();
  return (
    <>
      <h1>Organisationer</h1>
      <p className="lead">Alla organisationer, i bokstavsordning. Typen styr filtret ”Typ av organisation” i programmet.</p>
      {query.borttaget === "organisation" ? <Saved>Organisationen är borttagen.</Saved> : null}
      {query.bekraftad === "1" ? <Saved>Organisationen är bekräftad och kan nu väljas av alla.</Saved> : null}
      {query.fel === "bekrafta" ? (
        <p role="alert" className="notice">
          Organisationen kunde inte bekräftas. Den kan redan vara bekräftad eller borttagen.
        </p>
      ) : null}
      {proposed.length ? (
        <section aria-labelledby="nya-fran-medlemmar" className="admin-section">
          <h2 id="nya-fran-medlemmar">Nya organisationer från medlemmar</h2>
          <p>
            Medlemmar har skrivit in de här organisationerna själva. Bekräfta dem som stämmer; rätta stavningen eller typen
            under namnet först, eller ta bort en som är fel (medlemmarna står då utan organisation).
          </p>
          <ul className="plain-list">
            {proposed.map((o) => (
              <li key={o.id} className="actions" style={{ marginBottom: "0.5rem" }}>
                <Link href={`/arrangor/organisationer/${o.id}`}>{o.name}</Link>
                <span className="meta">({o.members === 1 ? "1 medlem" : `${o.members} medlemmar`})</span>
                <form action={confirmOrganisationAction}>
                  <input type="hidden" name="id" value={o.id} />
                  <button type="submit" className="secondary" aria-label={`Bekräfta ${o.name}`}>
                    Bekräfta
                  </button>
                </form>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
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
