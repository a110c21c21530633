// Swedish plurals, through one helper: Intl.PluralRules("sv") picks the form, so "1 plats", "2 platser".
const rules = new Intl.PluralRules("sv-SE");

/** "1 plats", "0 platser", "12 platser": the count and the noun in the form Swedish uses for it. */
export function plural(n: number, one: string, other: string): string {
  return `${n.toLocaleString("sv-SE")} ${rules.select(n) === "one" ? one : other}`;
}
