import { expect, type Locator, type Page } from "@playwright/test";

/** Arrangör → Talare → one speaker: the form and the "Talarens konto" region (invitation). */
export class SpeakerAdminPage {
  readonly account: Locator;
  readonly email: Locator;
  readonly invite: Locator;
  readonly invited: Locator;

  constructor(readonly page: Page) {
    this.account = page.getByRole("region", { name: "Talarens konto" });
    this.email = this.account.getByLabel("Talarens e-postadress");
    this.invite = this.account.getByRole("button", { name: "Bjud in talaren" });
    this.invited = page.getByRole("status").filter({ hasText: "Inbjudan är skickad" });
  }

  async goto(speakerId: number) {
    await this.page.goto(`/arrangor/talare/${speakerId}`);
  }

  /** Sends the invitation to the address in the field and waits for the confirmation. */
  async inviteSpeaker() {
    await this.invite.click();
    await expect(this.invited).toBeVisible();
  }
}

/** Historik of a lärpass or a speaker: one article per revision, newest first. */
export class HistoryPage {
  readonly heading: Locator;
  readonly entries: Locator;
  readonly restored: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1 });
    this.entries = page.getByRole("article");
    this.restored = page.getByRole("status").filter({ hasText: "återställd" });
  }

  async gotoLarpass(larpassId: number, title: string) {
    await this.page.goto(`/arrangor/larpass/${larpassId}/historik`);
    await expect(this.heading).toHaveText(`Historik: ${title}`);
  }

  async gotoSpeaker(speakerId: number, name: string) {
    await this.page.goto(`/arrangor/talare/${speakerId}/historik`);
    await expect(this.heading).toHaveText(`Historik: ${name}`);
  }

  /** Restores the n-th revision (0 = newest) and waits for the confirmation. */
  async restore(n: number) {
    await this.entries.nth(n).getByRole("button", { name: "Återställ den här versionen" }).click();
    await expect(this.restored).toBeVisible();
  }
}
