"use server";

import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { loginPath, serverAction } from "@/lib/action";
import type { ProposalFormState } from "@/components/proposal-form";
import { callChoices, getCallForEvent } from "@/lib/proposals/call";
import { hitRateLimit } from "@/lib/rate-limit";
import { dropDraft, getOwnProposal, saveProposal, stashDraft, withdrawProposal } from "@/lib/proposals/proposals";
import { fieldErrors, formId, formValues, isConfirmed } from "@/lib/validation/form";
import { proposalFields, proposalSchema } from "@/lib/validation/proposal";

// The proposer's actions. Both are public POST endpoints: the pipeline (lib/action.ts) checks the caller, and
// lib/proposals checks ownership and the call's window in the transaction that writes. Ids come from hidden
// fields and are never trusted for who may do what.

/** Drafts kept for callers without a session, per client address (the last X-Forwarded-For, as the sign-in counts). */
const DRAFT_LIMIT = { limit: 20, windowMs: 10 * 60_000 };
async function clientKey(): Promise<string> {
  const h = await headers();
  return h.get("x-forwarded-for")?.split(",").at(-1)?.trim() || h.get("x-real-ip") || "okänd";
}

const text = (formData: FormData, key: string) => {
  const v = formData instanceof FormData ? formData.get(key) : null;
  return typeof v === "string" ? v : "";
};

/**
 * Saves a draft ("spara"), sends it in ("skicka") or shows the preview ("forhandsgranska"). A caller whose
 * session has expired loses nothing: what was typed is kept behind a token that the sign-in brings back.
 */
export const saveProposalAction = serverAction("proposal.save", {
  run: async (user, prev: ProposalFormState, formData: FormData): Promise<ProposalFormState> => {
    const values = formValues(formData, proposalFields);
    const base = { seq: (prev?.seq ?? 0) + 1, values };
    const op = text(formData, "op") || "spara";
    const eventId = formId(formData, "eventId");
    if (!eventId.ok) return { ...base, errors: { form: eventId.message } };
    const proposalId = text(formData, "proposalId") ? formId(formData, "proposalId") : null;
    if (proposalId && !proposalId.ok) return { ...base, errors: { form: proposalId.message } };
    const pid = proposalId?.ok ? proposalId.id : null;
    if (op === "forhandsgranska") return { ...base, preview: true };
    const found = getCallForEvent({ eventId: eventId.id });
    if (!found) return { ...base, errors: { form: "Evenemanget tar inte emot förslag." } };
    if (!user) {
      if (!hitRateLimit({ key: `proposal-draft:client:${await clientKey()}`, ...DRAFT_LIMIT }).ok) {
        return { ...base, errors: { form: "Du är inte inloggad längre. Kopiera det du skrivit, logga in och försök igen." } };
      }
      const token = stashDraft({ eventId: eventId.id, proposalId: pid, values });
      if (!token) return { ...base, errors: { form: "Förslaget finns inte längre." } };
      const back = pid ? `/mina-forslag/${pid}` : `/evenemang/${found.event.slug}/foresla`;
      redirect(loginPath(`${back}?utkast=${encodeURIComponent(token)}`));
    }
    const current = pid ? getOwnProposal({ userId: user.id, proposalId: pid }) : null;
    if (pid && !current) return { ...base, errors: { form: "Förslaget finns inte, eller så är det inte ditt." } };
    const submit = op === "skicka";
    const strict = submit || (current !== null && current.proposal.state !== "draft");
    const parsed = proposalSchema(callChoices(found.call), { submit: strict }).safeParse(values);
    if (!parsed.success) return { ...base, errors: fieldErrors(parsed.error) };
    const result = await saveProposal({ user, eventId: eventId.id, proposalId: pid, input: parsed.data, submit });
    if (!result.ok) return { ...base, errors: result.errors };
    dropDraft({ token: text(formData, "utkast") });
    redirect(`/mina-forslag/${result.id}?sparat=${result.submitted ? "inskickat" : "1"}`);
  },
});

/** Withdraws the caller's own proposal (only while the call is open and it is undecided). */
export const withdrawProposalAction = serverAction("proposal.withdraw", {
  run: async (user, formData: FormData): Promise<void> => {
    const id = formId(formData, "proposalId");
    if (!id.ok) notFound();
    // Withdrawing cannot be undone: the form's box must be ticked.
    if (!isConfirmed(formData)) redirect(`/mina-forslag/${id.id}?fel=bekrafta#aterkalla`);
    const result = withdrawProposal({ user, proposalId: id.id });
    redirect(`/mina-forslag/${id.id}?${result.ok ? "sparat=aterkallat" : "fel=aterkalla"}`);
  },
  returnTo: "/mina-forslag",
});
