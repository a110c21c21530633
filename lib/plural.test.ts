import { describe, expect, it } from "vitest";
import { plural } from "./plural";

describe("plural", () => {
  it.each([
    [0, "0 platser"],
    [1, "1 plats"],
    [2, "2 platser"],
    [21, "21 platser"],
    [1000, "1 000 platser"],
  ])("%i → %s", (n, text) => {
    expect(plural(n, "plats", "platser").replace(/\u00a0/g, " ")).toBe(text);
  });
});
