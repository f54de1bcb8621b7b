import { describe, expect, it } from "vitest";
import { clientAddress, trustedHops } from "~/auth/client-ip";

describe("client address behind trusted proxies", () => {
  it("ignores X-Forwarded-For without a trusted proxy", () => {
    expect(clientAddress("192.0.2.1", "198.51.100.9", 0)).toBe("198.51.100.9");
  });
  it("takes the entry the trusted proxy wrote, not what the client claimed", () => {
    expect(clientAddress("192.0.2.1, 198.51.100.7", "10.0.0.1", 1)).toBe("198.51.100.7");
    expect(clientAddress("192.0.2.1, 198.51.100.7, 10.0.0.2", "10.0.0.1", 2)).toBe("198.51.100.7");
    expect(clientAddress("198.51.100.7", "10.0.0.1", 3)).toBe("198.51.100.7");
    expect(clientAddress(null, "10.0.0.1", 1)).toBe("10.0.0.1");
  });
  it("reads TRUST_PROXY as a hop count", () => {
    expect([undefined, "", "0", "yes", "-1"].map(trustedHops)).toEqual([0, 0, 0, 0, 0]);
    expect(["1", "true", "2"].map(trustedHops)).toEqual([1, 1, 2]);
  });
});
