import AxeBuilder from "@axe-core/playwright";
import { expect, test as base, type Page } from "@playwright/test";

/**
 * WCAG 2.1 A and AA: what public-sector users are owed. Legacy mode runs axe in the page itself instead of
 * opening an extra page per call to merge frame results; the app has no iframes, and it saves ~0.5 s a call.
 */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .setLegacyMode(true)
    .analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join("; ")})`);
  expect(summary, `axe hittade brister på ${page.url()}`).toEqual([]);
}

export const test = base;
export { expect };
