import { describe, expect, it } from "vitest";
import {
  CODE_ALPHABET,
  CODE_LENGTH,
  codeFromBytes,
  inNetwork,
  isCode,
  normaliseCode,
  parseNetwork,
  sittingState,
} from "~/exams/sitting-rules";

describe("sitting access code", () => {
  it("has no 0, O, 1 or I and 32 symbols, so every byte maps without bias", () => {
    expect(CODE_ALPHABET).toHaveLength(32);
    for (const c of "0O1I") expect(CODE_ALPHABET).not.toContain(c);
    expect(new Set(CODE_ALPHABET).size).toBe(32);
  });

  it("turns bytes into six symbols, covering the whole alphabet", () => {
    const code = codeFromBytes(Uint8Array.from([0, 31, 32, 255, 100, 7]));
    expect(code).toBe("A9A9EH");
    expect(code).toHaveLength(CODE_LENGTH);
    const seen = new Set<string>();
    for (let b = 0; b < 256; b++) seen.add(codeFromBytes(Uint8Array.from([b, 0, 0, 0, 0, 0]))[0] ?? "");
    expect(seen.size).toBe(32);
    expect(() => codeFromBytes(new Uint8Array(3))).toThrow(RangeError);
  });

  it("reads what a trainee typed regardless of case, spaces and dashes", () => {
    expect(normaliseCode(" abc-2 3d ")).toBe("ABC23D");
    expect(isCode("ABC23D")).toBe(true);
    expect(isCode("ABC10D")).toBe(false);
    expect(isCode("ABC23")).toBe(false);
  });
});

describe("sitting network range", () => {
  it("matches addresses inside a CIDR range and refuses those outside", () => {
    expect(inNetwork("10.20.3.4", "10.20.0.0/16")).toBe(true);
    expect(inNetwork("10.21.0.1", "10.20.0.0/16")).toBe(false);
    expect(inNetwork("::ffff:10.20.9.9", "10.20.0.0/16")).toBe(true);
    expect(inNetwork("192.168.1.7", "192.168.1.7")).toBe(true);
    expect(inNetwork("192.168.1.8", "192.168.1.7")).toBe(false);
    expect(inNetwork("fd00::5", "fd00::/8")).toBe(true);
    expect(inNetwork("10.20.0.1", "fd00::/8")).toBe(false);
    expect(inNetwork("unknown", "10.20.0.0/16")).toBe(false);
  });

  it("allows every address when no range is set", () => {
    expect(inNetwork("203.0.113.9", "")).toBe(true);
  });

  it("accepts only well-formed ranges", () => {
    expect(parseNetwork("10.20.0.0/16")).toEqual({ address: "10.20.0.0", prefix: 16, family: "ipv4" });
    expect(parseNetwork("10.0.0.1")?.prefix).toBe(32);
    for (const bad of ["10.20.0.0/33", "10.20.0/16", "nonsense", "10.0.0.0/16/2", "10.0.0.0/x", ""])
      expect(parseNetwork(bad)).toBeNull();
  });
});

describe("sitting window", () => {
  const s = { opensAt: new Date(1000), closesAt: new Date(2000), closedAt: null };
  it("is upcoming before, open during and closed after its window or once closed early", () => {
    expect(sittingState(s, new Date(999))).toBe("upcoming");
    expect(sittingState(s, new Date(1000))).toBe("open");
    expect(sittingState(s, new Date(2000))).toBe("closed");
    expect(sittingState({ ...s, closedAt: new Date(1500) }, new Date(1500))).toBe("closed");
  });
});
