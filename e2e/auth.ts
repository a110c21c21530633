import fs from "node:fs";
import { expect, type Page } from "@playwright/test";
import { openDatabase } from "../db/open";
import { users } from "../db/schema";
import type { Role } from "../lib/domain";
import { readState } from "./server";

/** A fresh address per test, so tests never share accounts (and never hit the sign-in rate limit). */
export function uniqueEmail(label = "medlem"): string {
  return `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@test.example`;
}

/** The newest mail in the server's outbox to this address (polls: mail is written after the response). */
export async function latestMailTo(email: string, subjectIncludes?: string): Promise<{ subject: string; text: string }> {
  const { outboxPath } = readState();
  let found: { subject: string; text: string } | undefined;
  await expect
    .poll(
      () => {
        const lines = fs.existsSync(outboxPath) ? fs.readFileSync(outboxPath, "utf8").trim().split("\n").filter(Boolean) : [];
        found = lines
          .map((l) => JSON.parse(l) as { to: string; subject: string; text: string })
          .reverse()
          .find((m) => m.to === email && (!subjectIncludes || m.subject.includes(subjectIncludes)));
        return Boolean(found);
      },
      { message: `inget mejl till ${email}`, timeout: 10_000 },
    )
    .toBe(true);
  return found!;
}

/** Gives an address a role directly in the test database (what `npm run user:role` does). */
export function setRole(email: string, role: Role): void {
  const db = openDatabase(readState().databasePath);
  db.insert(users).values({ email, role }).onConflictDoUpdate({ target: users.email, set: { role } }).run();
  db.$client.close();
}

/** Signs in through the real flow: the sign-in form, the mail in the outbox, the link. */
export async function signIn(page: Page, email: string, role?: Role): Promise<void> {
  if (role && role !== "member") setRole(email, role);
  await page.goto("/logga-in");
  await page.getByLabel("E-postadress").fill(email);
  await page.getByRole("button", { name: "Skicka inloggningslänk" }).click();
  await expect(page.getByRole("heading", { name: "Kolla din e-post" })).toBeVisible();
  const mail = await latestMailTo(email, "Logga in");
  const link = mail.text.match(/https?:\/\/\S+/)![0];
  await page.goto(link);
  await expect(page.getByRole("link", { name: "Mitt program" }).first()).toBeVisible();
}
