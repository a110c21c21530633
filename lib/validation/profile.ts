import { z } from "zod";

/** The organisation field: a known organisation ("12") or "annan" with the name typed beside it. */
export const OTHER_ORGANISATION = "annan";

export const profileSchema = z
  .object({
    name: z
      .string({ error: "Skriv ditt namn." })
      .trim()
      .min(1, "Skriv ditt namn.")
      .max(120, "Namnet får vara högst 120 tecken."),
    organisation: z.string({ error: "Välj din organisation." }).trim().min(1, "Välj din organisation."),
    otherOrganisation: z.string().trim().max(150, "Organisationens namn får vara högst 150 tecken.").optional().default(""),
  })
  .transform((v, ctx) => {
    if (v.organisation === OTHER_ORGANISATION) {
      if (v.otherOrganisation.length < 2) {
        ctx.addIssue({ code: "custom", path: ["otherOrganisation"], message: "Skriv namnet på din organisation." });
        return z.NEVER;
      }
      return { name: v.name, organisation: { kind: "new" as const, name: v.otherOrganisation } };
    }
    if (!/^\d{1,9}$/.test(v.organisation)) {
      ctx.addIssue({ code: "custom", path: ["organisation"], message: "Välj din organisation i listan." });
      return z.NEVER;
    }
    return { name: v.name, organisation: { kind: "existing" as const, id: Number(v.organisation) } };
  });
export type ProfileInput = z.output<typeof profileSchema>;
export type ProfileField = "name" | "organisation" | "otherOrganisation";
