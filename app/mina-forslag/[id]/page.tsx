import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Saved } from "@/components/form-fields";
import { Markdown } from "@/components/markdown";
import { ProposalForm } from "@/components/proposal-form";
import { languageLabels, proposalStateLabels } from "@/lib/domain";
import { requirePageRole } from "@/lib/auth/page-guards";
import { callWindow } from "@/lib/proposals/call";
import { getOwnProposal, isOpenState, proposalFormValues, takeDraft } from "@/lib/proposals/proposals";
import { formatDateTime } from "@/lib/time";
import { idSchema } from "@/lib/validation/form";
import { saveProposalAction, withdrawProposalAction } from "../actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Mitt förslag" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const savedText: Record<string, string> = {
  "1": "Utkastet är sparat. Det är inte inskickat än.",
  inskickat: "Tack! Förslaget är inskickat. Du får ett mejl som bekräftelse.",
  aterkallat: "Förslaget är återkallat.",
};

/**
 * One of the member's own proposals: its state and the organisers' message, the form while the call is open
 * and the proposal undecided, and withdrawing. Someone else's proposal is a 404 (never shown, never hinted at).
 * Reviews are never shown here.
 */
export default async function MyProposalPage({ params, searchParams }: Props) {
  const { id: raw } = await params;
  const user = await requirePageRole("member", `/mina-forslag/${raw}`);
  const id = idSchema.safeParse(raw);
  if (!id.success) notFound();
  const found = getOwnProposal({ userId: user.id, proposalId: id.data });
  if (!found) notFound();
  const { proposal: p, event, call } = found;
  const query = await searchParams;
  const token = typeof query.utkast === "string" ? query.utkast : "";
  const kept = token ? takeDraft({ token, eventId: event.id, proposalId: p.id }) : null;
  const open = call ? callWindow(call).state === "open" : false;
  const editable = open && isOpenState(p.state);
  const saved = typeof query.sparat === "string" ? savedText[query.sparat] : undefined;
  return (
    <>
      <p>
        <Link href="/mina-forslag">← Mina förslag</Link>
      </p>
      <h1>{p.title}</h1>
      {saved ? <Saved>{saved}</Saved> : null}
      {query.fel === "aterkalla" ? (
        <p role="alert" className="notice">
          Förslaget kunde inte återkallas: inlämningen har stängt, eller förslaget är redan avgjort.
        </p>
      ) : null}
      <dl className="facts">
        <dt>Evenemang</dt>
        <dd>{event.name}</dd>
        <dt>Läge</dt>
        <dd>
          <strong>{proposalStateLabels[p.state]}</strong>
        </dd>
        {call ? (
          <>
            <dt>Inlämningen stänger</dt>
            <dd>{formatDateTime(call.closesAt, event.timeZone)}</dd>
          </>
        ) : null}
      </dl>
      {p.decisionMessage ? (
        <section className="panel" aria-labelledby="meddelande-rubrik">
          <h2 id="meddelande-rubrik">Meddelande från arrangörerna</h2>
          <p>{p.decisionMessage}</p>
        </section>
      ) : null}
      {p.state === "accepted" ? (
        <p>
          Förslaget är antaget. När du har tackat ja till inbjudan som talare ändrar du sammanfattningen under{" "}
          <Link href="/mina-larpass">Mina lärpass</Link>.
        </p>
      ) : null}
      {kept ? (
        <p role="status" className="inline-notice saved">
          Det du skrev innan du loggade in finns kvar nedan. Det är inte sparat än.
        </p>
      ) : null}
      {editable && call ? (
        <>
          <ProposalForm
            action={saveProposalAction}
            initial={{ seq: 0, values: kept ?? proposalFormValues(p) }}
            eventId={event.id}
            proposalId={p.id}
            draftToken={kept ? token : ""}
            choices={{ formats: call.formats, tracks: call.tracks, languages: call.languages }}
            submitted={p.state !== "draft"}
          />
          <form action={withdrawProposalAction} className="panel stack" aria-labelledby="aterkalla">
            <h2 id="aterkalla">Återkalla förslaget</h2>
            <input type="hidden" name="proposalId" value={p.id} />
            <div className="checkbox-row">
              <input type="checkbox" id="bekraftat" name="bekraftat" value="ja" aria-describedby={query.fel === "bekrafta" ? "bekraftat-fel" : undefined} />
              <label htmlFor="bekraftat">Jag vill återkalla förslaget. Det går inte att ångra.</label>
            </div>
            {query.fel === "bekrafta" ? (
              <p id="bekraftat-fel" className="field-error" role="alert">
                Kryssa i rutan för att återkalla förslaget.
              </p>
            ) : null}
            <div className="actions">
              <button type="submit" className="secondary">
                Återkalla förslaget
              </button>
            </div>
          </form>
        </>
      ) : (
        <section className="stack" aria-labelledby="forslaget-rubrik">
          <h2 id="forslaget-rubrik">Förslaget</h2>
          <dl className="facts">
            <dt>Format</dt>
            <dd>{p.format}</dd>
            {p.track ? (
              <>
                <dt>Spår</dt>
                <dd>{p.track}</dd>
              </>
            ) : null}
            <dt>Språk</dt>
            <dd>{languageLabels[p.language] ?? p.language}</dd>
            <dt>Medtalare</dt>
            <dd>{p.coSpeakers.length ? p.coSpeakers.map((c) => `${c.name}${c.organisation ? `, ${c.organisation}` : ""}`).join("; ") : "Inga"}</dd>
          </dl>
          {p.abstract ? <Markdown>{p.abstract}</Markdown> : null}
          {!open && isOpenState(p.state) ? <p className="meta">Inlämningen har stängt, så förslaget kan inte längre ändras här.</p> : null}
        </section>
      )}
    </>
  );
}
