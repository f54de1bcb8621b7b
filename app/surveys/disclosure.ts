// What may be shown of anonymous survey answers (docs/decisions/020-survey-disclosure.md).
//
// Every filter of the dashboard and its exports (session, team, trainer, course, series, area,
// kind, date range) selects whole (survey, team) cells: a survey is held on one day by one trainer,
// and each anonymous response keeps only its team. So every figure, chart, list or export is a sum
// of such cells, and any difference between two outputs is a sum of cells too. The rule is
// applied to the cell, before any adding up: the answers of an anonymous cell with fewer than
// three responses are withheld from everything, always. No total can then contain a small group
// that a breakdown leaves out, and no arithmetic between outputs can isolate fewer than three
// anonymous answers. How many people answered stays visible (that says who took part, not what
// anyone said).
import { figuresOf, type Figures, type Tally } from "./figures";

/** Below this many responses an anonymous group is not shown, on its own or inside any total. */
export const MIN_ANONYMOUS_GROUP = 3;

/** Whether the answers of one (survey, team) cell may be counted anywhere. */
export function cellReleased(anonymous: boolean, responses: number): boolean {
  return !anonymous || responses >= MIN_ANONYMOUS_GROUP;
}

/**
 * The same rule in SQL, over a SurveyTally row and its Survey (table aliases). The tally's
 * `responses` is the whole cell's count, whatever the filter.
 */
export function cellReleasedSql(tally: string, survey: string): string {
  return `(NOT ${survey}."anonymous" OR ${tally}."responses" >= ${MIN_ANONYMOUS_GROUP})`;
}

/**
 * The rule for one raw SurveyResponse row (comments, the responses export): it is listed only
 * when its whole cell is released.
 */
export function rowReleasedSql(response: string, survey: string): string {
  return `(NOT ${survey}."anonymous" OR EXISTS (SELECT 1 FROM "SurveyTally" dt WHERE dt."surveyId" = ${response}."surveyId"
    AND dt."teamId" = COALESCE(${response}."teamId", 0) AND ${cellReleasedSql("dt", survey)}))`;
}

/**
 * A group whose answers hold 1 or 2 anonymous ones is not shown. Groups built from released
 * cells never are (each cell brings 0 or at least 3); this guards any tally made another way, and
 * covers a mix with named answers, whose names would otherwise let the anonymous rest be read off.
 */
export function isSuppressed(t: Pick<Tally, "anonymous" | "withheld">, answered: number): boolean {
  if (t.anonymous > 0 && t.anonymous < MIN_ANONYMOUS_GROUP) return true;
  return t.withheld > 0 && answered === 0;
}

export type ShownFigures = Figures & {
  /** Nothing derived from answers is shown: every answer of the group is withheld. */
  suppressed: boolean;
  /** Anonymous responses left out because their team in their session had fewer than three. */
  withheld: number;
};

/** The only way figures leave the server: answers of withheld groups blanked. */
export function safeFiguresOf(t: Tally): ShownFigures {
  const f = figuresOf(t);
  if (!isSuppressed(t, f.answered)) return { ...f, suppressed: false, withheld: t.withheld };
  return {
    ...f,
    answered: 0,
    satisfactionRate: null,
    meanScore: null,
    index: null,
    helpfulRate: null,
    nps: null,
    suppressed: true,
    withheld: t.withheld,
  };
}
