"use server";

import { notFound, redirect } from "next/navigation";
import { formAction } from "@/lib/action-form";
import { serverAction } from "@/lib/action";
import { saveCall } from "@/lib/proposals/call";
import { decideProposals } from "@/lib/proposals/decide";
import { grantReviewer, revokeReviewer } from "@/lib/proposals/review";
import { formId, formValues } from "@/lib/validation/form";
import { callFields, callSchema, decisionSchema, reviewerSchema } from "@/lib/validation/proposal";
import type { DecisionFormState } from "./decision-form";

const text = (formData: FormData, key: string) => {
  const v = formData instanceof FormData ? formData.get(key) : null;
  return typeof v === "string" ? v : "";
};

/** The call's settings: window, introduction, formats, tracks, languages, criteria and the decision mails. */
export const saveCallAction = formAction("proposal.save-call", {
  fields: callFields,
  schema: callSchema,
  idField: "eventId",
  returnTo: (id) => (id ? `/arrangor/evenemang/${id}/forslag` : "/arrangor"),
  call: ({ id, input }) => (saveCall({ eventId: id, input }) ? { ok: true as const } : { ok: false as const, errors: { form: "Evenemanget finns inte längre." } }),
  done: (_r, { id }) => `/arrangor/evenemang/${id}/forslag?sparat=inlamning`,
});

/** Makes a member a reviewer of this event's proposals. */
export const grantReviewerAction = formAction("proposal.grant-reviewer", {
  fields: ["email"] as const,
  schema: reviewerSchema,
  idField: "eventId",
  returnTo: (id) => (id ? `/arrangor/evenemang/${id}/forslag` : "/arrangor"),
  call: ({ id, input }) => grantReviewer({ eventId: id, email: input.email }),
  done: (_r, { id }) => `/arrangor/evenemang/${id}/forslag?sparat=bedomare#bedomare`,
});

export const revokeReviewerAction = serverAction("proposal.revoke-reviewer", {
  run: async (_user, formData: FormData): Promise<void> => {
    const id = formId(formData, "eventId");
    const userId = text(formData, "userId");
    if (!id.ok || !userId) notFound();
    revokeReviewer({ eventId: id.id, userId });
    redirect(`/arrangor/evenemang/${id.id}/forslag?sparat=borttagen#bedomare`);
  },
  returnTo: "/arrangor",
});

/**
 * Accept, reject or ask for changes, for the ticked proposals (or the one on a proposal's page), with the
 * call's mail template and an optional message. `tillbaka` says which page to return to.
 */
export const decideProposalsAction = serverAction("proposal.decide", {
  run: async (user, prev: DecisionFormState, formData: FormData): Promise<DecisionFormState> => {
    const values = { ...formValues(formData, ["decision", "message"] as const) };
    const base = { seq: (prev?.seq ?? 0) + 1, values };
    const eventId = formId(formData, "eventId");
    if (!eventId.ok) return { ...base, errors: { form: eventId.message } };
    const ids = formData instanceof FormData ? formData.getAll("ids").map(String) : [];
    const parsed = decisionSchema.safeParse({ ...values, ids });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const key = issue.path[0] === "decision" ? "decision" : issue.path[0] === "message" ? "message" : "form";
      return { ...base, errors: { [key]: issue.message } };
    }
    const result = await decideProposals({ user, eventId: eventId.id, ids: parsed.data.ids, decision: parsed.data.decision, message: parsed.data.message });
    if (!result.ok) return { ...base, errors: { form: result.message } };
    const back = text(formData, "tillbaka") === "forslag" && parsed.data.ids.length === 1 ? `/bedomning/${parsed.data.ids[0]}` : `/arrangor/evenemang/${eventId.id}/forslag`;
    redirect(`${back}?beslut=${parsed.data.decision}&antal=${result.decided.length}&hoppade=${result.skipped.length}`);
  },
  returnTo: "/arrangor",
});
