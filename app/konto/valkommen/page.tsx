import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ProfileForm } from "@/components/profile-form";
import { getCurrentUser } from "@/lib/auth/current-user";
import { LANDING_PATH } from "@/lib/auth/landing";
import { getProfile, listOrganisationChoices } from "@/lib/profile";
import { safeReturnPath } from "@/lib/validation/auth";
import { saveProfileAction } from "../actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Välkommen", robots: { index: false } };

/** The short step after the first sign-in (and before the first sign-up): name and organisation. */
export default async function WelcomePage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const next = safeReturnPath((await searchParams).next, LANDING_PATH);
  const user = await getCurrentUser();
  if (!user) redirect(`/logga-in?next=${encodeURIComponent(`/konto/valkommen?next=${next}`)}`);
  const profile = getProfile({ userId: user.id });
  return (
    <>
      <h1>Välkommen till Lärpass</h1>
      <p className="lead">
        Berätta vem du är och var du kommer ifrån. Arrangörerna ser det på deltagarlistorna, så att de vet vilka regioner och
        organisationer som kommer. Du kan ändra det när du vill under Mitt konto.
      </p>
      <ProfileForm
        action={saveProfileAction}
        organisations={listOrganisationChoices({ userId: user.id })}
        initial={{ name: profile?.name ?? "", organisation: profile?.organisation ? String(profile.organisation.id) : "" }}
        next={next}
        mode="welcome"
      />
    </>
  );
}
