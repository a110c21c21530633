// The proposal forms' schemas: the proposer's form (its choices come from the event's call), the call's
// settings, a review and a decision. Messages in Swedish, one per field.
import { z } from "zod";
import { CO_SPEAKER_ROWS, proposalDecisions } from "@/lib/domain";
import { optionalDateTimeLocal } from "./admin";

export { CO_SPEAKER_ROWS };
const coFields = Array.from({ length: CO_SPEAKER_ROWS }, (_, i) => [`co${i + 1}Name`, `co${i + 1}Organisation`, `co${i + 1}Email`] as const).flat();

export const proposalFields = ["title", "abstract", "format", "track", "language", "organisation", "message", ...coFields] as const;
export type ProposalField = (typeof proposalFields)[number];
export type ProposalValues = Record<ProposalField, string>;

export const emptyProposalValues = (): ProposalValues =>
  Object.fromEntries(proposalFields.map((f) => [f, ""])) as ProposalValues;

const email = z.email({ error: "Skriv en e-postadress, till exempel namn@region.se." });

export type CallChoices = { formats: string[]; tracks: string[]; languages: string[] };

/**
 * The proposer's form. A draft needs only a title; `submit` asks for what the organisers need to judge
 * (an abstract of some length). Format, track and language must be among the call's choices.
 */
export function proposalSchema(call: CallChoices, { submit }: { submit: boolean }) {
  const co = Object.fromEntries(
    Array.from({ length: CO_SPEAKER_ROWS }, (_, i) => [
      [`co${i + 1}Name`, z.string().trim().max(200, "Namnet får vara högst 200 tecken.")],
      [`co${i + 1}Organisation`, z.string().trim().max(200, "Organisationen får vara högst 200 tecken.")],
      [`co${i + 1}Email`, z.string().trim().max(320, "Adressen är för lång.")],
    ]).flat(),
  ) as Record<(typeof coFields)[number], z.ZodString>;
  return z
    .object({
      title: z.string().trim().min(3, "Skriv en titel (minst 3 tecken).").max(200, "Titeln får vara högst 200 tecken."),
      abstract: z
        .string()
        .trim()
        .max(10_000, "Sammanfattningen får vara högst 10 000 tecken.")
        .refine((s) => !submit || s.length >= 20, "Skriv en sammanfattning (minst 20 tecken) innan du skickar in."),
      format: z.string().refine((s) => call.formats.includes(s), "Välj ett av formaten i listan."),
      track: z.string().refine((s) => (s === "" ? true : call.tracks.includes(s)), "Välj ett av spåren i listan."),
      language: z.string().refine((s) => call.languages.includes(s), "Välj ett av språken i listan."),
      organisation: z.string().trim().max(200, "Organisationen får vara högst 200 tecken."),
      message: z.string().trim().max(5_000, "Meddelandet får vara högst 5 000 tecken."),
      ...co,
    })
    .superRefine((v, ctx) => {
      for (let i = 1; i <= CO_SPEAKER_ROWS; i++) {
        const name = v[`co${i}Name` as keyof typeof v] as string;
        const org = v[`co${i}Organisation` as keyof typeof v] as string;
        const mail = v[`co${i}Email` as keyof typeof v] as string;
        if (!name && !org && !mail) continue;
        if (!name) ctx.addIssue({ code: "custom", path: [`co${i}Name`], message: `Skriv namnet på medtalare ${i}.` });
        if (!mail) ctx.addIssue({ code: "custom", path: [`co${i}Email`], message: `Skriv e-postadressen till medtalare ${i}: den behövs för inbjudan.` });
        else if (!email.safeParse(mail).success) ctx.addIssue({ code: "custom", path: [`co${i}Email`], message: "Skriv en e-postadress, till exempel namn@region.se." });
      }
    })
    .transform((v) => ({
      title: v.title,
      abstract: v.abstract,
      format: v.format,
      track: v.track === "" ? null : v.track,
      language: v.language,
      organisation: v.organisation,
      message: v.message,
      coSpeakers: Array.from({ length: CO_SPEAKER_ROWS }, (_, i) => ({
        name: (v[`co${i + 1}Name` as keyof typeof v] as string).trim(),
        organisation: (v[`co${i + 1}Organisation` as keyof typeof v] as string).trim(),
        email: (v[`co${i + 1}Email` as keyof typeof v] as string).trim().toLowerCase(),
      })).filter((c) => c.name),
    }));
}
export type ProposalInput = z.output<ReturnType<typeof proposalSchema>>;

/** One item per line, blank lines dropped, duplicates kept once. */
const lines = (max: number, what: string) =>
  z
    .string()
    .max(5_000, `${what}: för lång lista.`)
    .transform((s) => [...new Set(s.split("\n").map((l) => l.trim()).filter(Boolean))])
    .refine((l) => l.length <= max, `${what}: högst ${max} rader.`)
    .refine((l) => l.every((x) => x.length <= 100), `${what}: högst 100 tecken per rad.`);

export const callFields = [
  "opensAt",
  "closesAt",
  "intro",
  "formats",
  "tracks",
  "languages",
  "criteria",
  "acceptTemplate",
  "rejectTemplate",
  "changesTemplate",
] as const;
export type CallField = (typeof callFields)[number];

const FORMAT_RE = /^(.+?)\s+(\d{1,3})\s*(?:min(?:uter)?)?$/i;

export const callSchema = z
  .object({
    opensAt: optionalDateTimeLocal.refine((v) => v !== null, "Ange när inlämningen öppnar."),
    closesAt: optionalDateTimeLocal.refine((v) => v !== null, "Ange när inlämningen stänger."),
    intro: z.string().trim().max(10_000, "Inledningen får vara högst 10 000 tecken."),
    formats: lines(10, "Format")
      .refine((l) => l.length > 0, "Ange minst ett format, till exempel \"Lärpass 45\".")
      .transform((l, ctx) =>
        l.map((line) => {
          const m = FORMAT_RE.exec(line);
          if (!m || Number(m[2]) < 5 || Number(m[2]) > 480) {
            ctx.addIssue({ code: "custom", message: `Formatet "${line}": skriv namnet och längden i minuter, till exempel "Lärpass 45".` });
            return { name: line, minutes: 45 };
          }
          return { name: m[1].trim(), minutes: Number(m[2]) };
        }),
      ),
    tracks: lines(20, "Spår"),
    languages: lines(8, "Språk").refine((l) => l.length > 0, "Välj minst ett språk."),
    criteria: lines(8, "Bedömningsgrunder").refine((l) => l.length > 0, "Ange minst en bedömningsgrund."),
    acceptTemplate: z.string().trim().max(5_000, "Texten får vara högst 5 000 tecken."),
    rejectTemplate: z.string().trim().max(5_000, "Texten får vara högst 5 000 tecken."),
    changesTemplate: z.string().trim().max(5_000, "Texten får vara högst 5 000 tecken."),
  })
  .superRefine((v, ctx) => {
    if (v.opensAt && v.closesAt && `${v.closesAt.date}T${v.closesAt.time}` <= `${v.opensAt.date}T${v.opensAt.time}`) {
      ctx.addIssue({ code: "custom", path: ["closesAt"], message: "Inlämningen måste stänga efter att den öppnat." });
    }
  });
export type CallInput = z.output<typeof callSchema>;

export const reviewSchema = (criteria: string[]) =>
  z.object({
    scores: z.array(z.coerce.number().int().min(1).max(5)).length(criteria.length),
    comment: z.string().trim().max(5_000, "Kommentaren får vara högst 5 000 tecken."),
  });

export const decisionSchema = z.object({
  decision: z.enum(proposalDecisions, { error: "Välj ett beslut." }),
  message: z.string().trim().max(5_000, "Meddelandet får vara högst 5 000 tecken."),
  ids: z.array(z.coerce.number().int().positive()).min(1, "Kryssa i minst ett förslag."),
});

export const reviewerSchema = z.object({ email });
