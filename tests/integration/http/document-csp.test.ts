// The rendered document carries a per-request nonce on every script, and the CSP names it.
import { describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "~/lib/security-headers";

describe("content security policy", () => {
  it("allows scripts only by nonce and forbids framing", () => {
    const csp = contentSecurityPolicy("n0nce");
    const script = csp.split("; ").find((d) => d.startsWith("script-src"))!;
    expect(script).toBe("script-src 'self' 'nonce-n0nce'");
    expect(script).not.toContain("unsafe-inline");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
  });
});
