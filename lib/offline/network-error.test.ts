import { describe, expect, it } from "vitest";
import { looksOffline } from "./network-error";

describe("looksOffline", () => {
  it("is true without a connection, or for a fetch that never reached the server in any browser", () => {
    expect(looksOffline(new Error("anything"), false)).toBe(true);
    for (const message of ["Failed to fetch", "NetworkError when attempting to fetch resource.", "Load failed", "Network request failed"]) {
      expect(looksOffline(new TypeError(message), true), message).toBe(true);
    }
  });

  it("is false for the server's own errors and for other bugs while online", () => {
    expect(looksOffline(Object.assign(new Error("An error occurred in the Server Components render."), { digest: "123" }), true)).toBe(false);
    expect(looksOffline(new TypeError("Cannot read properties of undefined (reading 'x')"), true)).toBe(false);
    expect(looksOffline(new DOMException("The user aborted a request.", "AbortError"), true)).toBe(false);
    expect(looksOffline("Failed to fetch", true)).toBe(false);
  });
});
