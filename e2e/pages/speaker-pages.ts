import { expect, type Locator, type Page } from "@playwright/test";

/** Mina lärpass: the signed-in speaker's lärpass, one article per lärpass. */
export class MyLarpassPage {
  readonly heading: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1 });
  }

  async goto() {
    await this.page.goto("/mina-larpass");
    await expect(this.heading).toHaveText("Mina lärpass");
  }

  card(title: string): Locator {
    return this.page.getByRole("article", { name: title });
  }

  /** Opens the abstract form of one of the speaker's lärpass. */
  async editAbstract(title: string): Promise<AbstractEditPage> {
    await this.card(title).getByRole("link", { name: `Ändra sammanfattningen för ${title}` }).click();
    const edit = new AbstractEditPage(this.page);
    await expect(edit.heading).toHaveText(`Sammanfattning: ${title}`);
    return edit;
  }

  /** Opens the speaker's own presentation (from any page: through the menu's Mina lärpass). */
  async editProfile(speakerName: string): Promise<ProfileEditPage> {
    await this.page.getByRole("link", { name: "Mina lärpass" }).first().click();
    await this.page.getByRole("link", { name: "Ändra din presentation" }).click();
    const edit = new ProfileEditPage(this.page);
    await expect(edit.heading).toHaveText(`Din presentation: ${speakerName}`);
    return edit;
  }
}

/** The abstract form of one lärpass (Mina lärpass → Ändra sammanfattningen). */
export class AbstractEditPage {
  readonly heading: Locator;
  readonly abstract: Locator;
  readonly previewButton: Locator;
  readonly preview: Locator;
  readonly save: Locator;
  readonly saved: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1 });
    this.abstract = page.getByLabel("Sammanfattning");
    this.previewButton = page.getByRole("button", { name: "Förhandsgranska" });
    this.preview = page.getByRole("region", { name: "Förhandsvisning" });
    this.save = page.getByRole("button", { name: "Spara sammanfattningen" });
    this.saved = page.getByRole("status").filter({ hasText: "Sammanfattningen är sparad." });
  }

  /** Types the abstract, saves, and waits for the confirmation. */
  async saveAbstract(text: string) {
    await this.abstract.fill(text);
    await this.save.click();
    await expect(this.abstract).toHaveValue(text);
    await expect(this.saved).toBeVisible();
  }
}

/** The speaker's own presentation (role, organisation, bio). */
export class ProfileEditPage {
  readonly heading: Locator;
  readonly role: Locator;
  readonly organisation: Locator;
  readonly bio: Locator;
  readonly save: Locator;
  readonly saved: Locator;
  readonly preview: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1 });
    this.role = page.getByLabel("Roll (titel)");
    this.organisation = page.getByLabel("Organisation");
    this.bio = page.getByLabel("Presentation");
    this.save = page.getByRole("button", { name: "Spara presentationen" });
    this.saved = page.getByRole("status").filter({ hasText: "Presentationen är sparad." });
    this.preview = page.getByRole("region", { name: "Förhandsvisning" });
  }

  async fillAndSave(values: { role: string; organisation: string; bio: string }) {
    await this.role.fill(values.role);
    await this.organisation.fill(values.organisation);
    await this.bio.fill(values.bio);
    await this.save.click();
    await expect(this.saved).toBeVisible();
  }
}
