import type { Metadata } from "next";
import Link from "next/link";
import { listAdminSpeakers } from "@/lib/admin/speakers";
import { listOrganisationOptions } from "@/lib/admin/organisations";
import { requirePageRole } from "@/lib/auth/page-guards";
import { Saved } from "@/components/form-fields";
import { createSpeakerAction } from "./actions";
import { SpeakerForm } from "./speaker-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Arrangör: talare" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SpeakersPage({ searchParams }: Props) {
  await requirePageRole("organiser", "/arrangor/talare");
  const query = await searchParams;
  const list = listAdminSpeakers();
  return (
    <>
      <h1>Talare</h1>
      <p className="lead">Alla talare i alla evenemang, i bokstavsordning.</p>
      {query.borttaget === "talare" ? <Saved>Talaren är borttagen.</Saved> : null}
      {list.length === 0 ? (
        <p>Inga talare ännu.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Talare i bokstavsordning</caption>
            <thead>
              <tr>
                <th scope="col">Namn</th>
                <th scope="col">Roll</th>
                <th scope="col">Organisation</th>
                <th scope="col">Lärpass</th>
              </tr>
            </thead>
            <tbody>
              {list.map((s) => (
                <tr key={s.id}>
                  <th scope="row">
                    <Link href={`/arrangor/talare/${s.id}`}>{s.name}</Link>
                  </th>
                  <td>{s.role ?? ""}</td>
                  <td>{s.organisation ?? ""}</td>
                  <td>{s.larpassCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section aria-labelledby="ny-talare" className="admin-section">
        <h2 id="ny-talare">Ny talare</h2>
        <SpeakerForm
          mode="create"
          action={createSpeakerAction}
          defaults={{ name: "", slug: "", role: "", organisationId: "", bio: "", email: "" }}
          organisations={listOrganisationOptions()}
        />
      </section>
    </>
  );
}
