import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { exportPersonalData } from "@/lib/account";
import { ProfileForm } from "@/components/profile-form";
import { getCurrentUser } from "@/lib/auth/current-user";
import { getProfile, listOrganisationChoices } from "@/lib/profile";
import { formatDateTime } from "@/lib/time";
import { saveProfileAction } from "./actions";
import { DeleteAccountForm } from "./delete-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Mitt konto", description: "Allt vi sparar om dig, och hur du tar bort det." };

const roleLabels = { member: "Medlem", speaker: "Talare", organiser: "Arrangör" } as const;
const statusLabels = { confirmed: "Plats", waitlisted: "I kö" } as const;

export default async function AccountPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/logga-in?next=/konto");
  const data = exportPersonalData({ userId: user.id });
  if (!data) redirect("/logga-in?next=/konto");
  const profile = getProfile({ userId: user.id });
  return (
    <>
      <h1>Mitt konto</h1>
      <section aria-labelledby="uppgifter" className="panel">
        <h2 id="uppgifter">Det här sparar vi om dig</h2>
        <dl className="facts">
          <dt>E-post</dt>
          <dd>{data.konto.epost}</dd>
          <dt>Namn</dt>
          <dd>{data.konto.namn ?? "Inget namn angivet"}</dd>
          <dt>Organisation</dt>
          <dd>{data.konto.organisation ?? "Ingen organisation angiven"}</dd>
          <dt>Roll</dt>
          <dd>{roleLabels[data.konto.roll]}</dd>
          <dt>Konto skapat</dt>
          <dd>{formatDateTime(data.konto.skapad)}</dd>
          <dt>Kalenderadress</dt>
          <dd>{data.konto.kalenderlankAktiv ? "Aktiv" : "Ingen"}</dd>
          <dt>Inloggningar</dt>
          <dd>{data.inloggningar.length} aktiva</dd>
        </dl>
        <p className="meta">
          En inloggning gäller i 30 dagar och förlängs när du använder webbplatsen (högst en gång per dygn). Den sparas i
          en cookie som bara håller dig inloggad. Utöver den används bara två kortlivade cookies under själva inloggningen
          (skydd mot förfalskade anrop och adressen du ska tillbaka till). Ingen spårning.
        </p>
        <h3>Dina anmälningar</h3>
        {data.anmalningar.length === 0 ? (
          <p>Inga.</p>
        ) : (
          <ul>
            {data.anmalningar.map((r, i) => (
              <li key={i}>
                {r.larpass} ({r.event}): {statusLabels[r.status]}, anmäld {formatDateTime(r.queuedAt)}
              </li>
            ))}
          </ul>
        )}
        <p>
          <a className="button secondary" href="/konto/data.json" download>
            Ladda ner mina uppgifter (JSON)
          </a>
        </p>
        <h3>Dina svar på frågor</h3>
        {data.svarPaFragor.length === 0 ? (
          <p>Inga.</p>
        ) : (
          <ul>
            {data.svarPaFragor.map((a, i) => (
              <li key={i}>
                {a.fraga} ({a.larpass ?? a.event}): {a.betyg != null ? `betyg ${a.betyg}. ` : ""}
                {a.svar}{" "}
                <a href={`/evenemang/${a.eventSlug}/dokumentation/svara${a.larpassSlug ? `/${a.larpassSlug}` : ""}`}>
                  Ändra eller ta bort<span className="visually-hidden"> svaret på {a.fraga}</span>
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="namn-och-organisation" style={{ marginTop: "1.5rem" }}>
        <h2 id="namn-och-organisation">Namn och organisation</h2>
        <p>Arrangörerna ser ditt namn och din organisation på deltagarlistorna för de lärpass du valt.</p>
        <ProfileForm
          action={saveProfileAction}
          organisations={listOrganisationChoices({ userId: user.id })}
          initial={{ name: profile?.name ?? "", organisation: profile?.organisation ? String(profile.organisation.id) : "" }}
          next="/konto"
          mode="account"
        />
      </section>
      <section aria-labelledby="ta-bort" className="panel" style={{ marginTop: "1.5rem" }}>
        <h2 id="ta-bort">Ta bort mitt konto</h2>
        <p>
          Ditt konto, dina val och köplatser tas bort direkt. Dina platser går vidare till nästa person i kön. Du kan
          alltid skapa ett nytt konto genom att logga in igen.
        </p>
        <p>
          <strong>Dina svar på frågor</strong> (till exempel &quot;Det här tar jag med mig från idag&quot; och betyg) blir
          kvar i evenemangets dokumentation utan koppling till dig: de visas aldrig med namn, och när kontot är borttaget
          finns inget som leder tillbaka till dig. Vill du att ett svar försvinner helt, ta bort det själv på frågesidan
          (under Mina svar här, länkad ovan) innan du tar bort kontot: då tas det bort ur dokumentationen, och arrangörernas
          historik behåller inte heller dess text.
        </p>
        <p>
          <strong>Dina förslag till lärpass</strong> tas bort med kontot, utom de som är antagna: de är lärpass i
          programmet nu, med ditt namn som talare. Har du bedömt andras förslag finns bedömningarna kvar för
          arrangörerna, men utan ditt namn och din e-postadress.
        </p>
        <DeleteAccountForm />
      </section>
    </>
  );
}
