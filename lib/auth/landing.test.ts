import { describe, expect, it } from "vitest";
import { landingFor } from "./landing";

describe("landingFor", () => {
  it("sends each role to its own start page", () => {
    expect(landingFor({ role: "organiser" })).toBe("/arrangor");
    expect(landingFor({ role: "speaker" })).toBe("/mina-larpass");
    expect(landingFor({ role: "member" })).toBe("/program");
    expect(landingFor(null)).toBe("/program");
  });
});
