// Grades a checkpoint quiz. Pure: the server calls it with the questions of the version taken.
import type { QuizQuestion } from "~/content/course-schema";

export type Answers = Record<string, string[]>;
export type QuestionResult = { id: string; correct: boolean; chosen: string[]; answer: string[]; explanation: string };
export type Grade = { results: QuestionResult[]; correct: number; total: number; score: number; passed: boolean };
export type GradeError =
  { error: "unknownQuestion"; id: string } | { error: "unknownChoice"; id: string } | { error: "empty" };

/** Rejects answers to questions that do not exist or choices that are not offered. */
export function checkAnswers(questions: QuizQuestion[], answers: Answers): GradeError | null {
  const byId = new Map(questions.map((q) => [q.id, q]));
  let any = false;
  for (const [id, chosen] of Object.entries(answers)) {
    const q = byId.get(id);
    if (!q) return { error: "unknownQuestion", id };
    if (chosen.some((c) => !(c in q.choices))) return { error: "unknownChoice", id };
    if (chosen.length) any = true;
  }
  return any ? null : { error: "empty" };
}

function sameSet(a: string[], b: string[]) {
  const sa = new Set(a);
  return sa.size === new Set(b).size && b.every((x) => sa.has(x));
}

/** An unanswered question counts as wrong; a multiple-choice question needs exactly the right set. */
export function gradeQuiz(questions: QuizQuestion[], answers: Answers, passMark: number): Grade {
  const results = questions.map((q) => {
    const chosen = [...new Set(answers[q.id] ?? [])].sort();
    return {
      id: q.id,
      chosen,
      answer: q.answer,
      correct: chosen.length > 0 && sameSet(chosen, q.answer),
      explanation: q.explanation,
    };
  });
  const correct = results.filter((r) => r.correct).length;
  const total = questions.length;
  const score = total ? Math.round((correct / total) * 100) : 0;
  return { results, correct, total, score, passed: score >= passMark };
}

/** Answers from a form: fields named `q:<id>`, repeated for multiple choice. */
export function answersFromForm(form: FormData): Answers {
  const answers: Answers = {};
  for (const [key, value] of form.entries()) {
    if (!key.startsWith("q:") || typeof value !== "string") continue;
    (answers[key.slice(2)] ??= []).push(value);
  }
  return answers;
}
