// npm start without SMTP: the demo listens on this machine only, unless HOST and DEMO_PUBLIC=1 say otherwise.
import { describe, expect, it } from "vitest";
import { listenPlan } from "./listen-plan";

describe("listenPlan", () => {
  it("binds the demo (no SMTP_URL) to 127.0.0.1 when HOST is not set, with a warning", () => {
    const plan = listenPlan({});
    expect(plan).toMatchObject({ ok: true, host: "127.0.0.1", outbox: true });
    expect(plan.ok && plan.warnings.join(" ")).toMatch(/bara på den här datorn/);
  });

  it("keeps an explicit loopback HOST", () => {
    expect(listenPlan({ HOST: "::1" })).toMatchObject({ ok: true, host: "::1" });
    expect(listenPlan({ HOST: "localhost" })).toMatchObject({ ok: true, host: "localhost" });
  });

  it("refuses to start the demo on another address without DEMO_PUBLIC=1", () => {
    const plan = listenPlan({ HOST: "0.0.0.0" });
    expect(plan.ok).toBe(false);
    expect(!plan.ok && plan.message).toMatch(/HOST=0\.0\.0\.0 men ingen SMTP_URL.*DEMO_PUBLIC=1/);
  });

  it("starts on another address with DEMO_PUBLIC=1, and warns loudly", () => {
    const plan = listenPlan({ HOST: "0.0.0.0", DEMO_PUBLIC: "1" });
    expect(plan).toMatchObject({ ok: true, host: "0.0.0.0", outbox: true });
    expect(plan.ok && plan.warnings[0]).toMatch(/^VARNING/);
  });

  it("with SMTP the outbox is off and HOST is used as given (all interfaces when unset, as next start does)", () => {
    expect(listenPlan({ SMTP_URL: "smtp://x", HOST: "0.0.0.0" })).toEqual({ ok: true, host: "0.0.0.0", outbox: false, warnings: [] });
    expect(listenPlan({ SMTP_URL: "smtp://x" })).toEqual({ ok: true, host: undefined, outbox: false, warnings: [] });
  });
});
