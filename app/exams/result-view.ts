// What a result screen says about a score: its unit, and the pass mark it was held to. The pass
// marks in force are stored in each result's figures when it is scored, so an old result shows
// the mark it was judged by, not today's. Pure: the components format the numbers.

/** cpm = Chinese characters a minute, wpm = English words a minute, points = drill rubric 1–5. */
export type ScoreUnit = "cpm" | "wpm" | "seconds" | "percent" | "points";

export interface Measure {
  value: number;
  unit: ScoreUnit;
}

export interface Requirement {
  what: "net" | "accuracy" | "mean" | "p90" | "completeness" | "correct" | "meanPerQuestion" | "percent" | "weighted";
  op: "min" | "max";
  need: Measure;
}

type Figures = Record<string, unknown>;
const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

/** The unit of a result's headline score (`ExamResult.score`). */
export function scoreUnit(exam: string, figures: Figures = {}): ScoreUnit {
  if (exam === "typing:en" || (exam.startsWith("typing:") && figures.unit === "wpm")) return "wpm";
  if (exam.startsWith("typing:")) return "cpm";
  if (exam === "response") return "seconds";
  if (exam === "drill") return "points";
  return "percent";
}

/** The headline score with its unit; shares (0–1) become percentages. */
export function headline(exam: string, score: number, figures: Figures = {}): Measure {
  return { value: score, unit: scoreUnit(exam, figures) };
}

const share = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);

/** Every condition of the pass mark recorded with the result; empty when none was recorded. */
export function passMark(exam: string, figures: Figures): Requirement[] {
  const mark = (figures.mark ?? {}) as Figures;
  const rows: (Requirement | null)[] = [];
  const row = (what: Requirement["what"], op: Requirement["op"], value: number | null, unit: ScoreUnit) =>
    rows.push(value === null ? null : { what, op, need: { value, unit } });
  if (exam.startsWith("typing:")) {
    row("net", "min", num(mark.minNet), scoreUnit(exam, figures));
    row("accuracy", "min", share(num(mark.minAccuracy)), "percent");
  } else if (exam === "response") {
    row("mean", "max", num(mark.maxMeanSeconds), "seconds");
    row("p90", "max", num(mark.maxP90Seconds), "seconds");
    row("completeness", "min", share(num(mark.minComplete)), "percent");
  } else if (exam === "quick-reply") {
    row("correct", "min", share(num(mark.minCorrect)), "percent");
    row("meanPerQuestion", "max", num(mark.maxMeanSeconds), "seconds");
  } else if (exam.startsWith("quiz:")) {
    row("percent", "min", num(figures.passMark), "percent");
  } else if (exam === "drill") {
    row("weighted", "min", num(figures.minScore), "points");
  }
  return rows.filter((r): r is Requirement => r !== null);
}

/** "true"/"false" as stored for a true/false question → the message key of its label. */
export function truthKey(answer: string): "quiz.true" | "quiz.false" | null {
  return answer === "true" ? "quiz.true" : answer === "false" ? "quiz.false" : null;
}
