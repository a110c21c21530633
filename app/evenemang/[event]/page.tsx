import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { scheduleAlternates } from "@/lib/exports/alternates";
import { ProgrammeView } from "@/components/programme-view";
import { getEventBySlug, getProgramme } from "@/lib/programme";
import { plainExcerpt } from "@/lib/text";
import { askBeforeFirstSignup } from "@/lib/profile";
import { getSignupContext, returnPath } from "@/lib/signup-context";
import { chooseAction, leaveAction } from "@/app/program/actions";
import { parseProgrammeFilters } from "@/lib/validation/programme-filters";
import { openCallClosesAt } from "@/lib/proposals/call";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ event: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const event = await getEventBySlug({ slug: (await params).event });
  if (!event) return { title: "Sidan finns inte" };
  return {
    title: `Program: ${event.name}`,
    description: plainExcerpt(event.description) || undefined,
    alternates: { types: scheduleAlternates(event) },
  };
}

export default async function EventProgrammePage({ params, searchParams }: Props) {
  const event = await getEventBySlug({ slug: (await params).event });
  if (!event) notFound();
  const query = await searchParams;
  const filters = parseProgrammeFilters(query);
  const programme = await getProgramme({ eventId: event.id, filters, timeZone: event.timeZone });
  const signup = await getSignupContext({ actions: { choose: chooseAction, leave: leaveAction }, event, larpass: programme.all, returnTo: returnPath(`/evenemang/${event.slug}`, query), params: query });
  const askProfile = signup.user ? askBeforeFirstSignup({ userId: signup.user.id, registrations: signup.mine.size }) : false;
  return (
    <>
      <ProgrammeView event={event} programme={programme} filters={filters} signup={signup} askProfile={askProfile} callClosesAt={openCallClosesAt(event.id)} action={`/evenemang/${event.slug}`} />
      <p className="no-print">
        <Link href={`/evenemang/${event.slug}/exportera`}>Programmet på papper, i kalendern och i andra appar</Link>
      </p>
    </>
  );
}
