import { describe, expect, it } from "vitest";
import { hasTrustedOrigin } from "~/auth/origin";

describe("origin check", () => {
  it("lets safe methods through without an Origin", () => {
    expect(hasTrustedOrigin("GET", null, "localhost:3000", "http")).toBe(true);
    expect(hasTrustedOrigin("HEAD", undefined, "localhost:3000", "http")).toBe(true);
  });

  it("refuses a state-changing request with a missing, null or foreign Origin", () => {
    expect(hasTrustedOrigin("POST", null, "localhost:3000", "http")).toBe(false);
    expect(hasTrustedOrigin("POST", "null", "localhost:3000", "http")).toBe(false);
    expect(hasTrustedOrigin("POST", "http://evil.example", "localhost:3000", "http")).toBe(false);
    expect(hasTrustedOrigin("DELETE", "https://localhost:3000", "localhost:3000", "http")).toBe(false);
    expect(hasTrustedOrigin("POST", "http://localhost:3001", "localhost:3000", "http")).toBe(false);
  });

  it("accepts our own origin and configured extra origins", () => {
    expect(hasTrustedOrigin("POST", "http://localhost:3000", "localhost:3000", "http")).toBe(true);
    expect(hasTrustedOrigin("PUT", "https://weike.example", "weike.example", "https")).toBe(true);
    expect(hasTrustedOrigin("POST", "https://lms.example", "10.0.0.5:3000", "http", ["https://lms.example"])).toBe(
      true,
    );
  });
});
