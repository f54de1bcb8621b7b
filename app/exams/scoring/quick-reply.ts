// Quick-reply test: the trainee must send the right phrase, by its shortcut or typed out in full.
import { mean, round } from "./stats";
import { normalise } from "./text";

export interface QuickReplyPhrase {
  shortcut: string;
  text: string;
}

/** Correct when the answer is the shortcut ("/kd1" or "kd1") or the phrase's full text. */
export function quickReplyCorrect(answer: string, expected: QuickReplyPhrase): boolean {
  const a = answer.trim();
  const bare = a.startsWith("/") ? a.slice(1) : a;
  if (bare.toLowerCase() === expected.shortcut.toLowerCase()) return true;
  const n = normalise(a);
  return n.length > 0 && n === normalise(expected.text);
}

export interface QuickReplyOutcome {
  questionId: string;
  releasedAt: number;
  answeredAt: number | null;
  correct: boolean;
  /** Answered sooner than a person could read the question and type the answer. */
  tooFast?: boolean;
}

export interface QuickReplyFigures {
  correctShare: number;
  correct: number;
  total: number;
  meanSeconds: number;
  tooFast: string[];
  perQuestion: { questionId: string; seconds: number; correct: boolean }[];
}

export function scoreQuickReply(outcomes: QuickReplyOutcome[], closedAt: number): QuickReplyFigures {
  const perQuestion = outcomes.map((o) => ({
    questionId: o.questionId,
    seconds: round(Math.max(0, (o.answeredAt ?? closedAt) - o.releasedAt) / 1000, 2),
    correct: o.answeredAt !== null && o.correct,
  }));
  const correct = perQuestion.filter((p) => p.correct).length;
  return {
    correctShare: outcomes.length ? round(correct / outcomes.length, 4) : 0,
    correct,
    total: outcomes.length,
    meanSeconds: round(mean(perQuestion.map((p) => p.seconds)), 2),
    tooFast: outcomes.filter((o) => o.tooFast).map((o) => o.questionId),
    perQuestion,
  };
}

export interface QuickReplyPassMark {
  minCorrect: number;
  maxMeanSeconds: number;
}

export function quickReplyPassed(f: QuickReplyFigures, mark: QuickReplyPassMark): boolean {
  return (
    f.total > 0 && f.tooFast.length === 0 && f.correctShare >= mark.minCorrect && f.meanSeconds <= mark.maxMeanSeconds
  );
}
