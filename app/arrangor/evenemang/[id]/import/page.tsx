import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getAdminEvent } from "@/lib/admin/events";
import { requirePageRole } from "@/lib/auth/page-guards";
import { CSV_COLUMNS } from "@/lib/import/csv";
import { idSchema } from "@/lib/validation/form";
import { EventHeader } from "@/components/event-header";
import { confirmImportAction, previewImportAction } from "./actions";
import { ImportPanel } from "./import-panel";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Arrangör: import" };

type Props = { params: Promise<{ id: string }> };

export default async function ImportPage({ params }: Props) {
  const { id: raw } = await params;
  await requirePageRole("organiser", `/arrangor/evenemang/${raw}/import`);
  const id = idSchema.safeParse(raw);
  if (!id.success) notFound();
  const data = getAdminEvent({ id: id.data });
  if (!data) notFound();
  const { event } = data;
  return (
    <>
      <EventHeader event={event} title="Import" heading={`Importera lärpass: ${event.name}`} />
      <p className="lead">
        Lärpass som redan finns i evenemanget känns igen på titeln och uppdateras; talare och organisationer känns igen på namnet.
        Du ser alltid vad som kommer att hända innan något sparas.
      </p>

      <section aria-labelledby="textlista" className="admin-section">
        <h2 id="textlista">Från den publicerade lärpasslistan</h2>
        <p>
          Samma format som lärpasslistan på webben: en rubrik och en inledning överst, sedan ett stycke per lärpass med titel,
          sammanfattning och sist en rad med talarna, till exempel <q>Anna Berg, Region Norrbotten och Per Ek, Tillväxtverket</q>.
          Tomma rader skiljer lärpassen åt.
        </p>
        <ImportPanel eventId={event.id} format="text" preview={previewImportAction} confirm={confirmImportAction} />
      </section>

      <section aria-labelledby="csv" className="admin-section">
        <h2 id="csv">CSV (Excel)</h2>
        <p>
          <a className="button secondary" href={`/arrangor/evenemang/${event.id}/larpass.csv`} download>
            Ladda ner evenemangets lärpass som CSV
          </a>
        </p>
        <details>
          <summary>Så ser CSV-filen ut</summary>
          <ul>
            <li>UTF-8, semikolon mellan kolumnerna: Excel öppnar filen med å, ä och ö. Kommaavgränsat går också att importera.</li>
            <li>
              Första raden namnger kolumnerna. Exporten har <code>{CSV_COLUMNS.join(";")}</code>.
            </li>
            <li>
              Importen läser <code>titel</code> (måste finnas), <code>sammanfattning</code> och <code>talare</code>. Övriga kolumner hoppas
              över, så en exporterad fil kan redigeras och importeras igen.
            </li>
            <li>
              <code>talare</code>: talarna i ordning, åtskilda med semikolon. Varje talare skrivs <q>Namn</q>, <q>Namn, Organisation</q> eller{" "}
              <q>Namn, roll, Organisation</q>.
            </li>
            <li>Har filen något fel (till exempel en rad utan titel) importeras ingenting, och felet visas med radnummer.</li>
          </ul>
        </details>
        <ImportPanel eventId={event.id} format="csv" preview={previewImportAction} confirm={confirmImportAction} />
      </section>
    </>
  );
}
