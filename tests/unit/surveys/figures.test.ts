// One worked example per formula, numbers small enough to check by hand.
import { describe, expect, it } from "vitest";
import { cellReleased, isSuppressed as suppressedGroup, safeFiguresOf } from "~/surveys/disclosure";
import {
  addTally,
  emptyTally,
  figuresOf,
  meanScore,
  netPromoterScore,
  npsBucket,
  responseRate,
  satisfactionRate,
  scoreIndex,
  type Distribution,
} from "~/surveys/figures";

const isSuppressed = (t: Parameters<typeof safeFiguresOf>[0]) => suppressedGroup(t, figuresOf(t).answered);

describe("response rate = responses ÷ people asked", () => {
  it("18 answers from 24 attendees → 75%", () => expect(responseRate(18, 24)).toBe(0.75));
  it("is unknown when nobody was asked", () => expect(responseRate(0, 0)).toBeNull());
  it("never exceeds 100%", () => expect(responseRate(5, 4)).toBe(1));
});

describe("satisfaction rate = share of answers 4 or 5", () => {
  // 32 answers: one 2, four 3s, ten 4s, seventeen 5s → (10 + 17) ÷ 32 = 84.375%.
  const dist: Distribution = [0, 1, 4, 10, 17];
  it("27 of 32 answers are 4 or 5 → 84.375%", () => expect(satisfactionRate(dist)).toBe(27 / 32));
  it("reproduces the centre's 96.9%: 31 of 32", () =>
    expect(satisfactionRate([0, 0, 1, 9, 22])! * 100).toBeCloseTo(96.875, 3));
  it("is unknown without answers", () => expect(satisfactionRate([0, 0, 0, 0, 0])).toBeNull());
});

describe("mean score", () => {
  // (1×2 + 3×4 + 10×4 + 17×5) ÷ 32 = (2 + 12 + 40 + 85) ÷ 32 = 139 ÷ 32 = 4.34375.
  it("of one 2, four 3s, ten 4s, seventeen 5s → 4.34375", () => expect(meanScore([0, 1, 4, 10, 17])).toBe(139 / 32));
  it("is unknown without answers", () => expect(meanScore([0, 0, 0, 0, 0])).toBeNull());
});

describe("index = score ÷ maximum × 100", () => {
  it("a mean of 4.5 on a 5-point scale → 90", () => expect(scoreIndex(4.5)).toBe(90));
  it("a mean of 4.34375 → 86.875", () => expect(scoreIndex(139 / 32)).toBeCloseTo(86.875, 10));
  it("8 on a 10-point scale → 80", () => expect(scoreIndex(8, 10)).toBe(80));
  it("no mean, no index", () => expect(scoreIndex(null)).toBeNull());
});

describe("helpful-for-my-job rate = share of 4 or 5 on the helpful item", () => {
  it("47 of 48 agents agree → 97.9% (the centre's figure)", () => {
    const t = emptyTally();
    t.responses = 48;
    t.dist.helpful = [0, 0, 1, 12, 35];
    t.dist.overall = [0, 0, 0, 0, 48];
    expect(figuresOf(t).helpfulRate! * 100).toBeCloseTo(97.917, 2);
  });
});

describe("NPS = % answering 9–10 minus % answering 0–6", () => {
  // 20 answers: 11 promoters (55%), 5 passives, 4 detractors (20%) → 55 − 20 = 35.
  it("11 promoters, 5 passives, 4 detractors → 35", () => expect(netPromoterScore(11, 5, 4)).toBeCloseTo(35, 10));
  it("all detractors → −100", () => expect(netPromoterScore(0, 0, 3)).toBe(-100));
  it("is unknown without answers", () => expect(netPromoterScore(0, 0, 0)).toBeNull());
  it("buckets 0–6, 7–8 and 9–10", () => {
    expect([0, 6, 7, 8, 9, 10].map(npsBucket)).toEqual([
      "detractor",
      "detractor",
      "passive",
      "passive",
      "promoter",
      "promoter",
    ]);
  });
});

describe("figures of a group", () => {
  it("add up tallies and derive every figure", () => {
    const a = emptyTally();
    a.responses = 2;
    a.invited = 3;
    a.dist.overall = [0, 0, 0, 1, 1];
    a.dist.helpful = [0, 0, 1, 0, 1];
    a.promoters = 1;
    a.detractors = 1;
    const b = emptyTally();
    b.responses = 2;
    b.invited = 2;
    b.dist.overall = [0, 1, 0, 0, 1];
    b.dist.helpful = [0, 0, 0, 1, 1];
    b.promoters = 1;
    b.passives = 1;
    const f = figuresOf(addTally(a, b));
    // overall 4,5,2,5 → 3 of 4 satisfied, mean 16/4 = 4, index 80; helpful 3,5,4,5 → 3 of 4;
    // recommend: 2 promoters, 1 passive, 1 detractor → (2 − 1) ÷ 4 = 25.
    expect(f).toEqual({
      responses: 4,
      answered: 4,
      invited: 5,
      responseRate: 0.8,
      satisfactionRate: 0.75,
      meanScore: 4,
      index: 80,
      helpfulRate: 0.75,
      nps: 25,
    });
  });
});

describe("anonymity: no breakdown below three responses", () => {
  const anon = (n: number) => {
    const t = emptyTally();
    t.responses = n;
    t.anonymous = n;
    t.invited = 5;
    t.dist.overall = [0, 0, 0, 0, n];
    t.promoters = n;
    return t;
  };
  it("hides the answers of an anonymous group of 1 or 2 but keeps the counts", () => {
    expect(isSuppressed(anon(1))).toBe(true);
    expect(isSuppressed(anon(2))).toBe(true);
    const f = safeFiguresOf(anon(2));
    expect(f).toMatchObject({
      suppressed: true,
      responses: 2,
      invited: 5,
      satisfactionRate: null,
      meanScore: null,
      index: null,
      helpfulRate: null,
      nps: null,
    });
  });
  it("shows an anonymous group of 3", () => {
    expect(isSuppressed(anon(3))).toBe(false);
    expect(safeFiguresOf(anon(3)).satisfactionRate).toBe(1);
  });
  it("shows a named group of 1", () => {
    const t = emptyTally();
    t.responses = 1;
    t.dist.overall = [0, 0, 0, 1, 0];
    expect(safeFiguresOf(t)).toMatchObject({ suppressed: false, satisfactionRate: 1 });
  });
  it("hides a mix of 2 anonymous + 1 named: the named answer would give the other two away", () => {
    const t = anon(2);
    const named = emptyTally();
    named.responses = 1;
    named.dist.overall = [1, 0, 0, 0, 0];
    expect(isSuppressed(addTally(t, named))).toBe(true);
  });
  it("withholds an anonymous team-in-session cell below three, and never a named one", () => {
    expect([1, 2].map((n) => cellReleased(true, n))).toEqual([false, false]);
    expect(cellReleased(true, 3)).toBe(true);
    expect(cellReleased(false, 1)).toBe(true);
  });
  it("keeps the number who answered when every answer of a group is withheld", () => {
    const t = emptyTally();
    t.responses = 2;
    t.invited = 2;
    t.withheld = 2;
    expect(safeFiguresOf(t)).toMatchObject({ suppressed: true, responses: 2, answered: 0, withheld: 2, nps: null });
  });
});
