// Outgoing mail: the outbox (the default outside production) and the start-up check for production.
import fs from "node:fs";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { useTempOutbox } from "@/test/factories";
import { deliver, mailConfigurationProblem, outboxEnabled, outboxPath, readOutbox, smtpConfigured } from "./mail";

const outbox = useTempOutbox();
beforeAll(() => {
  vi.spyOn(console, "log").mockImplementation(() => {});
});

const saved = { NODE_ENV: process.env.NODE_ENV, SMTP_URL: process.env.SMTP_URL, MAIL_OUTBOX: process.env.MAIL_OUTBOX };
afterEach(() => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});
/** process.env.NODE_ENV is typed read-only by Next's types; tests may still set it. */
const setEnv = (values: Record<string, string | undefined>) => {
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined) delete process.env[k];
    else (process.env as Record<string, string>)[k] = v;
  }
};

describe("outbox", () => {
  it("is on by default in tests, at OUTBOX_PATH", () => {
    expect(process.env.NODE_ENV).not.toBe("production");
    expect(smtpConfigured()).toBe(false);
    expect(outboxEnabled()).toBe(true);
    expect(outboxPath()).toBe(outbox);
    expect(mailConfigurationProblem()).toBeNull();
  });

  it("appends mails as JSON lines and reads them back newest first, filtered by address", async () => {
    await deliver([
      { to: "Anna@Example.se", subject: "Första", text: "Hej Anna!" },
      { to: "bo@example.se", subject: "Andra", text: "Hej Bo!" },
    ]);
    await deliver([{ to: "anna@example.se", subject: "Tredje", text: "Hej igen, Anna!\nRad två." }]);

    const lines = fs.readFileSync(outbox, "utf8").trim().split("\n");
    expect(lines).toHaveLength(3);
    const first = JSON.parse(lines[0]);
    expect(first).toMatchObject({ to: "Anna@Example.se", subject: "Första", text: "Hej Anna!" });
    expect(typeof first.id).toBe("string");
    expect(new Date(first.sentAt).toString()).not.toBe("Invalid Date");

    expect(readOutbox().map((m) => m.subject)).toEqual(["Tredje", "Andra", "Första"]);
    expect(readOutbox({ to: " ANNA@example.se " }).map((m) => m.subject)).toEqual(["Tredje", "Första"]);
    expect(readOutbox({ to: "bo@example.se" })[0].text).toBe("Hej Bo!");
    expect(readOutbox({ to: "ingen@example.se" })).toEqual([]);
  });

  it("skips broken lines and reads a missing file as empty", async () => {
    fs.appendFileSync(outbox, "inte json\n");
    await deliver([{ to: "c@example.se", subject: "Efter", text: "x" }]);
    expect(readOutbox({ to: "c@example.se" }).map((m) => m.subject)).toEqual(["Efter"]);
    process.env.OUTBOX_PATH = `${outbox}.saknas`;
    try {
      expect(readOutbox()).toEqual([]);
    } finally {
      process.env.OUTBOX_PATH = outbox;
    }
  });
});

describe("mailConfigurationProblem", () => {
  it("stops a production server with neither SMTP nor an explicit outbox, in Swedish", () => {
    setEnv({ NODE_ENV: "production", SMTP_URL: undefined, MAIL_OUTBOX: undefined });
    expect(outboxEnabled()).toBe(false);
    const problem = mailConfigurationProblem();
    expect(problem).toMatch(/^Ingen e-post är konfigurerad\./);
    expect(problem).toContain("SMTP_URL");
    expect(problem).toContain("MAIL_OUTBOX=1");
    expect(problem).toContain("Servern startar inte");
  });

  it("accepts production with SMTP_URL, or with MAIL_OUTBOX=1 (then the outbox is used)", () => {
    setEnv({ NODE_ENV: "production", SMTP_URL: "smtp://user:pass@smtp.example.se:587", MAIL_OUTBOX: undefined });
    expect(mailConfigurationProblem()).toBeNull();
    expect(outboxEnabled()).toBe(false);
    setEnv({ SMTP_URL: undefined, MAIL_OUTBOX: "1" });
    expect(mailConfigurationProblem()).toBeNull();
    expect(outboxEnabled()).toBe(true);
    setEnv({ MAIL_OUTBOX: "0" });
    expect(mailConfigurationProblem()).not.toBeNull();
  });

  it("never complains outside production", () => {
    setEnv({ NODE_ENV: "development", SMTP_URL: undefined, MAIL_OUTBOX: undefined });
    expect(mailConfigurationProblem()).toBeNull();
    expect(outboxEnabled()).toBe(true);
  });
});
