// Knowledge-quiz grading. One point per question; a short answer earns its point when it makes
// enough of the expected points (keyword groups).
import type { Question } from "../content";
import { round } from "./stats";
import { containsKeyword } from "./text";

/** What a trainee answered: a key, several keys, "true"/"false", or free text. */
export type Answer = string | string[];

export interface GradedQuestion {
  questionId: string;
  correct: boolean;
  /** For short answers: the keyword groups not found (their first keyword), for "what you missed". */
  missingKeywords: string[];
  answered: boolean;
}

function asList(a: Answer | undefined): string[] {
  if (a === undefined) return [];
  return (Array.isArray(a) ? a : [a]).map((s) => s.trim()).filter(Boolean);
}

export function gradeQuestion(q: Question, answer: Answer | undefined): GradedQuestion {
  const list = asList(answer);
  const base = { questionId: q.id, answered: list.length > 0, missingKeywords: [] as string[] };
  switch (q.type) {
    case "single":
      return { ...base, correct: list.length === 1 && list[0] === q.answer };
    case "multiple": {
      const given = new Set(list);
      return { ...base, correct: given.size === q.answer.length && q.answer.every((k) => given.has(k)) };
    }
    case "truefalse":
      return { ...base, correct: list.length === 1 && list[0] === String(q.answer) };
    case "short": {
      const textAnswer = list.join(" ");
      const missing = q.keywords.filter((group) => !group.some((k) => containsKeyword(textAnswer, k)));
      const needed = q.minGroups ?? q.keywords.length;
      return {
        ...base,
        correct: q.keywords.length - missing.length >= needed,
        missingKeywords: missing.flatMap((g) => g.slice(0, 1)),
      };
    }
  }
}

export interface QuizFigures {
  /** Percent of the drawn questions answered right, 0–100. */
  percent: number;
  correct: number;
  total: number;
  graded: GradedQuestion[];
}

/** Grades the drawn questions only; answers to anything else were rejected before this point. */
export function gradeQuiz(drawn: Question[], answers: ReadonlyMap<string, Answer>): QuizFigures {
  const graded = drawn.map((q) => gradeQuestion(q, answers.get(q.id)));
  const correct = graded.filter((g) => g.correct).length;
  return { percent: drawn.length ? round((correct / drawn.length) * 100, 1) : 0, correct, total: drawn.length, graded };
}

/** Question ids in the answers that were not part of the draw. */
export function foreignAnswers(drawnIds: readonly string[], answerIds: Iterable<string>): string[] {
  const drawn = new Set(drawnIds);
  return [...answerIds].filter((id) => !drawn.has(id));
}

/** A fair random draw of n distinct items (Fisher–Yates on a copy). */
export function drawQuestions<T>(items: readonly T[], n: number, random: () => number = Math.random): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    // Both indices lie inside the copy (0 <= j <= i < length); T itself may include undefined.
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, Math.min(n, copy.length));
}
