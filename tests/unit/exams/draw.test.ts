import { describe, expect, it } from "vitest";
import { passageOrder, pickScript, typingTarget } from "~/exams/scoring/draw";

/** A small seeded generator (mulberry32), so a failing draw can be replayed. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PASSAGES = ["p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8"];

describe("typing passage order", () => {
  it("holds every passage exactly once: a typist who reaches the end of one never gets it again", () => {
    const random = seeded(7);
    for (let i = 0; i < 200; i++) {
      const order = passageOrder(PASSAGES, random);
      expect(order).toHaveLength(PASSAGES.length);
      expect(new Set(order).size).toBe(PASSAGES.length);
      expect([...order].sort()).toEqual(PASSAGES);
    }
  });

  it("starts on each passage about equally often over many draws", () => {
    const random = seeded(2026);
    const firsts = new Map<string, number>();
    const draws = 8000;
    for (let i = 0; i < draws; i++) {
      const first = passageOrder(PASSAGES, random)[0]!;
      firsts.set(first, (firsts.get(first) ?? 0) + 1);
    }
    expect([...firsts.keys()].sort()).toEqual(PASSAGES);
    // Expected 1000 each; a fair draw stays well inside ±20 %.
    for (const n of firsts.values()) expect(Math.abs(n - draws / PASSAGES.length)).toBeLessThan(200);
  });

  it("follows the random source it is given", () => {
    expect(passageOrder(PASSAGES, seeded(1))).toEqual(passageOrder(PASSAGES, seeded(1)));
    expect(passageOrder(PASSAGES, seeded(1))).not.toEqual(passageOrder(PASSAGES, seeded(2)));
  });

  it("joins the passages into one line to type", () => {
    expect(typingTarget(["您好，\n欢迎光临。", "请稍等。"], "zh")).toBe("您好，欢迎光临。请稍等。");
    expect(typingTarget(["Hello,\n  there.", "Bye."], "en")).toBe("Hello, there. Bye.");
  });
});

describe("chat-drill script rotation", () => {
  const IDS = ["courier-delay", "damaged-parcel", "missing-item", "order-address", "price-protection", "skin-allergy"];

  it("a trainee who has taken none can get any script, damaged-parcel included", () => {
    const random = seeded(11);
    const seen = new Map<string, number>();
    for (let i = 0; i < 3000; i++) {
      const id = pickScript(IDS, new Map(), random)!;
      seen.set(id, (seen.get(id) ?? 0) + 1);
    }
    expect([...seen.keys()].sort()).toEqual(IDS);
    for (const n of seen.values()) expect(Math.abs(n - 500)).toBeLessThan(100);
  });

  it("gives the script not taken yet, then the one taken longest ago", () => {
    const taken = new Map(IDS.filter((id) => id !== "damaged-parcel").map((id, i) => [id, 1000 + i]));
    expect(pickScript(IDS, taken, () => 0.99)).toBe("damaged-parcel");
    taken.set("damaged-parcel", 5000);
    expect(pickScript(IDS, taken, () => 0.99)).toBe("courier-delay");
  });

  it("takes a trainee through every script before any comes round again", () => {
    const random = seeded(5);
    const taken = new Map<string, number>();
    const got: string[] = [];
    for (let t = 0; t < IDS.length * 3; t++) {
      const id = pickScript(IDS, taken, random)!;
      got.push(id);
      taken.set(id, t);
    }
    for (let round = 0; round < 3; round++)
      expect(new Set(got.slice(round * IDS.length, (round + 1) * IDS.length)).size).toBe(IDS.length);
  });

  it("has nothing to give when there are no scripts", () => {
    expect(pickScript([], new Map())).toBeUndefined();
  });
});
