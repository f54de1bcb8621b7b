// The competency model file (content/competency-model.yaml): its shape and the arithmetic the
// checker holds it to. Pure: the caller reads the file. Ids are those of app/content/competencies.ts.
import { z } from "zod";
import { COMPETENCY_IDS, GRADES, type CompetencyId } from "~/content/competencies";
import { parseYamlMapping } from "~/content/front-matter";
import type { ContentProblem } from "~/content/problems";

export const MODEL_FILE = "competency-model.yaml";
export type Grade = (typeof GRADES)[number];

/** Weights are printed with two decimals; sums may be off by rounding, never by more. */
export const WEIGHT_TOLERANCE = 0.05;

const bilingual = z.strictObject({ zh: z.string().trim().min(1), en: z.string().trim().min(1) });
const level = z.number().int().min(1, "a level is 1–5").max(5, "a level is 1–5");
const weight = z.number().positive("a weight is more than 0").max(100, "a weight is at most 100");
const targets = z.strictObject({ junior: level, intermediate: level, senior: level, expert: level });

const indicator = z.strictObject({
  id: z.enum(COMPETENCY_IDS, { error: `unknown indicator id (known: ${COMPETENCY_IDS.join(", ")})` }),
  within: weight,
  combined: weight,
  definition: bilingual,
  examples: z.array(bilingual).min(1, "give at least one self-assessment example"),
  targets: targets.partial().optional(),
});

const examLink = z.strictObject({
  exam: z
    .string()
    .regex(
      /^(typing:(zh|en)|response|quick-reply|quiz:[a-z0-9-]+)$/,
      "exam is typing:zh, typing:en, response, quick-reply or quiz:<bank>",
    ),
  indicators: z.array(indicator.shape.id).min(1),
  better: z.enum(["higher", "lower"]),
  levels: z.array(z.number()).length(4, "levels are four thresholds (for levels 2, 3, 4 and 5)"),
});

export const modelSchema = z.strictObject({
  targets,
  groups: z
    .array(
      z.strictObject({
        id: z.string().regex(/^[a-z][a-z0-9-]*$/, "a group id is lower-case letters, digits and dashes"),
        title: bilingual,
        weight,
        indicators: z.array(indicator).min(1),
      }),
    )
    .min(1),
  exams: z.array(examLink).default([]),
});

type RawModel = z.infer<typeof modelSchema>;

export interface Indicator {
  id: CompetencyId;
  group: string;
  within: number;
  combined: number;
  definition: { zh: string; en: string };
  examples: { zh: string; en: string }[];
  targets: Record<Grade, number>;
}

export interface CompetencyModel {
  groups: { id: string; title: { zh: string; en: string }; weight: number; indicators: CompetencyId[] }[];
  /** In the file's order. */
  indicators: Indicator[];
  exams: RawModel["exams"];
}

export type ModelResult = { ok: true; model: CompetencyModel } | { ok: false; problems: ContentProblem[] };

const near = (a: number, b: number) => Math.abs(a - b) <= WEIGHT_TOLERANCE + 1e-9;
const two = (n: number) => (Math.round(n * 100) / 100).toFixed(2);

/** Parses and checks the model file; every problem names its line. */
export function parseModel(file: string, source: string): ModelResult {
  const yaml = parseYamlMapping(source, 1);
  if (!yaml.ok) return { ok: false, problems: [{ path: file, line: yaml.line, message: yaml.message }] };
  const parsed = modelSchema.safeParse(yaml.data);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => ({
      path: file,
      line: yaml.lineOf(issue.path),
      message: `${issue.path.join(".") || "file"}: ${issue.message}`,
    }));
    return { ok: false, problems };
  }
  const raw = parsed.data;
  const problems: ContentProblem[] = [];
  const at = (path: (string | number)[], message: string) =>
    problems.push({ path: file, line: yaml.lineOf(path), message });
  const seen = new Set<string>();
  let combinedTotal = 0;
  let groupTotal = 0;
  raw.groups.forEach((g, gi) => {
    groupTotal += g.weight;
    let combined = 0;
    let within = 0;
    g.indicators.forEach((ind, ii) => {
      if (seen.has(ind.id)) at(["groups", gi, "indicators", ii, "id"], `indicator ${ind.id} appears more than once`);
      seen.add(ind.id);
      combined += ind.combined;
      within += ind.within;
      // combined = group weight × within share, up to the rounding of the printed figures
      if (Math.abs((g.weight * ind.within) / 100 - ind.combined) > 0.1)
        at(
          ["groups", gi, "indicators", ii, "combined"],
          `${ind.id}: combined ${two(ind.combined)} is not ${two(g.weight)} × ${two(ind.within)}% = ${two((g.weight * ind.within) / 100)}`,
        );
    });
    combinedTotal += combined;
    if (!near(combined, g.weight))
      at(
        ["groups", gi, "weight"],
        `group ${g.id}: weight ${two(g.weight)} is not the sum of its indicators' combined weights (${two(combined)})`,
      );
    if (!near(within, 100))
      at(["groups", gi, "indicators"], `group ${g.id}: within weights sum to ${two(within)}, not 100`);
  });
  if (!near(groupTotal, 100)) at(["groups"], `group weights sum to ${two(groupTotal)}, not 100`);
  if (!near(combinedTotal, 100)) at(["groups"], `combined weights sum to ${two(combinedTotal)}, not 100`);
  const missing = COMPETENCY_IDS.filter((id) => !seen.has(id));
  if (missing.length) at(["groups"], `indicators missing from the model: ${missing.join(", ")}`);
  if (problems.length) return { ok: false, problems };

  const indicators: Indicator[] = raw.groups.flatMap((g) =>
    g.indicators.map((i) => ({
      id: i.id,
      group: g.id,
      within: i.within,
      combined: i.combined,
      definition: i.definition,
      examples: i.examples,
      targets: { ...raw.targets, ...i.targets },
    })),
  );
  return {
    ok: true,
    model: {
      groups: raw.groups.map((g) => ({
        id: g.id,
        title: g.title,
        weight: g.weight,
        indicators: g.indicators.map((i) => i.id),
      })),
      indicators,
      exams: raw.exams,
    },
  };
}

/** The level (1–5) an exam's headline score shows on the model's thresholds. */
export function examLevel(link: { better: "higher" | "lower"; levels: readonly number[] }, score: number): number {
  const met = link.levels.filter((t) => (link.better === "higher" ? score >= t : score <= t)).length;
  return 1 + met;
}

export function isGrade(v: string): v is Grade {
  return (GRADES as readonly string[]).includes(v);
}
