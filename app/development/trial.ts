// The trial lecture's rubric and the panel's figures. Pure, so the score form, the server and the
// tests share one list of criteria and one way to average (decision 041).
import { z } from "zod";
import { idField } from "~/lib/validation";

/** The acceptance rubric: each criterion is scored 1–5 by every judge. */
export const CRITERIA = ["accuracy", "structure", "timing", "exercises", "delivery", "phrasing"] as const;
export type Criterion = (typeof CRITERIA)[number];
export const SCORE_MIN = 1;
export const SCORE_MAX = 5;
export const MAX_TRIAL_COMMENT = 2000;

const score = z.coerce
  .number({ error: "trial:err.score" })
  .int({ error: "trial:err.score" })
  .min(SCORE_MIN, { error: "trial:err.score" })
  .max(SCORE_MAX, { error: "trial:err.score" });

export const scoreSchema = z.object({
  accuracy: score,
  structure: score,
  timing: score,
  exercises: score,
  delivery: score,
  phrasing: score,
  comment: z.string().trim().max(MAX_TRIAL_COMMENT, { error: "development:err.tooLong" }).default(""),
});
export type ScoreInput = z.infer<typeof scoreSchema>;

const id = idField("development:err.invalid");

export const scheduleTrialSchema = z.object({
  courseId: id,
  trainerId: id,
  room: z.string().trim().min(1, { error: "trial:err.room" }).max(100, { error: "development:err.tooLong" }),
  startsAt: z
    .string({ error: "trial:err.startsAt" })
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { error: "trial:err.startsAt" }),
  audience: z.array(id).min(1, { error: "trial:err.audience" }).max(200),
});
export type ScheduleTrialInput = z.infer<typeof scheduleTrialSchema>;

export const decisionSchema = z
  .object({
    versionId: id,
    decision: z.enum(["accept", "revise", "reject"], { error: "trial:err.decision" }),
    reason: z.string().trim().max(MAX_TRIAL_COMMENT, { error: "development:err.tooLong" }).default(""),
  })
  .refine((d) => d.decision === "accept" || d.reason.length > 0, {
    error: "trial:err.reason",
    path: ["reason"],
  });
export type DecisionInput = z.infer<typeof decisionSchema>;

type Scores = Record<Criterion, number>;

/** One judge's mean over the criteria. */
export function judgeMean(s: Scores): number {
  return CRITERIA.reduce((sum, c) => sum + s[c], 0) / CRITERIA.length;
}

/** The panel's figures: the mean of each criterion over the judges, and the overall mean (null: no score yet). */
export function panelFigures(scores: readonly Scores[]): {
  perCriterion: Record<Criterion, number | null>;
  mean: number | null;
} {
  const perCriterion = Object.fromEntries(
    CRITERIA.map((c) => [c, scores.length ? scores.reduce((sum, s) => sum + s[c], 0) / scores.length : null]),
  ) as Record<Criterion, number | null>;
  const mean = scores.length ? scores.reduce((sum, s) => sum + judgeMean(s), 0) / scores.length : null;
  return { perCriterion, mean };
}

/** Rounds a mean for storage and display (two decimals). */
export const roundMean = (n: number) => Math.round(n * 100) / 100;
