import { getSpeakerLink } from "@/lib/speakers/invite";
import { formatDateTime } from "@/lib/time";
import { Saved } from "@/components/form-fields";
import { unlinkSpeakerAction } from "../inbjudan/actions";
import { InviteForm } from "./invite-panel";

/** The speaker page's "Talarens konto": invitation and link state, the invitation form, un-linking. */
export function SpeakerAccount({ speakerId, query }: { speakerId: number; query: Record<string, string | string[] | undefined> }) {
  const link = getSpeakerLink({ speakerId });
  if (!link) return null;
  return (
    <section aria-labelledby="konto" id="konto-sektion" className="admin-section stack">
      <h2 id="konto" tabIndex={-1}>
        Talarens konto
      </h2>
      {query.inbjuden === "kopplad" ? <Saved>Inbjudan är skickad och talaren är kopplad till sitt konto.</Saved> : null}
      {query.inbjuden === "1" ? <Saved>Inbjudan är skickad. Kontot kopplas när talaren loggar in.</Saved> : null}
      {query.bortkopplad === "1" ? <Saved>Kontot är bortkopplat från talaren.</Saved> : null}
      {link.account ? (
        <p>
          <strong>Kopplad till konto {link.account.email}</strong>. Talaren kan ändra sina sammanfattningar och sin presentation under Mina lärpass.
          {link.invitedAt ? ` Inbjuden ${formatDateTime(link.invitedAt)}.` : ""}
        </p>
      ) : link.invitedAt ? (
        <p>
          <strong>Inbjuden {formatDateTime(link.invitedAt)}</strong> till {link.email}. Inte kopplad ännu: kontot kopplas när adressen loggar in.
        </p>
      ) : (
        <p>Inte inbjuden. Talaren kan inte ändra något själv förrän du bjuder in den.</p>
      )}
      {link.account ? null : <InviteForm speakerId={speakerId} email={link.email ?? ""} again={Boolean(link.invitedAt)} />}
      {link.account || link.invitedAt ? (
        <form action={unlinkSpeakerAction}>
          <input type="hidden" name="speakerId" value={speakerId} />
          <button type="submit" className="secondary">
            {link.account ? "Koppla bort kontot" : "Återkalla inbjudan"}
          </button>
        </form>
      ) : null}
    </section>
  );
}
