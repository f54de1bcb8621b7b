import { describe, expect, it } from "vitest";
import { diffCommit } from "~/exams/typing-log";

describe("typing log entries from the box's text", () => {
  it("a committed composition adds its characters", () => {
    expect(diffCommit("您好", "您好请问", 1200)).toEqual([[1200, "i", "请问"]]);
  });
  it("a backspace removes from the end", () => {
    expect(diffCommit("您好青", "您好", 1300)).toEqual([[1300, "d", 1]]);
  });
  it("a replaced tail is a removal then an addition", () => {
    expect(diffCommit("abcx", "abcde", 10)).toEqual([
      [10, "d", 1],
      [10, "i", "de"],
    ]);
  });
  it("counts characters, not UTF-16 units", () => {
    expect(diffCommit("", "𠀀好", 5)).toEqual([[5, "i", "𠀀好"]]);
    expect(diffCommit("𠀀好", "", 6)).toEqual([[6, "d", 2]]);
  });
  it("nothing changed, nothing logged", () => {
    expect(diffCommit("您好", "您好", 7)).toEqual([]);
  });
});
