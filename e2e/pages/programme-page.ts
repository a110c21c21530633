import fs from "node:fs";
import path from "node:path";
import { expect, type Locator, type Page } from "@playwright/test";

export const EVENT_SLUG = "arskonferens-2018";
export const EVENT_NAME = "Reglabs årskonferens 2018";

/**
 * The lärpass titles of the seed, in import order, read from the same fixture scripts/seed.ts imports. The seed
 * lays them out five to a slot (three slots) and rotates through the five rooms.
 */
export function seedTitles(): string[] {
  const text = fs.readFileSync(path.join(process.cwd(), "lib", "import", "fixtures", "larpass-2018.txt"), "utf8");
  // Blocks are separated by blank lines: heading, intro, then one block per lärpass (title, abstract, speakers).
  const blocks = text.split(/\r?\n\s*\r?\n/).map((b) => b.trim()).filter(Boolean);
  // The import normalises whitespace (the fixture has no-break spaces in some titles); so do we.
  return blocks.slice(2).map((b) => b.split(/\r?\n/)[0].normalize("NFC").replace(/\s+/g, " ").trim());
}

export const SLOTS = ["09:00–09:45", "10:15–11:00", "11:15–12:00"] as const;

/** The public programme (/program or /evenemang/<slug>) with its GET filter form. */
export class ProgrammePage {
  readonly form: Locator;
  readonly search: Locator;
  readonly slot: Locator;
  readonly organisation: Locator;
  readonly kind: Locator;
  readonly submit: Locator;
  readonly clear: Locator;
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByRole("search", { name: "Filtrera programmet" });
    this.search = this.form.getByRole("searchbox", { name: "Sök bland lärpassen" });
    this.slot = this.form.getByRole("combobox", { name: "Tid" });
    this.organisation = this.form.getByRole("combobox", { name: "Organisation", exact: true });
    this.kind = this.form.getByRole("combobox", { name: "Typ av organisation" });
    this.submit = this.form.getByRole("button", { name: "Visa lärpass" });
    this.clear = this.form.getByRole("link", { name: "Rensa filter" });
    // role=status, not role=alert: Next's route announcer is an (empty) alert of its own.
    this.status = page.getByRole("status").filter({ hasText: "lärpass." });
  }

  async goto(query = "", base = "/program") {
    const response = await this.page.goto(`${base}${query}`);
    expect(response?.status()).toBe(200);
  }

  /** One region per time slot, named by its h2 ("09:00–09:45"). */
  slotRegions(): Locator {
    return this.page.getByRole("main").locator("section.slot");
  }

  slotRegion(time: string): Locator {
    return this.page.getByRole("region", { name: time, exact: true });
  }

  /** The title link of a lärpass card (other links in a card, e.g. "Logga in för att välja …", repeat the title). */
  larpassLink(title: string): Locator {
    return this.page.getByRole("article").getByRole("heading", { level: 3, name: title, exact: true }).getByRole("link");
  }

  /** Titles of the lärpass cards shown (in document order), optionally within one slot. */
  async titles(scope?: Locator): Promise<string[]> {
    const root = scope ?? this.page.getByRole("main");
    return (await root.getByRole("article").getByRole("heading", { level: 3 }).allInnerTexts()).map((t) => t.trim());
  }

  /** Slot time (h2) → card titles, as rendered. */
  async grouped(): Promise<Record<string, string[]>> {
    const out: Record<string, string[]> = {};
    for (const section of await this.slotRegions().all()) {
      const time = (await section.getByRole("heading", { level: 2 }).innerText()).trim();
      out[time] = await this.titles(section);
    }
    return out;
  }

  async expectShowing(titles: string[], total = 14) {
    await expect(this.status).toHaveText(titles.length === total ? `${total} lärpass.` : `Visar ${titles.length} av ${total} lärpass.`);
    expect((await this.titles()).toSorted()).toEqual(titles.toSorted());
  }
}
