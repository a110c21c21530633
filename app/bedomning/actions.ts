"use server";

import { redirect } from "next/navigation";
import { serverAction } from "@/lib/action";
import { saveReview } from "@/lib/proposals/review";
import { formId } from "@/lib/validation/form";
import type { ReviewFormState } from "./review-form";

const text = (formData: FormData, key: string) => {
  const v = formData instanceof FormData ? formData.get(key) : null;
  return typeof v === "string" ? v : "";
};

/**
 * A reviewer's scores and comment. The pipeline lets any signed-in member call it; saveReview checks in its
 * transaction that the caller reviews the proposal's event (lib/policy.ts reviewsEvent).
 */
export const saveReviewAction = serverAction("proposal.review", {
  run: async (user, prev: ReviewFormState, formData: FormData): Promise<ReviewFormState> => {
    const count = Math.min(Number(text(formData, "criteria")) || 0, 20);
    const scores = Array.from({ length: count }, (_, i) => text(formData, `score${i}`));
    const values = { comment: text(formData, "comment"), scores };
    const base = { seq: (prev?.seq ?? 0) + 1, values };
    const id = formId(formData, "proposalId");
    if (!id.ok) return { ...base, errors: { form: id.message } };
    if (values.comment.length > 5_000) return { ...base, errors: { comment: "Kommentaren får vara högst 5 000 tecken." } };
    const numbers = scores.map((s) => Number(s));
    if (numbers.some((s) => !Number.isInteger(s) || s < 1 || s > 5)) return { ...base, errors: { scores: "Ge ett betyg från 1 till 5 för varje bedömningsgrund." } };
    const result = saveReview({ user, proposalId: id.id, scores: numbers, comment: values.comment.trim() });
    if (!result.ok) return { ...base, errors: result.errors };
    redirect(`/bedomning/${id.id}?sparat=1`);
  },
  returnTo: "/bedomning",
});
