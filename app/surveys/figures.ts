// The survey figures, as pure functions over counts that SQL has already aggregated.
// Rates are ratios in 0..1 (formatted as percentages where shown); index and NPS are points.
// A figure is null when it has no data to stand on (nobody answered), never a misleading 0.

export const SCALE_MAX = 5;
export const RECOMMEND_MAX = 10;
/** The five standard 5-point items, in the order the form asks them. */
export const ITEMS = ["overall", "relevance", "helpful", "delivery", "pace"] as const;
export type Item = (typeof ITEMS)[number];
/** Counts of the answers 1, 2, 3, 4 and 5 (index 0 holds the count of 1s). */
export type Distribution = [number, number, number, number, number];

export interface Tally {
  /** Everyone who answered, including withheld answers (taking part is not what anyone said). */
  responses: number;
  invited: number;
  /** Anonymous responses whose answers are counted below (they decide whether a group may be shown). */
  anonymous: number;
  /** Anonymous responses whose answers are left out of the counts (disclosure.ts). */
  withheld: number;
  dist: Record<Item, Distribution>;
  promoters: number; // recommend 9–10
  passives: number; // recommend 7–8
  detractors: number; // recommend 0–6
}

export interface Figures {
  responses: number;
  /** The answers the figures below stand on (responses less those withheld). */
  answered: number;
  invited: number;
  responseRate: number | null;
  satisfactionRate: number | null;
  meanScore: number | null;
  index: number | null;
  helpfulRate: number | null;
  nps: number | null;
}

/** Responses ÷ people asked. */
export function responseRate(responses: number, invited: number): number | null {
  return invited > 0 ? Math.min(responses, invited) / invited : null;
}

function total(dist: Distribution): number {
  return dist[0] + dist[1] + dist[2] + dist[3] + dist[4];
}

/** Share of answers that are 4 or 5 on the 5-point scale. */
export function satisfactionRate(dist: Distribution): number | null {
  const n = total(dist);
  return n > 0 ? (dist[3] + dist[4]) / n : null;
}

/** Mean of the 1–5 answers. */
export function meanScore(dist: Distribution): number | null {
  const n = total(dist);
  if (n === 0) return null;
  return (dist[0] * 1 + dist[1] * 2 + dist[2] * 3 + dist[3] * 4 + dist[4] * 5) / n;
}

/** Score ÷ maximum × 100: a mean of 4.5 on a 5-point scale is an index of 90. */
export function scoreIndex(mean: number | null, max = SCALE_MAX): number | null {
  return mean === null ? null : (mean / max) * 100;
}

/** Net promoter score: % answering 9–10 minus % answering 0–6, from −100 to 100. */
export function netPromoterScore(promoters: number, passives: number, detractors: number): number | null {
  const n = promoters + passives + detractors;
  return n > 0 ? ((promoters - detractors) / n) * 100 : null;
}

/** Where a 0–10 answer falls for the NPS. */
export function npsBucket(score: number): "promoter" | "passive" | "detractor" {
  return score >= 9 ? "promoter" : score >= 7 ? "passive" : "detractor";
}

export function emptyDistribution(): Distribution {
  return [0, 0, 0, 0, 0];
}

export function emptyTally(): Tally {
  const dist = Object.fromEntries(ITEMS.map((i) => [i, emptyDistribution()])) as Record<Item, Distribution>;
  return { responses: 0, invited: 0, anonymous: 0, withheld: 0, dist, promoters: 0, passives: 0, detractors: 0 };
}

/** Adds b into a (a is changed and returned). */
export function addTally(a: Tally, b: Tally): Tally {
  a.responses += b.responses;
  a.invited += b.invited;
  a.anonymous += b.anonymous;
  a.withheld += b.withheld;
  for (const item of ITEMS) {
    const to = a.dist[item];
    const from = b.dist[item];
    for (let k = 0; k < 5; k++) to[k]! += from[k]!;
  }
  a.promoters += b.promoters;
  a.passives += b.passives;
  a.detractors += b.detractors;
  return a;
}

/** Every figure of a group. The satisfaction rate, mean and index read the overall item. */
export function figuresOf(t: Tally): Figures {
  const mean = meanScore(t.dist.overall);
  return {
    responses: t.responses,
    answered: total(t.dist.overall),
    invited: t.invited,
    responseRate: responseRate(t.responses, t.invited),
    satisfactionRate: satisfactionRate(t.dist.overall),
    meanScore: mean,
    index: scoreIndex(mean),
    helpfulRate: satisfactionRate(t.dist.helpful),
    nps: netPromoterScore(t.promoters, t.passives, t.detractors),
  };
}
