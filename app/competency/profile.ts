// A person's competency profile: the level per indicator from the evidence, the gap to their
// grade's target, weighted by the model (decision 037). Pure: the evidence is read elsewhere.
import type { CompetencyId } from "~/content/competencies";
import type { CompetencyModel, Grade } from "./model";

export type EvidenceSource = "drill" | "exam" | "self";

export interface Observation {
  level: number;
  /** ISO time of the observation. */
  at: string;
  /** For an exam: which one (typing:zh, quiz:<bank> …). */
  exam?: string;
}

/** What is known about one indicator of one person, each kind at its latest. */
export interface IndicatorEvidence {
  drill?: Observation;
  exam?: Observation;
  self?: Observation;
}

export type Evidence = Partial<Record<CompetencyId, IndicatorEvidence>>;

export interface ProfileRow {
  id: CompetencyId;
  group: string;
  combined: number;
  target: number;
  /** null: no evidence (not a zero, and no gap). */
  level: number | null;
  source: EvidenceSource | null;
  evidence: IndicatorEvidence;
  /** combined × max(0, target − level); 0 without evidence. */
  weightedGap: number;
}

export interface Profile {
  rows: ProfileRow[];
  groups: { id: string; weight: number; subtotal: number }[];
  total: number;
}

// Trainer-observed beats a test result beats the person's own view: decision 037.
const PRECEDENCE: EvidenceSource[] = ["drill", "exam", "self"];

const round2 = (n: number) => Math.round(n * 100) / 100;

export function levelOf(e: IndicatorEvidence): { level: number; source: EvidenceSource } | null {
  for (const source of PRECEDENCE) {
    const o = e[source];
    if (o) return { level: o.level, source };
  }
  return null;
}

export function weightedGap(combined: number, target: number, level: number | null): number {
  return level === null ? 0 : round2(combined * Math.max(0, target - level));
}

export function buildProfile(model: CompetencyModel, grade: Grade, evidence: Evidence): Profile {
  const rows = model.indicators.map((ind): ProfileRow => {
    const e = evidence[ind.id] ?? {};
    const found = levelOf(e);
    const target = ind.targets[grade];
    const level = found?.level ?? null;
    return {
      id: ind.id,
      group: ind.group,
      combined: ind.combined,
      target,
      level,
      source: found?.source ?? null,
      evidence: e,
      weightedGap: weightedGap(ind.combined, target, level),
    };
  });
  const groups = model.groups.map((g) => ({
    id: g.id,
    weight: g.weight,
    subtotal: round2(rows.filter((r) => r.group === g.id).reduce((s, r) => s + r.weightedGap, 0)),
  }));
  return { rows, groups, total: round2(groups.reduce((s, g) => s + g.subtotal, 0)) };
}

/** The indicators with a gap, largest weighted gap first (ties: the model's order). */
export function topGaps(profile: Profile, n: number): ProfileRow[] {
  return profile.rows
    .filter((r) => r.weightedGap > 0)
    .map((r, i) => ({ r, i }))
    .sort((a, b) => b.r.weightedGap - a.r.weightedGap || a.i - b.i)
    .slice(0, n)
    .map(({ r }) => r);
}

export interface CourseOption {
  slug: string;
  titleZh: string;
  titleEn: string;
  competencies: string[];
}

export interface Recommendation {
  course: CourseOption;
  indicator: CompetencyId;
  level: number;
  target: number;
  weight: number;
}

/**
 * Courses for the largest gaps, in gap order: each course once, for the first gap it serves.
 * `courses` are the accepted ones the person has not completed.
 */
export function recommend(profile: Profile, courses: readonly CourseOption[], gaps = 3, perGap = 2): Recommendation[] {
  const out: Recommendation[] = [];
  const taken = new Set<string>();
  for (const row of topGaps(profile, gaps)) {
    const fit = courses.filter((c) => c.competencies.includes(row.id) && !taken.has(c.slug)).slice(0, perGap);
    for (const course of fit) {
      taken.add(course.slug);
      out.push({ course, indicator: row.id, level: row.level as number, target: row.target, weight: row.combined });
    }
  }
  return out;
}

/** A team's needs: the members' weighted gaps summed per indicator, largest first. */
export function teamNeeds(profiles: readonly Profile[], n = 2): { id: CompetencyId; sum: number }[] {
  const sums = new Map<CompetencyId, number>();
  for (const p of profiles) for (const r of p.rows) sums.set(r.id, (sums.get(r.id) ?? 0) + r.weightedGap);
  return [...sums]
    .map(([id, sum]) => ({ id, sum: round2(sum) }))
    .filter((x) => x.sum > 0)
    .sort((a, b) => b.sum - a.sum)
    .slice(0, n);
}

/**
 * The self-assessment period holding a local month ("YYYY-MM"): periods of `months` months
 * counted from January, named by their first month. 3 → quarters: 2026-11 → 2026-10.
 */
export function periodOf(localMonth: string, months: number): string {
  const [y, m] = localMonth.split("-").map(Number) as [number, number];
  const first = Math.floor((m - 1) / months) * months + 1;
  return `${y}-${String(first).padStart(2, "0")}`;
}
