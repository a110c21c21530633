import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { LANDING_PATH, landingFor } from "@/lib/auth/landing";

export const dynamic = "force-dynamic";

/** The default address after sign-in: on to the start page of the user's role (lib/auth/landing.ts). */
export default async function AfterSignIn() {
  const user = await getCurrentUser();
  if (!user) redirect(`/logga-in?next=${encodeURIComponent(LANDING_PATH)}`);
  redirect(landingFor(user));
}
