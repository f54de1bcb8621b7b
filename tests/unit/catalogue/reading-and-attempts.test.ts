import { describe, expect, it } from "vitest";
import {
  QUIZ_COOLDOWN_S,
  QUIZ_MAX_ATTEMPTS,
  quizWindow,
  READING_CHARS_PER_S,
  revealsAnswers,
  SECTION_MAX_S,
  SECTION_MIN_S,
  sectionReadableAt,
  sectionReadSeconds,
} from "~/catalogue/progress-rules";

const t0 = new Date("2026-11-29T08:00:00Z");
const at = (s: number) => new Date(t0.getTime() + s * 1000);
const fail = (s: number) => ({ at: at(s), passed: false });

describe("section reading time", () => {
  it("scales with length between a floor and a ceiling", () => {
    expect(sectionReadSeconds(0)).toBe(SECTION_MIN_S);
    expect(sectionReadSeconds(READING_CHARS_PER_S * 20)).toBe(20);
    expect(sectionReadSeconds(1_000_000)).toBe(SECTION_MAX_S);
    expect(sectionReadableAt(t0, READING_CHARS_PER_S * 20)).toEqual(at(20));
  });
});

describe("quiz attempts", () => {
  it("allows a round of attempts, then a cool-down, then a new round", () => {
    expect(quizWindow([], t0)).toEqual({ remaining: QUIZ_MAX_ATTEMPTS, retryAt: null, passed: false });
    const round = Array.from({ length: QUIZ_MAX_ATTEMPTS }, (_, i) => fail(i * 10));
    const last = (QUIZ_MAX_ATTEMPTS - 1) * 10;
    expect(quizWindow(round.slice(0, -1), at(last))).toMatchObject({ remaining: 1, retryAt: null });
    expect(quizWindow(round, at(last + 1))).toEqual({
      remaining: 0,
      retryAt: at(last + QUIZ_COOLDOWN_S),
      passed: false,
    });
    expect(quizWindow(round, at(last + QUIZ_COOLDOWN_S))).toMatchObject({ remaining: QUIZ_MAX_ATTEMPTS });
    const next = [...round, fail(last + QUIZ_COOLDOWN_S + 1)];
    expect(quizWindow(next, at(last + QUIZ_COOLDOWN_S + 2))).toMatchObject({ remaining: QUIZ_MAX_ATTEMPTS - 1 });
  });

  it("stays open once passed", () => {
    expect(quizWindow([fail(0), { at: at(1), passed: true }], at(2))).toMatchObject({ passed: true, retryAt: null });
  });

  it("reveals the key only after a pass or the last attempt", () => {
    expect(revealsAnswers(false, 1)).toBe(false);
    expect(revealsAnswers(false, 0)).toBe(true);
    expect(revealsAnswers(true, 2)).toBe(true);
  });
});
