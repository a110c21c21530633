// The return address after sign-in (and after choosing a lärpass) is never another site.
import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./auth";

describe("safeReturnPath", () => {
  it.each([
    "/.//evil.example",
    "/..//evil.example",
    "/%2e//evil.example",
    "/%2E//evil.example",
    "/./\\evil.example",
    "/a/..//evil.example",
    "/a/b/../..//evil.example",
    "//evil.example",
    "/\\evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "https://evil.example/",
    "evil.example",
    "javascript:alert(1)",
    "",
    `/${"a".repeat(600)}`,
  ])("refuses %j", (path) => {
    expect(safeReturnPath(path)).toBe("/mitt-program");
  });

  it("refuses what is not a string", () => {
    expect(safeReturnPath(undefined, "/program")).toBe("/program");
    expect(safeReturnPath(["/a"], "/program")).toBe("/program");
  });

  it.each([
    ["/program", "/program"],
    ["/program?dag=2019-02-01&tid=1#lp-3", "/program?dag=2019-02-01&tid=1#lp-3"],
    ["/evenemang/arskonferens-2018/larpass/x", "/evenemang/arskonferens-2018/larpass/x"],
    ["/a/../program", "/program"],
    ["/./mitt-program", "/mitt-program"],
    ["/", "/"],
  ])("keeps the local path %j as %j", (path, expected) => {
    expect(safeReturnPath(path)).toBe(expected);
  });

  it("never returns a path a browser would read as another host", () => {
    for (const prefix of ["/.", "/..", "/%2e", "/a/..", "/./", "/%2e%2e"]) {
      for (const sep of ["//", "/\\", "\\\\", "\\/"]) {
        const out = safeReturnPath(`${prefix}${sep}evil.example/x`);
        expect(out, `${prefix}${sep}`).toMatch(/^\/(?![/\\])/);
        expect(new URL(out, "https://larpass.example").host).toBe("larpass.example");
      }
    }
  });
});
