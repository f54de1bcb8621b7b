import { describe, expect, it } from "vitest";
import { generateSessionToken, hashSecret, parseSessionToken, secretMatches } from "~/auth/token";

describe("session tokens", () => {
  it("are id.secret with at least 120 bits of secret", () => {
    const { id, secret, token } = generateSessionToken();
    expect(token).toBe(`${id}.${secret}`);
    expect(Buffer.from(secret, "base64url").length * 8).toBeGreaterThanOrEqual(120);
    expect(generateSessionToken().token).not.toBe(token);
  });

  it("parses only well-formed tokens", () => {
    const { id, secret, token } = generateSessionToken();
    expect(parseSessionToken(token)).toEqual({ id, secret });
    for (const bad of ["", "abc", `${id}.`, `.${secret}`, `${id}.${secret}.x`, `${id}.sec ret!!!!!!!!!!!!!!!!!`]) {
      expect(parseSessionToken(bad)).toBeNull();
    }
  });

  it("stores a SHA-256 of the secret and compares it exactly", () => {
    const { secret } = generateSessionToken();
    const stored = hashSecret(secret);
    expect(stored.length).toBe(32);
    expect(stored.toString("base64url")).not.toContain(secret);
    expect(secretMatches(secret, stored)).toBe(true);
    expect(secretMatches(secret.slice(0, -1) + (secret.endsWith("A") ? "B" : "A"), stored)).toBe(false);
    expect(secretMatches(secret, stored.subarray(0, 16))).toBe(false);
  });
});
