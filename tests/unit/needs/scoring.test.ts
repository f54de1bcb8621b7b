import { describe, expect, it } from "vitest";
import { freeTopics, inAudience, isOpen, parseRanking, pointsOf, rankTopics } from "~/needs/scoring";

const known = new Set([11, 12, 13, 14]);

describe("parseRanking", () => {
  it("reads up to three places in order and closes up blanks", () => {
    expect(
      parseRanking(
        [
          ["choice1", "12"],
          ["choice2", ""],
          ["choice3", "11"],
        ],
        known,
      ),
    ).toEqual({
      ok: true,
      topicIds: [12, 11],
    });
  });
  it("refuses the same need twice, an unknown topic, a fourth place, a place sent twice, nothing", () => {
    expect(
      parseRanking(
        [
          ["choice1", "12"],
          ["choice2", "12"],
        ],
        known,
      ),
    ).toEqual({ ok: false, error: "needs:err.duplicate" });
    expect(parseRanking([["choice1", "99"]], known)).toEqual({ ok: false, error: "needs:err.unknownTopic" });
    expect(parseRanking([["choice1", "1e1"]], known)).toEqual({ ok: false, error: "needs:err.unknownTopic" });
    expect(
      parseRanking(
        [
          ["choice1", "11"],
          ["choice2", "12"],
          ["choice3", "13"],
          ["choice4", "14"],
        ],
        known,
      ),
    ).toEqual({ ok: false, error: "needs:err.tooMany" });
    expect(
      parseRanking(
        [
          ["choice1", "11"],
          ["choice1", "12"],
        ],
        known,
      ),
    ).toEqual({ ok: false, error: "needs:err.tooMany" });
    expect(parseRanking([["choice1", ""]], known)).toEqual({ ok: false, error: "needs:err.empty" });
  });
});

describe("rankTopics", () => {
  it("scores 3/2/1 and marks the top two", () => {
    expect(pointsOf([2, 1, 0])).toBe(8);
    const r = rankTopics(
      [1, 2, 3],
      [
        { topicId: 3, rank: 1, count: 2 },
        { topicId: 1, rank: 2, count: 2 },
        { topicId: 2, rank: 3, count: 1 },
      ],
    );
    expect(r.map((s) => [s.topicId, s.points, s.top])).toEqual([
      [3, 6, true],
      [1, 4, true],
      [2, 1, false],
    ]);
  });
  it("breaks ties by first choices, then second choices, then the round's order", () => {
    // 1: two 2nd choices + two 3rd = 6; 2: one 1st + one 2nd + one 3rd = 6; 3 and 4: nothing.
    const r = rankTopics(
      [1, 2, 3, 4],
      [
        { topicId: 1, rank: 2, count: 2 },
        { topicId: 1, rank: 3, count: 2 },
        { topicId: 2, rank: 1, count: 1 },
        { topicId: 2, rank: 2, count: 1 },
        { topicId: 2, rank: 3, count: 1 },
      ],
    );
    expect(r.map((s) => s.topicId)).toEqual([2, 1, 3, 4]);
    expect(r.map((s) => s.place)).toEqual([1, 2, 3, 4]);
  });
  it("marks no top need without points", () => {
    expect(rankTopics([1, 2], []).some((s) => s.top)).toBe(false);
  });
});

describe("round rules", () => {
  const closesAt = new Date("2026-12-01T00:00:00Z");
  it("is open until closed or past its closing time", () => {
    expect(isOpen({ closesAt, closedAt: null }, new Date("2026-11-30T23:59:59Z"))).toBe(true);
    expect(isOpen({ closesAt, closedAt: null }, closesAt)).toBe(false);
    expect(isOpen({ closesAt, closedAt: new Date("2026-11-20T00:00:00Z") }, new Date("2026-11-21T00:00:00Z"))).toBe(
      false,
    );
  });
  it("invites by team kind", () => {
    expect(inAudience("front", "front")).toBe(true);
    expect(inAudience("front", "back")).toBe(false);
    expect(inAudience("back", "none")).toBe(false);
    expect(inAudience("all", "none")).toBe(true);
  });
  it("reads free topics one a line without blanks or repeats", () => {
    expect(freeTopics(" Refund rules \n\nrefund  rules\nNight shift calm\r\n")).toEqual([
      "Refund rules",
      "Night shift calm",
    ]);
  });
});
