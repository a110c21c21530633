import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Markdown } from "@/components/markdown";
import { ProposalForm } from "@/components/proposal-form";
import { getCurrentUser } from "@/lib/auth/current-user";
import { loginPath } from "@/lib/action";
import { getProfile } from "@/lib/profile";
import { callWindow, getCallBySlug } from "@/lib/proposals/call";
import { takeDraft } from "@/lib/proposals/proposals";
import { formatDateTime } from "@/lib/time";
import { emptyProposalValues } from "@/lib/validation/proposal";
import { saveProposalAction } from "@/app/mina-forslag/actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ event: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = getCallBySlug({ slug: (await params).event });
  return { title: found ? `Föreslå ett lärpass: ${found.event.name}` : "Sidan finns inte" };
}

/** The event's call: the organisers' introduction, when it is open, and the form for a signed-in member. */
export default async function ProposePage({ params, searchParams }: Props) {
  const { event: slug } = await params;
  const found = getCallBySlug({ slug });
  if (!found) notFound();
  const { event, call } = found;
  const query = await searchParams;
  const token = typeof query.utkast === "string" ? query.utkast : "";
  const user = await getCurrentUser();
  const w = callWindow(call);
  const tz = event.timeZone;
  const here = `/evenemang/${event.slug}/foresla`;
  const kept = token ? takeDraft({ token, eventId: event.id, proposalId: null }) : null;
  const values = kept ?? emptyProposalValues();
  if (!kept && user) values.organisation = getProfile({ userId: user.id })?.organisation?.name ?? "";
  return (
    <>
      <h1>Föreslå ett lärpass</h1>
      <p className="lead">
        {event.name}.{" "}
        {w.state === "open"
          ? `Inlämningen är öppen till ${formatDateTime(w.closesAt, tz)}.`
          : w.state === "before"
            ? `Inlämningen öppnar ${formatDateTime(w.opensAt, tz)}.`
            : `Inlämningen stängde ${formatDateTime(w.closesAt, tz)}.`}
      </p>
      {call.intro.trim() ? (
        <section className="panel" aria-label="Om inlämningen">
          <Markdown>{call.intro}</Markdown>
        </section>
      ) : null}
      {kept ? (
        <p role="status" className="inline-notice saved">
          Det du skrev innan du loggade in finns kvar nedan. Det är inte sparat än: spara eller skicka in det.
        </p>
      ) : null}
      {w.state !== "open" ? null : !user ? (
        <p>
          <Link className="button" href={loginPath(token ? `${here}?utkast=${encodeURIComponent(token)}` : here)}>
            Logga in för att föreslå ett lärpass
          </Link>
        </p>
      ) : (
        <section aria-labelledby="forslag-rubrik" className="stack">
          <h2 id="forslag-rubrik">Ditt förslag</h2>
          <p className="meta">
            Spara som utkast och skicka in när du är klar. Du kan ändra eller återkalla förslaget tills inlämningen stänger, under{" "}
            <Link href="/mina-forslag">Mina förslag</Link>.
          </p>
          <ProposalForm
            action={saveProposalAction}
            initial={{ seq: 0, values }}
            eventId={event.id}
            proposalId={null}
            draftToken={kept ? token : ""}
            choices={{ formats: call.formats, tracks: call.tracks, languages: call.languages }}
            submitted={false}
          />
        </section>
      )}
    </>
  );
}
