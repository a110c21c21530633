import type { OrganisationKind } from "@/lib/domain";

/**
 * A first guess at what kind of organisation a name denotes, for organisations created by an import.
 * Organisers can correct it; the guess only saves them typing.
 */
const rules: [OrganisationKind, RegExp][] = [
  ["university", /(universitet|högskola|högskolan|university|college|akademi)/i],
  ["region", /(^region\b|regionen$|regionförbund|landsting|samverkansorgan)/i],
  [
    "agency",
    /(verket$|rådet$|myndighet|länsstyrelse|^vinnova$|^formas$|^tillväxtanalys$|arbetsförmedlingen|försäkringskassan|^nordregio$|ministerråd|departement|kommission)/i,
  ],
  ["company", /(\bab$|\bhb$|\bkb$|\boy$|\bgmbh$|\bltd$|\binc$|management|consulting|konsult|ramböll|sweco|\bwsp\b|pwc|kpmg|deloitte)/i],
];

export function guessOrganisationKind(name: string): OrganisationKind {
  const n = name.trim();
  for (const [kind, re] of rules) if (re.test(n)) return kind;
  return "other";
}
