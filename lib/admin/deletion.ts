/** What deleting something would do, shown to the organiser before anything is deleted. */
export type DeletableKind = "evenemang" | "dag" | "tid" | "lokal" | "larpass" | "talare" | "organisation";

export type DeletionImpact = {
  kind: DeletableKind;
  id: number;
  /** "lokalen Stora salen" */
  what: string;
  /** One sentence per consequence; empty when nothing else is affected. */
  consequences: string[];
  /** Where "Avbryt" leads, and where the organiser lands after the deletion. */
  backHref: string;
  doneHref: string;
};
