import { describe, expect, it } from "vitest";
import { answersFromForm, checkAnswers, gradeQuiz } from "~/catalogue/grading";
import {
  addSection,
  creditedSeconds,
  HEARTBEAT_MAX_GAP_S,
  isComplete,
  reachedPercent,
} from "~/catalogue/progress-rules";
import { likePattern, planSearch, quoteFts, searchTerms } from "~/catalogue/search";
import { seriesTotal } from "~/catalogue/time";
import { visibleStatuses } from "~/catalogue/visibility";
import { safeUrl } from "~/components/catalogue/LessonMarkdown";
import type { QuizQuestion } from "~/content/course-schema";

describe("search query", () => {
  it("quotes every term so FTS syntax is searched as text", () => {
    expect(planSearch('退款流程 "NEAR(refund*)" OR (x)')).toEqual({
      match: '"退款流程" AND "near" AND "refund"',
      short: [
        { term: "or", like: "%or%" },
        { term: "x", like: "%x%" },
      ],
    });
    expect(quoteFts('a"b')).toBe('"a""b"');
  });

  it("sends short terms (two Chinese characters) to LIKE, escaped", () => {
    expect(planSearch("投诉")).toEqual({ match: null, short: [{ term: "投诉", like: null }] });
    expect(likePattern("50%_off\\")).toBe("%50\\%\\_off\\\\%");
  });

  it("returns nothing to search for punctuation only, and caps the terms", () => {
    expect(planSearch('"*()" ^ :')).toBeNull();
    expect(planSearch("")).toBeNull();
    expect(searchTerms("a1 b2 c3 d4 e5 f6 g7 h8 i9 j10").length).toBe(8);
    expect(searchTerms("退款 退款 REFUND refund")).toEqual(["退款", "refund"]);
  });
});

const questions: QuizQuestion[] = [
  { id: "q1", prompt: "p", choices: { a: "x", b: "y" }, answer: ["a"], explanation: "because" },
  { id: "q2", prompt: "p", choices: { a: "x", b: "y", c: "z" }, answer: ["a", "c"], explanation: "both" },
  { id: "q3", prompt: "p", choices: { a: "x", b: "y" }, answer: ["b"], explanation: "b" },
  { id: "q4", prompt: "p", choices: { a: "x", b: "y" }, answer: ["b"], explanation: "b" },
  { id: "q5", prompt: "p", choices: { a: "x", b: "y" }, answer: ["b"], explanation: "b" },
];

describe("quiz grading", () => {
  it("needs the exact set for a multiple-choice question and passes at the mark", () => {
    const all = { q1: ["a"], q2: ["c", "a"], q3: ["b"], q4: ["b"], q5: ["b"] };
    expect(gradeQuiz(questions, all, 80)).toMatchObject({ correct: 5, total: 5, score: 100, passed: true });
    const partial = gradeQuiz(questions, { ...all, q2: ["a"] }, 80);
    expect(partial).toMatchObject({ correct: 4, score: 80, passed: true });
    expect(partial.results[1]).toMatchObject({ correct: false, answer: ["a", "c"], explanation: "both" });
    expect(gradeQuiz(questions, { q1: ["a"], q2: ["a", "b", "c"] }, 80)).toMatchObject({
      correct: 1,
      score: 20,
      passed: false,
    });
    expect(gradeQuiz(questions, { ...all, q2: ["a"] }, 90).passed).toBe(false);
  });

  it("rejects answers to unknown questions or choices, and empty submissions", () => {
    expect(checkAnswers(questions, { q1: ["a"], q9: ["a"] })).toEqual({ error: "unknownQuestion", id: "q9" });
    expect(checkAnswers(questions, { q1: ["z"] })).toEqual({ error: "unknownChoice", id: "q1" });
    expect(checkAnswers(questions, {})).toEqual({ error: "empty" });
    expect(checkAnswers(questions, { q1: ["a"] })).toBeNull();
  });

  it("reads answers from q:<id> fields", () => {
    const form = new FormData();
    form.append("intent", "quiz");
    form.append("q:q1", "a");
    form.append("q:q2", "a");
    form.append("q:q2", "c");
    expect(answersFromForm(form)).toEqual({ q1: ["a"], q2: ["a", "c"] });
  });
});

describe("progress rules", () => {
  it("credits the gap between heartbeats only when it is short", () => {
    expect(creditedSeconds(null)).toBe(0);
    expect(creditedSeconds(30_000)).toBe(30);
    expect(creditedSeconds(HEARTBEAT_MAX_GAP_S * 1000)).toBe(HEARTBEAT_MAX_GAP_S);
    expect(creditedSeconds(HEARTBEAT_MAX_GAP_S * 1000 + 1)).toBe(0);
    expect(creditedSeconds(-5)).toBe(0);
  });

  it("completes with every section reached and the quiz passed", () => {
    expect(isComplete({ reached: 5, total: 5, quizPassed: true })).toBe(true);
    expect(isComplete({ reached: 4, total: 5, quizPassed: true })).toBe(false);
    expect(isComplete({ reached: 5, total: 5, quizPassed: false })).toBe(false);
    expect(reachedPercent(2, 3)).toBe(66);
    expect(addSection(["s1"], "s1")).toEqual(["s1"]);
  });
});

describe("series time and visibility", () => {
  it("says 5 × 1 h = 1 day", () => {
    expect(seriesTotal([60, 60, 60, 60, 60])).toEqual({
      uniform: true,
      each: { key: "catalogue:time.hours", count: 1 },
      total: { key: "catalogue:time.day", count: 1 },
    });
    expect(seriesTotal([60, 60, 60]).total).toEqual({ key: "catalogue:time.hours", count: 3 });
    expect(seriesTotal([60, 30]).uniform).toBe(false);
  });

  it("shows trainees accepted courses only", () => {
    expect(visibleStatuses(["TRAINEE", "LEAD"])).toEqual(["accepted"]);
    expect(visibleStatuses(["TRAINEE", "TRAINER"])).toEqual(["accepted", "trial", "draft"]);
  });

  it("keeps only safe link and image addresses", () => {
    expect(safeUrl("javascript:alert(1)", "href")).toBe("");
    expect(safeUrl("https://example.com", "href")).toBe("https://example.com");
    expect(safeUrl("/images/a.png", "src")).toBe("/images/a.png");
    expect(safeUrl("//evil.example/a.png", "src")).toBe("");
    expect(safeUrl("data:image/png;base64,xx", "src")).toBe("");
  });
});
