import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { splitFrontMatter } from "~/content/front-matter";
import { checkLessonSource, checkMarkdownBody, checkYamlText, parsePolicy, type PhrasingPolicy } from "~/content/phrasing-policy";

function shipped(): PhrasingPolicy {
  const r = parsePolicy("content/policy.yaml", readFileSync("content/policy.yaml", "utf8"));
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.policy;
}

describe("the policy file", () => {
  it("the shipped policy is valid", () => {
    expect(shipped().rules.length).toBeGreaterThan(3);
  });

  it("reports a bad regular expression at its line", () => {
    const src = ["forbidden:", "  - id: x", "    name: X", "    pattern: '(unclosed'", "    reason: r", "    instead: i", ""].join("\n");
    const r = parsePolicy("p.yaml", src);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems).toEqual([expect.objectContaining({ line: 4, message: expect.stringMatching(/^forbidden\.0\.pattern: not a valid regular expression/) })]);
  });

  it("reports an unknown field at its own line", () => {
    const src = ["forbidden:", "  - id: x", "    name: X", "    pattern: a", "    reason: r", "    instead: i", "    severity: high", ""].join("\n");
    const r = parsePolicy("p.yaml", src);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]).toMatchObject({ line: 7, message: expect.stringContaining("forbidden.0.severity") });
  });
});

describe("a lesson", () => {
  const policy = shipped();
  const lesson = [
    "---",
    "slug: x",
    "objectives:",
    "  - 告诉客户48小时内发出",
    "quiz:",
    "  questions:",
    "    - id: q1",
    "      badExample: true",
    "      prompt: 哪句不能说？",
    "      choices: { a: 今天下单保证明天到货, b: 按付款顺序尽快安排发货 }",
    "      answer: a",
    "      explanation: 发货看仓库。",
    "    - id: q2",
    "      prompt: 哪句最好？",
    "      choices: { a: 我私下再送您一个小样, b: 赠品以活动页面为准 }",
    "      answer: b",
    "      explanation: 不要许诺。",
    "---",
    "## 一",
    "正文：我们会为您优先处理。",
    "> [!bad]",
    "> 亲，3天内送达！",
    "",
    "```bad",
    "保证明天发",
    "```",
    "最后：24小时内发货。",
    "",
  ].join("\n");

  it("reports front matter and body lines, naming the rule and the approved phrasing; bad examples are exempt", () => {
    const split = splitFrontMatter(lesson);
    if (!split.ok) throw new Error("split");
    const problems = checkLessonSource(policy, "l.md", split.yamlText, split.yamlStartLine, split.body, split.bodyStartLine);
    expect(problems.map((p) => p.line)).toEqual([4, 15, 20, 27]);
    expect(problems[0]?.message).toContain("承诺发货或送达时间");
    expect(problems[0]?.message).toContain("按付款顺序尽快安排发货");
    expect(problems[2]?.message).toContain("priority-for-one");
  });

  it("a bad-example block ends with the quote", () => {
    const problems = checkMarkdownBody(policy, "l.md", "> [!bad]\n> 48小时内发出\n\n> 48小时内发出", 10);
    expect(problems.map((p) => p.line)).toEqual([13]);
  });
});

describe("exam and FAQ files", () => {
  const policy = shipped();
  it("an FAQ reply", () => {
    const src = "category: shipping\nphrases:\n  - shortcut: fh1\n    title: 发货\n    text: 亲，付款后48小时内发出哦\n";
    expect(checkYamlText(policy, "faq.yaml", src).map((p) => p.line)).toEqual([5]);
  });
  it("a typing passage written as a folded block points at the line of the phrase", () => {
    const src = "passages:\n  - id: p1\n    text: >-\n      亲，您好，\n      我们保证明天发出。\n";
    expect(checkYamlText(policy, "typing.yaml", src).map((p) => p.line)).toEqual([5]);
  });
  it("a drill's required-fact keywords", () => {
    const src = "id: s\nmessages:\n  - id: m1\n    text: 什么时候发？\n    facts:\n      - label: 时效\n        keywords: [24小时内发货]\n";
    expect(checkYamlText(policy, "script.yaml", src).map((p) => p.line)).toEqual([7]);
  });
  it("a bank question: choices exempt only when marked, explanation never", () => {
    const src = [
      "questions:",
      "  - id: a",
      "    badExample: true",
      "    choices: { a: 保证明天发出, b: 好 }",
      "    explanation: 可以回答我们保证明天发",
      "  - id: b",
      "    choices: { a: 保证明天发出, b: 好 }",
      "",
    ].join("\n");
    expect(checkYamlText(policy, "bank.yaml", src).map((p) => p.line)).toEqual([5, 7]);
  });
  it("a company term", () => {
    expect(checkYamlText(policy, "x.yaml", "title: 专家级客服\n")[0]?.message).toContain("资深");
  });
});
