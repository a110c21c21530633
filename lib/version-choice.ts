// The rule for answering a version conflict, once for every form that has one (an organiser's lärpass or
// speaker, a speaker's own abstract or profile). The conflict panel (components/version-conflict.tsx) offers
// two buttons: "deras" fills the form with the saved version; "mina:N" saves what was typed over version N,
// the one the person has now seen. Any other button saves on top of the version the form was opened with.

export type VersionChoice = { theirs: true } | { theirs: false; onto: number | null };

export function versionChoice(op: string): VersionChoice {
  if (op === "deras") return { theirs: true };
  const mine = /^mina:(\d{1,9})$/.exec(op);
  return { theirs: false, onto: mine ? Number(mine[1]) : null };
}
