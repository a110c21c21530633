/** Swedish collation: å, ä, ö after z, case and accents handled the Swedish way. */
export const svCollator = new Intl.Collator("sv-SE", { sensitivity: "base", numeric: true });

export function compareSv(a: string, b: string): number {
  return svCollator.compare(a, b);
}

export function sortBySv<T>(items: readonly T[], key: (item: T) => string): T[] {
  return [...items].sort((a, b) => compareSv(key(a), key(b)));
}

/** Lower-cased, NFC, single-spaced text for matching a search box against content. */
export function foldForSearch(text: string): string {
  return text.normalize("NFC").toLocaleLowerCase("sv-SE").replace(/\s+/g, " ").trim();
}

/** Plain-text excerpt of Markdown for meta descriptions and lists. */
export function plainExcerpt(markdown: string, max = 160): string {
  const plain = markdown
    .replace(/!\[[^\]]*\]\([^)]*\)/g, "")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[`*_>#~]/g, "")
    .replace(/\s+/g, " ")
    .trim();
  if (plain.length <= max) return plain;
  const cut = plain.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > max * 0.6 ? cut.slice(0, lastSpace) : cut).replace(/[\s,.;:–-]+$/, "")}…`;
}

/**
 * The opening of an abstract for a list of many lärpass: its first paragraph as plain text, cut to `max`
 * characters. `more` says whether anything was left out (the full text is on the lärpass's own page).
 */
export function leadExcerpt(markdown: string, max = 140): { text: string; more: boolean } {
  const paragraphs = markdown.trim().split(/\n\s*\n/);
  const first = plainExcerpt(paragraphs[0] ?? "", Number.MAX_SAFE_INTEGER);
  const text = plainExcerpt(first, max);
  return { text, more: text !== first || paragraphs.slice(1).some((p) => plainExcerpt(p) !== "") };
}
