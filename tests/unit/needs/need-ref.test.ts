import { describe, expect, it } from "vitest";
import { needRefOf, needResultsPath, newProjectPath, parseNeedRef } from "~/needs/need-ref";

describe("need references", () => {
  it("round-trips a round and topic", () => {
    expect(parseNeedRef(needRefOf(12, 40))).toEqual({ roundId: 12, topicId: 40 });
    expect(needResultsPath(needRefOf(12, 40))).toBe("/needs/12/results");
  });

  it("reads hand-typed references as no link", () => {
    for (const ref of [null, "", "2026 survey", "round:x/topic:1", "round:1/topic:2/extra", "../round:1/topic:2"]) {
      expect(parseNeedRef(ref)).toBeNull();
      expect(needResultsPath(ref)).toBeNull();
    }
  });

  it("builds the pre-filled new-project link with the label encoded", () => {
    const url = new URL(newProjectPath(3, 7, "退款 & 投诉"), "http://x");
    expect(url.pathname).toBe("/development/new");
    expect(url.searchParams.get("need")).toBe("退款 & 投诉");
    expect(url.searchParams.get("needRef")).toBe("round:3/topic:7");
  });
});
