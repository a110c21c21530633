import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ProgrammeView } from "@/components/programme-view";
import { scheduleAlternates } from "@/lib/exports/alternates";
import { getCurrentEvent, getProgramme } from "@/lib/programme";
import { plainExcerpt } from "@/lib/text";
import { askBeforeFirstSignup } from "@/lib/profile";
import { getSignupContext, returnPath } from "@/lib/signup-context";
import { chooseAction, leaveAction } from "@/app/program/actions";
import { parseProgrammeFilters } from "@/lib/validation/programme-filters";
import { openCallClosesAt } from "@/lib/proposals/call";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const event = await getCurrentEvent();
  if (!event) return { title: "Program" };
  return {
    title: `Program: ${event.name}`,
    description: plainExcerpt(event.description) || undefined,
    alternates: { types: scheduleAlternates(event) },
  };
}

export default async function CurrentProgrammePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const event = await getCurrentEvent();
  if (!event) notFound();
  const params = await searchParams;
  const filters = parseProgrammeFilters(params);
  const programme = await getProgramme({ eventId: event.id, filters, timeZone: event.timeZone });
  const signup = await getSignupContext({ actions: { choose: chooseAction, leave: leaveAction }, event, larpass: programme.all, returnTo: returnPath("/program", params), params });
  const askProfile = signup.user ? askBeforeFirstSignup({ userId: signup.user.id, registrations: signup.mine.size }) : false;
  return <ProgrammeView event={event} programme={programme} filters={filters} signup={signup} askProfile={askProfile} callClosesAt={openCallClosesAt(event.id)} action="/program" />;
}
