import { describe, expect, it } from "vitest";
import { headline, passMark, scoreUnit, truthKey } from "~/exams/result-view";

describe("result screen figures", () => {
  it("gives every exam's headline score its unit", () => {
    expect(scoreUnit("typing:zh")).toBe("cpm");
    expect(scoreUnit("typing:en")).toBe("wpm");
    expect(scoreUnit("typing:zh", { unit: "wpm" })).toBe("wpm");
    expect(scoreUnit("response")).toBe("seconds");
    expect(scoreUnit("quick-reply")).toBe("percent");
    expect(scoreUnit("quiz:big-sale-knowledge")).toBe("percent");
    expect(scoreUnit("drill")).toBe("points");
    expect(headline("response", 12.5)).toEqual({ value: 12.5, unit: "seconds" });
  });

  it("reads the pass mark recorded with the result", () => {
    expect(passMark("typing:zh", { mark: { minNet: 80, minAccuracy: 0.95 } })).toEqual([
      { what: "net", op: "min", need: { value: 80, unit: "cpm" } },
      { what: "accuracy", op: "min", need: { value: 95, unit: "percent" } },
    ]);
    expect(passMark("response", { mark: { maxMeanSeconds: 30, maxP90Seconds: 45, minComplete: 0.8 } })).toEqual([
      { what: "mean", op: "max", need: { value: 30, unit: "seconds" } },
      { what: "p90", op: "max", need: { value: 45, unit: "seconds" } },
      { what: "completeness", op: "min", need: { value: 80, unit: "percent" } },
    ]);
    expect(passMark("quick-reply", { mark: { minCorrect: 0.8, maxMeanSeconds: 20 } })).toHaveLength(2);
    expect(passMark("quiz:x", { passMark: 80 })).toEqual([
      { what: "percent", op: "min", need: { value: 80, unit: "percent" } },
    ]);
    expect(passMark("drill", { minScore: 3.5 })).toEqual([
      { what: "weighted", op: "min", need: { value: 3.5, unit: "points" } },
    ]);
  });

  it("shows nothing for a result recorded without a mark", () => {
    expect(passMark("typing:zh", {})).toEqual([]);
    expect(passMark("quiz:x", { passMark: "80" })).toEqual([]);
  });

  it("labels true/false answers instead of printing the stored word", () => {
    expect(truthKey("true")).toBe("quiz.true");
    expect(truthKey("false")).toBe("quiz.false");
    expect(truthKey("A, C")).toBeNull();
  });
});
