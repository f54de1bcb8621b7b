import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "~/lib/safe-redirect";

describe("safeRedirectPath", () => {
  it("keeps our own paths with their query and hash", () => {
    expect(safeRedirectPath("/courses")).toBe("/courses");
    expect(safeRedirectPath("/courses?q=退货&page=2#top")).toBe("/courses?q=%E9%80%80%E8%B4%A7&page=2#top");
    expect(safeRedirectPath("/requests/12/edit")).toBe("/requests/12/edit");
  });

  it.each([
    ["/\t/evil.example", "tab between slashes"],
    ["/%09/evil.example", "encoded tab"],
    ["//evil.example", "protocol-relative"],
    ["/\\evil.example", "backslash"],
    ["/\\/evil.example", "backslash slash"],
    ["%2F%2Fevil.example", "encoded slashes, no leading slash"],
    ["/%2F%2Fevil.example", "encoded slashes after one slash"],
    ["/%2Fevil.example", "encoded second slash"],
    ["/%5Cevil.example", "encoded backslash"],
    ["javascript:alert(1)", "javascript scheme"],
    ["https://evil.example/", "absolute URL"],
    ["evil.example", "relative without slash"],
    ["/ok\r\nSet-Cookie: x=1", "CR LF"],
    ["/ok\n", "LF"],
    ["/ok\u0000", "NUL"],
    ["/" + "a".repeat(5000), "very long"],
    ["", "empty"],
  ])("refuses %j (%s)", (value) => {
    expect(safeRedirectPath(value)).toBe("/");
  });

  it("falls back for null, undefined and non-strings", () => {
    expect(safeRedirectPath(null)).toBe("/");
    expect(safeRedirectPath(undefined, "/home")).toBe("/home");
  });
});
