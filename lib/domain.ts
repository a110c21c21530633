// The domain's words, once: enums, their Swedish labels and plurals. No Drizzle, no zod, no server code, so
// client components import this (and only this) for a status list or a label, and db/schema.ts builds its
// column enums from it.
import { plural } from "./plural";

export const organisationKinds = ["region", "agency", "university", "company", "other"] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

export const larpassStatuses = ["draft", "published", "cancelled"] as const;
export type LarpassStatus = (typeof larpassStatuses)[number];

export const roles = ["member", "speaker", "organiser"] as const;
export type Role = (typeof roles)[number];

export const registrationStatuses = ["confirmed", "waitlisted"] as const;
export type RegistrationStatus = (typeof registrationStatuses)[number];

export const changeKinds = ["new", "time", "room", "title", "abstract", "speakers", "cancelled", "removed", "restored"] as const;
export type ChangeKind = (typeof changeKinds)[number];

export const revisionEntities = ["larpass", "speaker"] as const;
export type RevisionEntity = (typeof revisionEntities)[number];

// Labels ---------------------------------------------------------------------------------------------

export const larpassStatusLabels: Record<LarpassStatus, string> = {
  draft: "Utkast",
  published: "Publicerat",
  cancelled: "Inställt",
};

/** The languages a lärpass can be held in (ISO 639-1), in the order the form lists them. */
export const languages = ["sv", "en", "fi", "no", "da", "de", "fr", "es"] as const;
export type Language = (typeof languages)[number];
export const languageLabels: Record<string, string> = {
  sv: "Svenska",
  en: "Engelska",
  fi: "Finska",
  no: "Norska",
  da: "Danska",
  de: "Tyska",
  fr: "Franska",
  es: "Spanska",
} satisfies Record<Language, string>;

export const organisationKindLabels: Record<OrganisationKind, string> = {
  region: "Region",
  agency: "Myndighet",
  university: "Lärosäte",
  company: "Företag",
  other: "Övrigt",
};

export const registrationStatusLabels: Record<RegistrationStatus, string> = { confirmed: "Har plats", waitlisted: "I kö" };

export const changeKindLabels: Record<ChangeKind, string> = {
  new: "Nytt lärpass",
  time: "Ny tid",
  room: "Ny lokal",
  title: "Ny titel",
  abstract: "Ny sammanfattning",
  speakers: "Ändrade talare",
  cancelled: "Inställt",
  removed: "Borttaget",
  restored: "Åter i programmet",
};

// Plurals (through lib/plural.ts, the one helper on Intl.PluralRules) ---------------------------------

/** "1 medlem" / "3 medlemmar" */
export const members = (n: number) => plural(n, "medlem", "medlemmar");
/** "1 lärpass" (same in plural) */
export const larpassCount = (n: number) => plural(n, "lärpass", "lärpass");

// The documentation (participants' answers, themes, the compiled document) ------------------------------------

export const questionKinds = ["text", "rating"] as const;
export type QuestionKind = (typeof questionKinds)[number];
/** "event": the event as a whole; "larpass": one lärpass; "every-larpass": asked on every lärpass's page. */
export const questionScopes = ["event", "larpass", "every-larpass"] as const;
export type QuestionScope = (typeof questionScopes)[number];
export const answerSources = ["form", "paste", "demo"] as const;
export const documentationSections = ["intro", "questions", "larpass", "ratings"] as const;
export type DocumentationSection = (typeof documentationSections)[number];

export const documentationSectionLabels: Record<DocumentationSection, string> = {
  intro: "Inledning",
  questions: "Deltagarnas svar",
  larpass: "Lärpassen",
  ratings: "Betyg",
};

export const questionKindLabels: Record<QuestionKind, string> = { text: "Fritext", rating: "Betyg 1–5 med kommentar" };

export const questionScopeLabels: Record<QuestionScope, string> = {
  event: "Hela evenemanget",
  larpass: "Ett lärpass",
  "every-larpass": "Varje lärpass",
};

export const ratingLabels = ["", "1 – Inte alls bra", "2", "3", "4", "5 – Mycket bra"] as const;

// Proposals ("Föreslå ett lärpass", lib/proposals) -------------------------------------------------------

/**
 * A proposal's states. "draft" is the proposer's own; "submitted" once sent in; "in_review" from the first
 * review; "accepted" / "rejected" by an organiser's decision; "withdrawn" by the proposer. Asking for changes
 * sends a proposal back to "draft" with the organisers' message.
 */
export const proposalStates = ["draft", "submitted", "in_review", "accepted", "rejected", "withdrawn"] as const;
export type ProposalState = (typeof proposalStates)[number];

export const proposalStateLabels: Record<ProposalState, string> = {
  draft: "Utkast",
  submitted: "Inskickat",
  in_review: "Under bedömning",
  accepted: "Antaget",
  rejected: "Inte antaget",
  withdrawn: "Återkallat",
};

export const proposalDecisions = ["accept", "reject", "changes"] as const;
export type ProposalDecision = (typeof proposalDecisions)[number];

export const proposalDecisionLabels: Record<ProposalDecision, string> = {
  accept: "Anta",
  reject: "Anta inte",
  changes: "Be om ändringar",
};

/** A score on one criterion: 1 (weak) to 5 (strong). */
export const reviewScores = [1, 2, 3, 4, 5] as const;

/** "1 förslag" (same in plural) */
export const proposalCount = (n: number) => plural(n, "förslag", "förslag");
/** "1 bedömning" / "3 bedömningar" */
export const reviewCount = (n: number) => plural(n, "bedömning", "bedömningar");
/** Co-speakers the proposal form has room for (fixed rows, so the form works without JavaScript). */
export const CO_SPEAKER_ROWS = 3;
