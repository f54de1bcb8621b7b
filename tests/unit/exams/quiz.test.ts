import { describe, expect, it } from "vitest";
import type { Question } from "~/exams/content";
import { analyseItems } from "~/exams/scoring/item-analysis";
import { drawQuestions, foreignAnswers, gradeQuestion, gradeQuiz } from "~/exams/scoring/quiz";

const Q: [Question, Question, Question, Question] = [
  { id: "s1", type: "single", prompt: "?", explanation: "", choices: { a: "5秒", b: "30秒" }, answer: "b" },
  {
    id: "m1",
    type: "multiple",
    prompt: "?",
    explanation: "",
    choices: { a: "快递", b: "发票", c: "天气" },
    answer: ["a", "b"],
  },
  { id: "t1", type: "truefalse", prompt: "?", explanation: "", answer: false },
  {
    id: "k1",
    type: "short",
    prompt: "?",
    explanation: "",
    keywords: [["安抚", "稳定情绪"], ["首问负责"], ["记录", "存档"]],
    minGroups: 2,
  },
];

describe("quiz grading", () => {
  it("single choice: only the right key", () => {
    expect(gradeQuestion(Q[0], "b").correct).toBe(true);
    expect(gradeQuestion(Q[0], "a").correct).toBe(false);
    expect(gradeQuestion(Q[0], ["a", "b"]).correct).toBe(false);
  });
  it("multiple choice: exactly the right set", () => {
    expect(gradeQuestion(Q[1], ["b", "a"]).correct).toBe(true);
    expect(gradeQuestion(Q[1], ["a"]).correct).toBe(false);
    expect(gradeQuestion(Q[1], ["a", "b", "c"]).correct).toBe(false);
  });
  it("true/false", () => {
    expect(gradeQuestion(Q[2], "false").correct).toBe(true);
    expect(gradeQuestion(Q[2], "true").correct).toBe(false);
  });
  it("short answer: enough keyword groups, and says which are missing", () => {
    const g = gradeQuestion(Q[3], "先安抚客户，按首问负责制跟进到底");
    expect(g.correct).toBe(true);
    expect(g.missingKeywords).toEqual(["记录"]);
    expect(gradeQuestion(Q[3], "先稳定情绪").correct).toBe(false);
  });
  it("a quiz of 4 with 3 right is 75%; unanswered counts wrong", () => {
    const f = gradeQuiz(
      Q,
      new Map<string, string | string[]>([
        ["s1", "b"],
        ["m1", ["a", "b"]],
        ["t1", "false"],
      ]),
    );
    expect(f).toMatchObject({ correct: 3, total: 4, percent: 75 });
    expect(f.graded[3]?.answered).toBe(false);
  });
  it("finds answers to questions outside the draw", () => {
    expect(foreignAnswers(["s1", "m1"], ["s1", "zz", "t1"])).toEqual(["zz", "t1"]);
  });
  it("draws n distinct questions", () => {
    let seed = 1;
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const d = drawQuestions(Q, 3, rnd);
    expect(d).toHaveLength(3);
    expect(new Set(d.map((q) => q.id)).size).toBe(3);
    expect(drawQuestions(Q, 10)).toHaveLength(4);
  });
});

describe("item analysis (hand-computed)", () => {
  // Six attempts ranked 90…40: top third A, B; bottom third E, F.
  const items = (o: Record<string, boolean>) => o;
  const attempts = [
    { attemptId: 1, score: 90, items: items({ q1: true, q2: true }) },
    { attemptId: 2, score: 80, items: items({ q1: true }) },
    { attemptId: 3, score: 70, items: items({ q1: true, q2: false, q3: true }) },
    { attemptId: 4, score: 60, items: items({ q1: false, q3: false }) },
    { attemptId: 5, score: 50, items: items({ q1: true }) },
    { attemptId: 6, score: 40, items: items({ q1: false, q2: false }) },
  ];
  const [q1, q2, q3] = analyseItems(attempts, ["q1", "q2", "q3"]);
  it("share correct among those who drew the question", () => {
    expect(q1?.pCorrect).toBe(0.6667);
    expect(q2?.pCorrect).toBe(0.3333);
    expect(q3?.pCorrect).toBe(0.5);
  });
  it("discrimination = top-third share − bottom-third share", () => {
    expect(q1?.discrimination).toBe(0.5); // 2/2 − 1/2
    expect(q2?.discrimination).toBe(1); // 1/1 − 0/1
    expect(q3?.discrimination).toBeNull(); // neither group drew it
  });
});
