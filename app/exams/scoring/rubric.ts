// The one-on-one drill rubric: the 11 competency indicators of the complaint-handling model with
// their combined weights (percent; they sum to 100). Each is scored 1–5 by the trainer.
import { round } from "./stats";

export const RUBRIC = [
  { id: "read-customer-info", weight: 9.24, group: "problem-solving" },
  { id: "product-knowledge", weight: 8.58, group: "problem-solving" },
  { id: "understand-needs", weight: 10.35, group: "problem-solving" },
  { id: "offer-solution", weight: 9.98, group: "problem-solving" },
  { id: "communication", weight: 11.55, group: "customer-centred" },
  { id: "self-management", weight: 10.1, group: "customer-centred" },
  { id: "teamwork", weight: 7.11, group: "customer-centred" },
  { id: "self-motivation", weight: 4.71, group: "customer-centred" },
  { id: "continuous-learning", weight: 8.86, group: "learning" },
  { id: "reflective-practice", weight: 10.38, group: "learning" },
  { id: "it-application", weight: 9.14, group: "learning" },
] as const;

export type IndicatorId = (typeof RUBRIC)[number]["id"];
export const INDICATOR_IDS = RUBRIC.map((r) => r.id) as IndicatorId[];

export type RubricError = "missing" | "range" | "not-on-card";
export type RubricResult =
  | { ok: true; weighted: number; weakest: IndicatorId[] }
  | { ok: false; errors: Partial<Record<IndicatorId, RubricError>> };

/**
 * Weighted mean on the 1–5 scale over the indicators scored (a scenario card's few, or all eleven),
 * and those scored 2 or lower (where to train next). A score for an indicator not in `indicators`
 * is refused: the role-play could not show it.
 */
export function scoreRubric(
  scores: Partial<Record<string, number>>,
  indicators: readonly string[] = INDICATOR_IDS,
): RubricResult {
  const errors: Partial<Record<IndicatorId, RubricError>> = {};
  const scored = RUBRIC.filter((r) => indicators.includes(r.id));
  for (const r of RUBRIC) {
    const s = scores[r.id];
    if (!scored.includes(r)) {
      if (s !== undefined) errors[r.id] = "not-on-card";
    } else if (s === undefined || Number.isNaN(s)) errors[r.id] = "missing";
    else if (!Number.isInteger(s) || s < 1 || s > 5) errors[r.id] = "range";
  }
  if (Object.keys(errors).length || scored.length === 0) return { ok: false, errors };
  let total = 0;
  let weights = 0;
  for (const r of scored) {
    total += r.weight * (scores[r.id] as number);
    weights += r.weight;
  }
  const weakest = scored.filter((r) => (scores[r.id] as number) <= 2).map((r) => r.id);
  return { ok: true, weighted: round(total / weights, 2), weakest };
}
