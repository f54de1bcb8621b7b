// Classical item analysis for a question bank: how many got each question right (difficulty)
// and how well it separates strong from weak trainees (upper minus lower third).
import { round } from "./stats";

export interface AttemptForAnalysis {
  attemptId: number;
  /** Total score used to rank attempts (percent). */
  score: number;
  /** questionId → answered correctly; only the questions this attempt drew. */
  items: Record<string, boolean>;
}

export interface ItemStats {
  questionId: string;
  attempts: number;
  /** Share correct among the attempts that drew the question, 0–1. */
  pCorrect: number;
  /** Share correct in the top third minus share correct in the bottom third, −1…1; null if either group never saw it. */
  discrimination: number | null;
}

export function analyseItems(attempts: AttemptForAnalysis[], questionIds: readonly string[]): ItemStats[] {
  const ranked = [...attempts].sort((a, b) => b.score - a.score || a.attemptId - b.attemptId);
  const third = Math.floor(ranked.length / 3);
  const top = ranked.slice(0, third);
  const bottom = third > 0 ? ranked.slice(ranked.length - third) : [];
  const share = (group: AttemptForAnalysis[], q: string) => {
    const seen = group.filter((a) => q in a.items);
    return seen.length ? seen.filter((a) => a.items[q]).length / seen.length : null;
  };
  return questionIds.map((q) => {
    const seen = attempts.filter((a) => q in a.items);
    const pTop = share(top, q);
    const pBottom = share(bottom, q);
    return {
      questionId: q,
      attempts: seen.length,
      pCorrect: seen.length ? round(seen.filter((a) => a.items[q]).length / seen.length, 4) : 0,
      discrimination: pTop === null || pBottom === null ? null : round(pTop - pBottom, 4),
    };
  });
}
