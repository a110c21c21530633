// The speakers' own forms (Mina lärpass) and the organisers' invitation form. Ids arrive as hidden
// fields and are only parsed here: who may touch which record is decided on the server, from the session.
import { z } from "zod";

const idMessage = "Formuläret är trasigt. Ladda om sidan och försök igen.";

/** A record id from a hidden field. */
export const hiddenId = z
  .string({ error: idMessage })
  .trim()
  .regex(/^\d{1,15}$/, idMessage)
  .transform(Number)
  .refine((n) => Number.isSafeInteger(n) && n > 0, idMessage);

/** The version a form was opened with (optimistic concurrency). */
const versionField = z
  .string({ error: idMessage })
  .trim()
  .regex(/^\d{1,9}$/, idMessage)
  .transform(Number);

const longText = (max: number, tooLong: string) =>
  z
    .string()
    .max(max, tooLong)
    // Browsers send CRLF from a textarea; store plain newlines, without trailing blanks.
    .transform((s) => s.replace(/\r\n?/g, "\n").trim());

const optionalText = (max: number, tooLong: string) =>
  z
    .string()
    .trim()
    .max(max, tooLong)
    .transform((s) => (s === "" ? null : s));

// Invitation (organisers) -------------------------------------------------------------------------

export const inviteFields = ["speakerId", "email"] as const;
export type InviteField = (typeof inviteFields)[number];
export const inviteSchema = z.object({
  speakerId: hiddenId,
  email: z
    .string()
    .trim()
    .min(1, "Skriv talarens e-postadress.")
    .max(254, "E-postadressen är för lång.")
    .refine((s) => z.email().safeParse(s).success, "Skriv en giltig e-postadress, till exempel namn@region.se.")
    .transform((s) => s.toLowerCase()),
});
export type InviteInput = z.output<typeof inviteSchema>;

export const unlinkSchema = z.object({ speakerId: hiddenId });

// The speaker's own lärpass -------------------------------------------------------------------------

export const abstractFields = ["larpassId", "version", "abstract"] as const;
export type AbstractField = (typeof abstractFields)[number];
export const abstractSchema = z.object({
  larpassId: hiddenId,
  version: versionField,
  abstract: longText(10_000, "Sammanfattningen får vara högst 10 000 tecken."),
});
export type AbstractInput = z.output<typeof abstractSchema>;

// The speaker's own profile -------------------------------------------------------------------------

export const profileFields = ["version", "role", "organisation", "bio"] as const;
export type ProfileField = (typeof profileFields)[number];
export const profileSchema = z.object({
  version: versionField,
  role: optionalText(200, "Rollen får vara högst 200 tecken."),
  /** A name from the list or a new one; empty is "no organisation". */
  organisation: optionalText(200, "Organisationens namn får vara högst 200 tecken."),
  bio: longText(10_000, "Presentationen får vara högst 10 000 tecken."),
});
export type ProfileInput = z.output<typeof profileSchema>;

/** The state a speaker form's action returns. */
export type SpeakerFormErrors<F extends string> = Partial<Record<F | "form", string>>;
