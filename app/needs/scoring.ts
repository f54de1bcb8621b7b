// The needs survey's pure rules: reading a ranked answer, the scoring rule and the ranking with
// its top two (decision 033). No database here; the results query hands in counts per rank.

/** Points for a 1st, 2nd and 3rd choice: a Borda count over three places. */
export const POINTS: Readonly<Record<number, number>> = { 1: 3, 2: 2, 3: 1 };
export const MAX_CHOICES = 3;
/** How many needs a round picks (the source: "the top two skill needs of the year"). */
export const TOP_N = 2;

export type RankingError = "needs:err.empty" | "needs:err.tooMany" | "needs:err.duplicate" | "needs:err.unknownTopic";

export type RankingResult = { ok: true; topicIds: number[] } | { ok: false; error: RankingError };

/**
 * Reads the form's `choice1`..`choice3` (topic ids, empty for none) into the ranked topic ids.
 * Blank places close up (a 1st and a 3rd choice become 1st and 2nd). Refused: nothing chosen, a
 * fourth place or a place sent twice, one topic in two places, a topic not of this round.
 */
export function parseRanking(entries: Iterable<[string, unknown]>, known: ReadonlySet<number>): RankingResult {
  const places = new Map<number, string>();
  for (const [key, raw] of entries) {
    const m = /^choice(\d{1,3})$/.exec(key);
    if (!m) continue;
    const value = typeof raw === "string" ? raw.trim() : "";
    const place = Number(m[1]);
    if (place < 1 || place > MAX_CHOICES || places.has(place)) {
      if (value !== "" || places.has(place)) return { ok: false, error: "needs:err.tooMany" };
      continue;
    }
    places.set(place, value);
  }
  const chosen = [...places.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([, v]) => v)
    .filter((v) => v !== "");
  if (chosen.length === 0) return { ok: false, error: "needs:err.empty" };
  const ids: number[] = [];
  for (const v of chosen) {
    const id = /^\d{1,10}$/.test(v) ? Number(v) : NaN;
    if (!known.has(id)) return { ok: false, error: "needs:err.unknownTopic" };
    if (ids.includes(id)) return { ok: false, error: "needs:err.duplicate" };
    ids.push(id);
  }
  return { ok: true, topicIds: ids };
}

export interface RankCount {
  topicId: number;
  rank: number;
  count: number;
}

export interface TopicScore {
  topicId: number;
  points: number;
  /** Times chosen 1st, 2nd, 3rd. */
  byRank: [number, number, number];
  /** 1-based place in the ranking; equal scores share no place (ties are broken, see below). */
  place: number;
  top: boolean;
}

/** The points one topic earns from its counts per rank. */
export function pointsOf(byRank: readonly number[]): number {
  return byRank.reduce((sum, n, i) => sum + n * (POINTS[i + 1] ?? 0), 0);
}

/**
 * Ranks the topics (given in the round's order) by points; ties go to more 1st choices, then
 * more 2nd choices, then the round's order, so the ranking is total and the same on every read.
 * The top two are marked only when they earned points.
 */
export function rankTopics(topicIds: readonly number[], counts: readonly RankCount[]): TopicScore[] {
  const byTopic = new Map<number, [number, number, number]>(topicIds.map((id) => [id, [0, 0, 0]]));
  for (const c of counts) {
    const row = byTopic.get(c.topicId);
    if (row && c.rank >= 1 && c.rank <= MAX_CHOICES) row[c.rank - 1] = (row[c.rank - 1] ?? 0) + c.count;
  }
  const order = new Map(topicIds.map((id, i) => [id, i]));
  return topicIds
    .map((topicId) => {
      const byRank = byTopic.get(topicId) ?? [0, 0, 0];
      return { topicId, byRank, points: pointsOf(byRank) };
    })
    .sort(
      (a, b) =>
        b.points - a.points ||
        b.byRank[0] - a.byRank[0] ||
        b.byRank[1] - a.byRank[1] ||
        (order.get(a.topicId) ?? 0) - (order.get(b.topicId) ?? 0),
    )
    .map((s, i) => ({ ...s, place: i + 1, top: i < TOP_N && s.points > 0 }));
}

/** Answered ÷ invited, or null when nobody was invited. */
export function responseRate(answered: number, invited: number): number | null {
  return invited > 0 ? answered / invited : null;
}

export interface RoundTimes {
  closesAt: Date;
  closedAt: Date | null;
}

/** A round takes answers until HR closes it or its closing time passes. */
export function isOpen(round: RoundTimes, now: Date): boolean {
  return round.closedAt === null && round.closesAt.getTime() > now.getTime();
}

/** When the round stopped (or will stop) taking answers. */
export function endOf(round: RoundTimes): Date {
  return round.closedAt && round.closedAt < round.closesAt ? round.closedAt : round.closesAt;
}

export const AUDIENCES = ["front", "back", "all"] as const;
export type Audience = (typeof AUDIENCES)[number];
export const TEAM_KINDS = ["front", "back"] as const;
export type TeamKind = (typeof TEAM_KINDS)[number];

/** Whether a person of that team kind ("none": no team) is invited to a round of that audience. */
export function inAudience(audience: Audience, kind: TeamKind | "none"): boolean {
  return audience === "all" || audience === kind;
}

export const MAX_FREE_TOPICS = 10;
export const MAX_TOPIC_LENGTH = 80;
export const MIN_TOPICS = 2;
export const MAX_TOPICS = 20;

/** Free-text topics, one a line: trimmed, blank lines dropped, repeats (any case) dropped. */
export function freeTopics(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const t = line.trim().replace(/\s+/g, " ");
    if (!t || seen.has(t.toLowerCase())) continue;
    seen.add(t.toLowerCase());
    out.push(t);
  }
  return out;
}
