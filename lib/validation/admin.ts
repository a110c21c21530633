// The organisers' forms: one schema per form, shared by the server actions and the tests. Every input
// arrives as text from a form; empty optional fields become null. Messages are Swedish and name the fix.
import { z } from "zod";
import { languages, larpassStatuses, organisationKinds } from "@/lib/domain";
import { decodeSpeakerEntry, type SpeakerEntry } from "@/lib/speaker-entry";
import { isCalendarDate, MAX_EVENT_DAYS, parseClockTime } from "@/lib/time";

// Building blocks -----------------------------------------------------------------------------------

const SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const slugMessage = "Adressnamnet får bara innehålla a–z, siffror och bindestreck, till exempel arskonferens-2019.";

/** Empty means "make one from the name". */
const optionalSlug = z
  .string()
  .trim()
  .toLowerCase()
  .max(80, "Adressnamnet får vara högst 80 tecken.")
  .refine((s) => s === "" || SLUG_RE.test(s), slugMessage)
  .transform((s) => (s === "" ? null : s));

const requiredText = (missing: string, max: number, tooLong: string) =>
  z.string({ error: missing }).trim().min(1, missing).max(max, tooLong);

const optionalText = (max: number, tooLong: string) =>
  z
    .string()
    .trim()
    .max(max, tooLong)
    .transform((s) => (s === "" ? null : s));

const longText = (max: number, tooLong: string) =>
  z
    .string()
    .max(max, tooLong)
    // Browsers send CRLF from a textarea; store plain newlines, without trailing blanks.
    .transform((s) => s.replace(/\r\n?/g, "\n").trim());

/**
 * Dates and times are parsed strictly: a date that is not on the calendar, a time that is not on the clock
 * (25:00, 99:99) or a year far from now is refused, never rolled over into another day. Event dates bound
 * every loop over an event's days (the schedule.xml, the hub), so an event is also at most 31 days long.
 */
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;
export { MAX_EVENT_DAYS };

const yearMessage = `Året måste vara mellan ${MIN_YEAR} och ${MAX_YEAR}.`;
const inYearRange = (iso: string) => Number(iso.slice(0, 4)) >= MIN_YEAR && Number(iso.slice(0, 4)) <= MAX_YEAR;

/** Calendar days from `first` to `last`, inclusive (both valid "YYYY-MM-DD"). */
export function daysInclusive(first: string, last: string): number {
  return Math.round((Date.parse(`${last}T00:00:00Z`) - Date.parse(`${first}T00:00:00Z`)) / 86_400_000) + 1;
}

const isoDate = (missing: string) =>
  z
    .string()
    .trim()
    .min(1, missing)
    .refine(isCalendarDate, "Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2019-03-14.")
    .refine(inYearRange, yearMessage);

/** "9.05" and "09:05" both mean 09:05; 24:00 and 09:60 are not times. */
export const normaliseTime = parseClockTime;
const minutesOf = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
const timeOfMinutes = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;

/** A lärpass is 45 minutes: the default end of a time slot. */
export const LARPASS_MINUTES = 45;

const DATETIME_LOCAL_RE = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;
/** A datetime-local value as local date and time (converted to UTC in the event's zone by lib/admin). */
export const optionalDateTimeLocal = z
  .string()
  .trim()
  .transform((s, ctx) => {
    if (s === "") return null;
    const m = DATETIME_LOCAL_RE.exec(s);
    const issue = (message: string) => {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    };
    if (!m) return issue("Ange datum och klockslag, till exempel 2019-02-01 09:00.");
    const [, date, hh, mm, ss] = m;
    if (!isCalendarDate(date)) return issue(`Datumet ${date} finns inte. Ange datum och klockslag, till exempel 2019-02-01 09:00.`);
    if (Number(hh) > 23 || Number(mm) > 59 || (ss !== undefined && Number(ss) > 59)) {
      return issue(`Klockslaget ${hh}:${mm} finns inte. Ange en tid mellan 00:00 och 23:59.`);
    }
    if (!inYearRange(date)) return issue(yearMessage);
    return { date, time: `${hh}:${mm}` };
  });

/** The event's first and last day in order and at most MAX_EVENT_DAYS apart (issues on endsOn). */
function checkEventDates(v: { startsOn: string; endsOn: string }, ctx: z.RefinementCtx) {
  if (v.endsOn < v.startsOn) {
    ctx.addIssue({ code: "custom", path: ["endsOn"], message: "Sista dagen kan inte vara före första dagen." });
  } else if (daysInclusive(v.startsOn, v.endsOn) > MAX_EVENT_DAYS) {
    ctx.addIssue({ code: "custom", path: ["endsOn"], message: `Ett evenemang kan vara högst ${MAX_EVENT_DAYS} dagar långt.` });
  }
}

const checkbox = z
  .string()
  .optional()
  .transform((v) => v === "on" || v === "1" || v === "ja" || v === "true");

/** An optional id from a <select>: "" is none. */
const optionalId = (message: string) =>
  z
    .string()
    .trim()
    .refine((s) => s === "" || /^\d+$/.test(s), message)
    .transform((s) => (s === "" ? null : Number(s)))
    .refine((n) => n === null || (Number.isSafeInteger(n) && n > 0), message);

const requiredId = (message: string) =>
  z
    .string({ error: message })
    .trim()
    .regex(/^\d+$/, message)
    .transform(Number)
    .refine((n) => Number.isSafeInteger(n) && n > 0, message);

const seatsMessage = "Ange antal platser som ett heltal, till exempel 40.";
const seats = z
  .string({ error: seatsMessage })
  .trim()
  .regex(/^\d+$/, seatsMessage)
  .transform(Number)
  .refine((n) => n >= 1 && n <= 100_000, "Antalet platser ska vara mellan 1 och 100 000.");

// Events --------------------------------------------------------------------------------------------

export const eventFields = [
  "name",
  "slug",
  "startsOn",
  "endsOn",
  "venue",
  "description",
  "signupOpensAt",
  "signupClosesAt",
  "published",
  "speakerEditDeadline",
  "speakersSeeParticipants",
  "speakerEditsReviewed",
] as const;
export type EventField = (typeof eventFields)[number];

export const eventSchema = z
  .object({
    name: requiredText("Skriv evenemangets namn.", 200, "Namnet får vara högst 200 tecken."),
    slug: optionalSlug,
    startsOn: isoDate("Ange första dagen."),
    endsOn: isoDate("Ange sista dagen."),
    venue: z.string().trim().max(200, "Platsen får vara högst 200 tecken."),
    description: longText(5000, "Beskrivningen får vara högst 5 000 tecken."),
    signupOpensAt: optionalDateTimeLocal,
    signupClosesAt: optionalDateTimeLocal,
    published: checkbox,
    /** Speakers may edit their abstracts and bios up to and including this moment (empty: no deadline). */
    speakerEditDeadline: z.preprocess((v) => v ?? "", optionalDateTimeLocal),
    speakersSeeParticipants: checkbox,
    /** Speakers' edits to a published lärpass wait for an organiser's approval. */
    speakerEditsReviewed: checkbox,
  })
  .superRefine((v, ctx) => {
    checkEventDates(v, ctx);
    if (v.signupOpensAt && v.signupClosesAt) {
      const a = `${v.signupOpensAt.date}T${v.signupOpensAt.time}`;
      const b = `${v.signupClosesAt.date}T${v.signupClosesAt.time}`;
      if (b <= a) ctx.addIssue({ code: "custom", path: ["signupClosesAt"], message: "Anmälan måste stänga efter att den öppnar." });
    }
  });
export type EventInput = z.output<typeof eventSchema>;

/** The short form on /arrangor: a new event needs only a name and its dates. */
export const newEventFields = ["name", "slug", "startsOn", "endsOn"] as const;
export const newEventSchema = z
  .object({
    name: requiredText("Skriv evenemangets namn.", 200, "Namnet får vara högst 200 tecken."),
    slug: optionalSlug,
    startsOn: isoDate("Ange första dagen."),
    endsOn: isoDate("Ange sista dagen."),
  })
  .superRefine(checkEventDates);
export type NewEventInput = z.output<typeof newEventSchema>;

// Days, time slots, rooms -----------------------------------------------------------------------------

export const dayFields = ["date", "name"] as const;
export const daySchema = z.object({
  date: isoDate("Ange dagens datum."),
  name: z.string().trim().max(100, "Namnet får vara högst 100 tecken."),
});
export type DayInput = z.output<typeof daySchema>;

/** Renaming a day: the date stays (its time slots are on it). */
export const dayNameFields = ["name"] as const;
export const dayNameSchema = daySchema.pick({ name: true });
export type DayNameInput = z.output<typeof dayNameSchema>;

export const slotFields = ["dayId", "start", "end", "label"] as const;
export type SlotField = (typeof slotFields)[number];
export const slotSchema = z
  .object({
    dayId: requiredId("Välj vilken dag tiden gäller."),
    start: z
      .string()
      .trim()
      .min(1, "Ange starttid, till exempel 09:00.")
      .transform((s, ctx) => {
        const t = normaliseTime(s);
        if (!t) ctx.addIssue({ code: "custom", message: "Skriv starttiden som TT:MM, till exempel 09:00." });
        return t ?? "";
      }),
    end: z
      .string()
      .trim()
      .transform((s, ctx) => {
        if (s === "") return null;
        const t = normaliseTime(s);
        if (!t) ctx.addIssue({ code: "custom", message: "Skriv sluttiden som TT:MM, till exempel 09:45." });
        return t ?? "";
      }),
    label: z.string().trim().max(100, "Namnet får vara högst 100 tecken."),
  })
  .transform((v, ctx) => {
    const end = v.end ?? (minutesOf(v.start) + LARPASS_MINUTES < 24 * 60 ? timeOfMinutes(minutesOf(v.start) + LARPASS_MINUTES) : null);
    if (!end || minutesOf(end) <= minutesOf(v.start)) {
      ctx.addIssue({ code: "custom", path: ["end"], message: "Sluttiden måste vara efter starttiden, samma dag." });
      return z.NEVER;
    }
    return { ...v, end };
  });
export type SlotInput = z.output<typeof slotSchema>;

export const roomFields = ["name", "capacity"] as const;
export const roomSchema = z.object({
  name: requiredText("Skriv lokalens namn.", 100, "Namnet får vara högst 100 tecken."),
  capacity: seats,
});
export type RoomInput = z.output<typeof roomSchema>;

// Lärpass -----------------------------------------------------------------------------------------------


export const larpassFields = [
  "title",
  "slug",
  "abstract",
  "timeSlotId",
  "roomId",
  "capacity",
  "status",
  "track",
  "language",
] as const;
export type LarpassField = (typeof larpassFields)[number] | "speakers";

export const larpassSchema = z.object({
  title: requiredText("Skriv en titel.", 200, "Titeln får vara högst 200 tecken."),
  slug: optionalSlug,
  abstract: longText(10_000, "Sammanfattningen får vara högst 10 000 tecken."),
  speakers: z
    .array(z.string())
    .max(20, "Ett lärpass kan ha högst 20 talare.")
    .transform((list, ctx) => {
      const out: SpeakerEntry[] = [];
      const seen = new Set<string>();
      for (const raw of list) {
        const e = decodeSpeakerEntry(raw);
        if (!e) {
          ctx.addIssue({ code: "custom", message: "En talare i listan gick inte att läsa. Ta bort den och lägg till igen." });
          return z.NEVER;
        }
        const key = e.kind === "existing" ? `id:${e.id}` : `ny:${e.name.toLocaleLowerCase("sv-SE")}`;
        if (seen.has(key)) continue; // the same speaker twice: keep the first place
        seen.add(key);
        out.push(e);
      }
      return out;
    }),
  timeSlotId: optionalId("Välj en tid i listan."),
  roomId: optionalId("Välj en lokal i listan."),
  capacity: z
    .string()
    .trim()
    .transform((s, ctx) => {
      if (s === "") return null;
      if (!/^\d+$/.test(s) || Number(s) < 1 || Number(s) > 100_000) {
        ctx.addIssue({ code: "custom", message: "Ange antal platser som ett heltal, eller lämna tomt för lokalens antal." });
        return z.NEVER;
      }
      return Number(s);
    }),
  status: z.enum(larpassStatuses, { error: "Välj status: utkast, publicerat eller inställt." }),
  track: optionalText(100, "Spåret får vara högst 100 tecken."),
  language: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(languages, { error: "Välj språk i listan." })),
});
export type LarpassInput = z.output<typeof larpassSchema>;

/** The inline "ny talare" fields of the lärpass form. */
export const newSpeakerInlineSchema = z.object({
  newSpeakerName: requiredText("Skriv den nya talarens namn.", 200, "Namnet får vara högst 200 tecken."),
  newSpeakerRole: optionalText(200, "Rollen får vara högst 200 tecken."),
  newSpeakerOrg: optionalText(200, "Organisationens namn får vara högst 200 tecken."),
});

// Speakers and organisations ---------------------------------------------------------------------------

export const speakerFields = ["name", "slug", "role", "organisationId", "bio", "email"] as const;
export type SpeakerField = (typeof speakerFields)[number];
export const speakerSchema = z.object({
  name: requiredText("Skriv talarens namn.", 200, "Namnet får vara högst 200 tecken."),
  slug: optionalSlug,
  role: optionalText(200, "Rollen får vara högst 200 tecken."),
  organisationId: optionalId("Välj en organisation i listan."),
  bio: longText(10_000, "Presentationen får vara högst 10 000 tecken."),
  email: z
    .string()
    .trim()
    .max(254, "E-postadressen är för lång.")
    .transform((s, ctx) => {
      if (s === "") return null;
      if (!z.email().safeParse(s).success) {
        ctx.addIssue({ code: "custom", message: "Skriv en giltig e-postadress, till exempel namn@region.se, eller lämna tomt." });
        return z.NEVER;
      }
      return s.toLowerCase();
    }),
});
export type SpeakerInput = z.output<typeof speakerSchema>;

export const organisationFields = ["name", "slug", "kind"] as const;
export type OrganisationField = (typeof organisationFields)[number];
export const organisationSchema = z.object({
  name: requiredText("Skriv organisationens namn.", 200, "Namnet får vara högst 200 tecken."),
  slug: optionalSlug,
  kind: z.enum(organisationKinds, { error: "Välj typ av organisation." }),
});
export type OrganisationInput = z.output<typeof organisationSchema>;

// Import ------------------------------------------------------------------------------------------------

export const importStatusSchema = z.enum(["draft", "published"], { error: "Välj om lärpassen ska bli utkast eller publiceras." });

/** Ids taken from a URL segment. */
