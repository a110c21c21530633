import type { Metadata } from "next";
import Link from "next/link";
import { listAdminEvents } from "@/lib/admin/events";
import { requirePageRole } from "@/lib/auth/page-guards";
import { formatDateSpan } from "@/lib/time";
import { Saved } from "@/components/form-fields";
import { NewEventForm } from "./new-event-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Arrangör: evenemang" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function OrganiserHome({ searchParams }: Props) {
  await requirePageRole("organiser", "/arrangor");
  const query = await searchParams;
  const list = listAdminEvents();
  return (
    <>
      <h1>Evenemang</h1>
      <p className="lead">Alla evenemang, publicerade eller inte. Välj ett för att ändra det, lägga upp dagar, tider, lokaler och lärpass.</p>
      {query.borttaget === "evenemang" ? <Saved>Evenemanget är borttaget.</Saved> : null}
      {list.length === 0 ? (
        <p>Inga evenemang ännu. Skapa det första nedan.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Evenemang, nyaste först</caption>
            <thead>
              <tr>
                <th scope="col">Evenemang</th>
                <th scope="col">Datum</th>
                <th scope="col">Status</th>
                <th scope="col">Lärpass</th>
              </tr>
            </thead>
            <tbody>
              {list.map((e) => (
                <tr key={e.id}>
                  <th scope="row">
                    <Link href={`/arrangor/evenemang/${e.id}`}>{e.name}</Link>
                  </th>
                  <td>{formatDateSpan(e.startsOn, e.endsOn)}</td>
                  <td>
                    {e.published ? (
                      <>
                        <span className="badge">Publicerat</span>{" "}
                        <Link href={`/evenemang/${e.slug}`}>
                          Visa<span className="visually-hidden"> {e.name}</span> på webbplatsen
                        </Link>
                      </>
                    ) : (
                      <span className="badge draft">Ej publicerat</span>
                    )}
                  </td>
                  <td>
                    {e.larpass.published} publicerade, {e.larpass.draft} utkast
                    {e.larpass.cancelled ? `, ${e.larpass.cancelled} inställda` : ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section aria-labelledby="nytt-evenemang" className="admin-section">
        <h2 id="nytt-evenemang">Nytt evenemang</h2>
        <p>Börja med namn och datum. Plats, beskrivning, anmälningstider och publicering fyller du i på evenemangets sida.</p>
        <NewEventForm />
      </section>
    </>
  );
}
