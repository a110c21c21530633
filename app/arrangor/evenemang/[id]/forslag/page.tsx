import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EventHeader } from "@/components/event-header";
import { Saved } from "@/components/form-fields";
import { TableScroll } from "@/components/table-scroll";
import { getAdminEvent } from "@/lib/admin/events";
import { requirePageRole } from "@/lib/auth/page-guards";
import { proposalCount, proposalDecisionLabels, proposalStateLabels, proposalStates, type ProposalDecision, type ProposalState } from "@/lib/domain";
import { defaultTemplates, getCall } from "@/lib/proposals/call";
import { listEventProposals, listReviewers } from "@/lib/proposals/review";
import { utcToZoned } from "@/lib/time";
import { idSchema } from "@/lib/validation/form";
import { decideProposalsAction, grantReviewerAction, revokeReviewerAction, saveCallAction } from "./actions";
import { CallForm, ReviewerForm } from "./call-form";
import { DecisionForm } from "./decision-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Arrangör: förslag" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const savedText: Record<string, string> = {
  inlamning: "Inlämningen är sparad.",
  bedomare: "Bedömaren är tillagd.",
  borttagen: "Bedömaren är borttagen.",
};

const score = (n: number | null) => (n === null ? "–" : n.toLocaleString("sv-SE", { maximumFractionDigits: 1, minimumFractionDigits: 1 }));

/**
 * The event's proposals: the call's settings, the reviewers, and the list with filters (state, track,
 * organisation), counts and scores, where the ticked proposals get one decision at a time.
 */
export default async function EventProposalsPage({ params, searchParams }: Props) {
  const { id: raw } = await params;
  const user = await requirePageRole("organiser", `/arrangor/evenemang/${raw}/forslag`);
  const id = idSchema.safeParse(raw);
  if (!id.success) notFound();
  const data = getAdminEvent({ id: id.data });
  if (!data) notFound();
  const { event } = data;
  const query = await searchParams;
  const one = (k: string) => (typeof query[k] === "string" ? (query[k] as string) : "");
  const state = (proposalStates as readonly string[]).includes(one("lage")) ? (one("lage") as ProposalState) : undefined;
  const filters = { state, track: one("spar") || undefined, organisation: one("organisation") || undefined };
  const call = getCall({ eventId: event.id });
  const { rows, counts } = listEventProposals({ eventId: event.id, viewer: user, filters });
  const reviewers = listReviewers({ eventId: event.id });
  const local = (d: Date | undefined) => {
    if (!d) return "";
    const z = utcToZoned(d, event.timeZone);
    return `${z.date}T${z.time}`;
  };
  const saved = savedText[one("sparat")];
  const decided = one("beslut") as ProposalDecision;
  return (
    <>
      <EventHeader event={event} />
      <h2>Förslag</h2>
      {saved ? <Saved>{saved}</Saved> : null}
      {decided && proposalDecisionLabels[decided] ? (
        <Saved>
          Beslutet &quot;{proposalDecisionLabels[decided]}&quot; gäller {proposalCount(Number(one("antal")) || 0)}, och mejlen är på väg.
          {Number(one("hoppade")) ? ` ${proposalCount(Number(one("hoppade")))} hoppades över (redan avgjort eller inte inskickat).` : ""}
        </Saved>
      ) : null}
      {call ? (
        <p>
          Förslagssidan för medlemmarna: <Link href={`/evenemang/${event.slug}/foresla`}>Föreslå ett lärpass till {event.name}</Link>
        </p>
      ) : (
        <p>Evenemanget tar inte emot förslag än. Fyll i inlämningen nedan för att öppna den.</p>
      )}

      <section aria-labelledby="lista-rubrik" className="stack">
        <h3 id="lista-rubrik">Inskickade förslag ({counts.total})</h3>
        {counts.awaitingChanges ? (
          <p className="meta">
            {proposalCount(counts.awaitingChanges)} väntar på ändringar från förslagsställaren och kommer tillbaka hit när {counts.awaitingChanges === 1 ? "det skickas" : "de skickas"} in igen.
          </p>
        ) : null}
        <form method="get" className="actions filters" aria-label="Filtrera förslagen">
          <label>
            Läge{" "}
            <select name="lage" defaultValue={state ?? ""}>
              <option value="">Alla ({counts.total})</option>
              {proposalStates
                .filter((s) => s !== "draft")
                .map((s) => (
                  <option key={s} value={s}>
                    {proposalStateLabels[s]} ({counts.state[s]})
                  </option>
                ))}
            </select>
          </label>
          <label>
            Spår{" "}
            <select name="spar" defaultValue={filters.track ?? ""}>
              <option value="">Alla</option>
              {counts.track.map(([t, c]) => (
                <option key={t} value={t}>
                  {t} ({c})
                </option>
              ))}
            </select>
          </label>
          <label>
            Organisation{" "}
            <select name="organisation" defaultValue={filters.organisation ?? ""}>
              <option value="">Alla</option>
              {counts.organisation.map(([o, c]) => (
                <option key={o} value={o}>
                  {o} ({c})
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="secondary">
            Filtrera
          </button>
        </form>
        {rows.length === 0 ? (
          <p>Inga förslag{state || filters.track || filters.organisation ? " med det urvalet" : " ännu"}.</p>
        ) : (
          <DecisionForm action={decideProposalsAction} eventId={event.id} idPrefix="lista-">
            <TableScroll label="Förslagen">
              <table>
                <caption className="visually-hidden">Förslag med bedömningar: medel, spridning och antal</caption>
                <thead>
                  <tr>
                    <th scope="col">Välj</th>
                    <th scope="col">Titel</th>
                    <th scope="col">Föreslaget av</th>
                    <th scope="col">Spår</th>
                    <th scope="col">Läge</th>
                    <th scope="col">Medel</th>
                    <th scope="col">Spridning</th>
                    <th scope="col">Antal</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.id}>
                      <td>
                        <input type="checkbox" name="ids" value={r.id} id={`valj-${r.id}`} aria-label={`Välj ${r.title}`} />
                      </td>
                      <td>
                        <Link href={`/bedomning/${r.id}`}>{r.title}</Link>
                        {r.larpassId ? (
                          <>
                            {" "}
                            · <Link href={`/arrangor/larpass/${r.larpassId}`}>lärpasset</Link>
                          </>
                        ) : null}
                      </td>
                      <td>
                        {r.proposerName}
                        {r.proposerOrganisation ? `, ${r.proposerOrganisation}` : ""}
                      </td>
                      <td>{r.track ?? "–"}</td>
                      <td>{proposalStateLabels[r.state]}</td>
                      <td>{r.stats ? score(r.stats.average) : "dold"}</td>
                      <td>{r.stats ? score(r.stats.spread) : "dold"}</td>
                      <td>{r.stats ? r.stats.count : "dold"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
            <p className="meta">Medel och spridning (högsta minus lägsta) räknas på varje bedömnings medelbetyg. De är dolda tills du själv har bedömt förslaget.</p>
          </DecisionForm>
        )}
      </section>

      <section aria-labelledby="bedomare" className="stack">
        <h3 id="bedomare">Bedömare</h3>
        <p className="meta">Arrangörerna bedömer alltid. Här ger ni fler medlemmar rätt att bedöma just det här evenemangets förslag.</p>
        {reviewers.length ? (
          <ul>
            {reviewers.map((r) => (
              <li key={r.userId}>
                <form action={revokeReviewerAction} className="actions">
                  {r.name ? `${r.name} (${r.email})` : r.email}
                  <input type="hidden" name="eventId" value={event.id} />
                  <input type="hidden" name="userId" value={r.userId} />
                  <button type="submit" className="secondary">
                    Ta bort {r.email} som bedömare
                  </button>
                </form>
              </li>
            ))}
          </ul>
        ) : (
          <p>Inga bedömare utöver arrangörerna.</p>
        )}
        <ReviewerForm action={grantReviewerAction} eventId={event.id} />
      </section>

      <section aria-labelledby="inlamning-rubrik" className="stack">
        <h3 id="inlamning-rubrik">Inlämning</h3>
        <CallForm
          action={saveCallAction}
          eventId={event.id}
          initial={{
            values: {
              opensAt: local(call?.opensAt),
              closesAt: local(call?.closesAt),
              intro: call?.intro ?? "",
              formats: (call?.formats ?? [{ name: "Lärpass", minutes: 45 }]).map((f) => `${f.name} ${f.minutes}`).join("\n"),
              tracks: (call?.tracks ?? []).join("\n"),
              languages: (call?.languages ?? ["sv", "en"]).join("\n"),
              criteria: (call?.criteria ?? ["Relevans för medlemmarna", "Genomförande"]).join("\n"),
              acceptTemplate: call?.acceptTemplate || defaultTemplates.accept,
              rejectTemplate: call?.rejectTemplate || defaultTemplates.reject,
              changesTemplate: call?.changesTemplate || defaultTemplates.changes,
            },
          }}
        />
      </section>
    </>
  );
}
