// The sign-in form's hardening: plus-tags of one mailbox share a limit, and a malformed call is answered.
import { beforeEach, describe, expect, test, vi } from "vitest";

vi.mock("@/lib/auth", async () => (await import("@/test/mock-auth")).authModuleMock);
vi.mock("next/navigation", async () => (await import("@/test/mock-auth")).navigationMock);
vi.mock("next/headers", async () => (await import("@/test/mock-auth")).headersMock);
vi.mock("next-auth", async () => ({ AuthError: (await import("@/test/mock-auth")).AuthError }));

import { mailboxKey, signInLimits } from "@/lib/rate-limit";
import { authModuleMock, expectRedirect, resetRequestMocks, setRequestHeaders } from "@/test/mock-auth";
import { signInAction } from "./actions";

const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};

beforeEach(() => resetRequestMocks());

describe("mailboxKey", () => {
  test.each([
    ["Anna+1@Region.se", "anna@region.se"],
    ["anna+konferens+2@region.se", "anna@region.se"],
    ["anna@region.se", "anna@region.se"],
    ["+tag@region.se", "+tag@region.se"],
    ["a.b@region.se", "a.b@region.se"],
  ])("%s is the mailbox %s", (email, key) => {
    expect(mailboxKey(email)).toBe(key);
  });
});

describe("signInAction", () => {
  test("30 plus-tags of one mailbox send at most the mailbox limit of mails", async () => {
    let sent = 0;
    let refused = 0;
    for (let i = 1; i <= 30; i++) {
      // A new client address each time: only the mailbox limit can stop this.
      setRequestHeaders({ "x-forwarded-for": `198.51.100.${i}` });
      try {
        const state = await signInAction({}, form({ email: `plus+${i}@kommun.se` }));
        expect(state.errors?.form).toMatch(/^Du har bett om för många inloggningslänkar/);
        expect(state.values).toEqual({ email: `plus+${i}@kommun.se` });
        refused += 1;
      } catch {
        sent += 1;
      }
    }
    expect(sent).toBe(signInLimits.perMailbox.limit);
    expect(refused).toBe(30 - signInLimits.perMailbox.limit);
    expect(authModuleMock.signIn).toHaveBeenCalledTimes(signInLimits.perMailbox.limit);
    // Another mailbox at the same domain is still served.
    setRequestHeaders({ "x-forwarded-for": "198.51.100.200" });
    expect(await expectRedirect(() => signInAction({}, form({ email: "annan+1@kommun.se" })))).toBe("/logga-in/kolla-mejlen");
  });

  test("a call with something other than form data gets the form's answer, not a crash", async () => {
    for (const arg of [undefined, null, "email=a@b.se", { email: "a@b.se" }, 42]) {
      const state = await signInAction({}, arg as unknown as FormData);
      expect(state).toEqual({ errors: { email: "Skriv din e-postadress." } });
    }
    expect(authModuleMock.signIn).not.toHaveBeenCalled();
  });
});
