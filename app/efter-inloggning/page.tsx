import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { LANDING_PATH, landingFor } from "@/lib/auth/landing";
import { getProfile, shouldAskAtSignIn } from "@/lib/profile";

export const dynamic = "force-dynamic";

/**
 * The default address after sign-in: first the welcome step when name or organisation is missing (once),
 * then on to the start page of the user's role (lib/auth/landing.ts).
 */
export default async function AfterSignIn() {
  const user = await getCurrentUser();
  if (!user) redirect(`/logga-in?next=${encodeURIComponent(LANDING_PATH)}`);
  const landing = landingFor(user);
  if (shouldAskAtSignIn(getProfile({ userId: user.id }))) redirect(`/konto/valkommen?next=${encodeURIComponent(landing)}`);
  redirect(landing);
}
