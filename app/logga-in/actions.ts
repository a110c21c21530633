"use server";

import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { serverAction } from "@/lib/action";
import { signIn, signOut } from "@/lib/auth";
import { hitRateLimit, mailboxKey, signInLimits } from "@/lib/rate-limit";
import { LANDING_PATH } from "@/lib/auth/landing";
import { safeReturnPath, signInSchema } from "@/lib/validation/auth";
import type { FormState } from "@/lib/validation/form";

export type SignInState = FormState<"email">;

/**
 * The client for the per-client limit. Behind a reverse proxy the rightmost X-Forwarded-For entry is
 * the one the proxy added (entries to its left come from the client and can be forged). Without a proxy
 * the header is the client's own word: the per-address limit still holds (see README, Drift).
 */
function clientKey(h: Headers): string {
  return h.get("x-forwarded-for")?.split(",").at(-1)?.trim() || h.get("x-real-ip") || "okänd";
}

function minutes(seconds: number) {
  const m = Math.max(1, Math.ceil(seconds / 60));
  return m === 1 ? "en minut" : `${m} minuter`;
}

/**
 * Public by nature (anyone may ask for a sign-in link); guarded by rate limits per address, per mailbox
 * (plus-tags folded) and per client.
 */
export const signInAction = serverAction("session.sign-in", {
  run: (_caller, prev: SignInState, formData: FormData) => requestSignInLink(prev, formData),
});

export const signOutAction = serverAction("session.sign-out", {
  run: async () => {
    await signOut({ redirectTo: "/" });
  },
});

async function requestSignInLink(_prev: SignInState, formData: FormData): Promise<SignInState> {
  // A public endpoint: a call with anything but form data gets the form's answer, not a 500.
  if (!(formData instanceof FormData)) return { errors: { email: "Skriv din e-postadress." } };
  const raw = { email: String(formData.get("email") ?? ""), next: String(formData.get("next") ?? "") };
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) {
    return { errors: { email: parsed.error.issues[0]?.message }, values: { email: raw.email } };
  }
  const { email } = parsed.data;
  const h = await headers();
  // Checked in turn; a refused check stops the count there, so a refusal spends nothing further.
  const checks = [
    () => hitRateLimit({ key: `signin:client:${clientKey(h)}`, ...signInLimits.perClient }),
    () => hitRateLimit({ key: `signin:mailbox:${mailboxKey(email)}`, ...signInLimits.perMailbox }),
    () => hitRateLimit({ key: `signin:email:${email}`, ...signInLimits.perAddress }),
  ];
  let limit: ReturnType<typeof hitRateLimit> = { ok: true, remaining: 0 };
  for (const check of checks) {
    limit = check();
    if (!limit.ok) break;
  }
  if (!limit.ok) {
    return {
      errors: {
        form: `Du har bett om för många inloggningslänkar på kort tid. Vänta ${minutes(limit.retryAfterSeconds)} och försök igen, eller använd länken i ett mejl du redan fått.`,
      },
      values: { email: raw.email },
    };
  }
  try {
    await signIn("nodemailer", { email, redirectTo: safeReturnPath(parsed.data.next, LANDING_PATH), redirect: false });
  } catch (error) {
    if (error instanceof AuthError) {
      return { errors: { form: "Inloggningsmejlet kunde inte skickas. Försök igen om en stund." }, values: { email: raw.email } };
    }
    throw error;
  }
  redirect("/logga-in/kolla-mejlen");
}
