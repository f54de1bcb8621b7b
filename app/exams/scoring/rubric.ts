// The one-on-one drill rubric: the 11 indicators of the competency model, each scored 1–5 by the
// trainer and weighted by its combined weight (percent; they sum to 100). The weights are those of
// content/competency-model.yaml — the caller passes the model in force, so the rubric, the profiles
// and the gaps never disagree.
import type { CompetencyModel } from "~/competency/model";
import { COMPETENCY_IDS, type CompetencyId } from "~/content/competencies";
import { round } from "./stats";

export type IndicatorId = CompetencyId;
export const INDICATOR_IDS: readonly IndicatorId[] = COMPETENCY_IDS;

export interface RubricLine {
  id: IndicatorId;
  weight: number;
  group: string;
}
export type Rubric = readonly RubricLine[];

/** The rubric of a competency model: its indicators in the file's order with their combined weights. */
export function rubricOf(model: Pick<CompetencyModel, "indicators">): Rubric {
  return model.indicators.map((i) => ({ id: i.id, weight: i.combined, group: i.group }));
}

export type RubricError = "missing" | "range" | "not-on-card";
export type RubricResult =
  | { ok: true; weighted: number; weakest: IndicatorId[] }
  | { ok: false; errors: Partial<Record<IndicatorId, RubricError>> };

/**
 * Weighted mean on the 1–5 scale over the indicators scored (a scenario card's few, or all eleven),
 * and those scored 2 or lower (where to train next). A score for an indicator not in `indicators`
 * is refused: the role-play could not show it. An indicator the rubric does not weigh is never scored.
 */
export function scoreRubric(
  rubric: Rubric,
  scores: Partial<Record<string, number>>,
  indicators: readonly string[] = INDICATOR_IDS,
): RubricResult {
  const errors: Partial<Record<IndicatorId, RubricError>> = {};
  const scored = rubric.filter((r) => indicators.includes(r.id));
  for (const r of rubric) {
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
