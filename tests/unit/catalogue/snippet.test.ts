import { describe, expect, it } from "vitest";
import { searchSnippet } from "~/catalogue/snippet";

const marked = (p: ReturnType<typeof searchSnippet>) => p?.filter((x) => x.mark).map((x) => x.text);
const joined = (p: ReturnType<typeof searchSnippet>) => p?.map((x) => x.text).join("");

describe("searchSnippet", () => {
  it("marks every occurrence of every term, case-insensitively", () => {
    const p = searchSnippet("Refund rules: a refund within 7 days. 退款须在七天内处理。", ["REFUND", "退款"]);
    expect(marked(p)).toEqual(["Refund", "refund", "退款"]);
  });

  it("cuts a window around the first hit with ellipses", () => {
    const text = `${"甲".repeat(100)}投诉处理${"乙".repeat(100)}`;
    const p = searchSnippet(text, ["投诉"], 10)!;
    expect(joined(p)).toBe(`…${"甲".repeat(10)}投诉处理${"乙".repeat(16)}…`);
  });

  it("returns null when nothing matches, and drops Markdown punctuation", () => {
    expect(searchSnippet("abc", ["xyz"])).toBeNull();
    expect(joined(searchSnippet("## Step **one**: `listen`", ["one"]))).toBe("Step one : listen");
  });

  it("keeps markup as text for the page to escape", () => {
    const p = searchSnippet("<script>alert(1)</script> refund", ["refund"]);
    expect(joined(p)).toContain("<script>");
    expect(marked(p)).toEqual(["refund"]);
  });
});
