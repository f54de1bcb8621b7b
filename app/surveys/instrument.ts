// The post-session questionnaire: five standard 5-point items, a 0–10 recommendation and an
// optional comment, plus up to five course-specific 5-point items written by admins.
import { z } from "zod";
import { ITEMS, RECOMMEND_MAX, SCALE_MAX } from "./figures";

export const COMMENT_MAX = 2000;
export const EXTRA_MAX = 5;

export const extraQuestionSchema = z.object({
  key: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/),
  zh: z.string().trim().min(1).max(200),
  en: z.string().trim().min(1).max(200),
  required: z.boolean().default(true),
});
export type ExtraQuestion = z.infer<typeof extraQuestionSchema>;
export const extraQuestionsSchema = z.array(extraQuestionSchema).max(EXTRA_MAX);

/** Parses stored or authored course-specific questions; anything invalid yields none. */
export function parseExtraQuestions(value: unknown): ExtraQuestion[] {
  const parsed = extraQuestionsSchema.safeParse(value);
  if (!parsed.success) return [];
  const seen = new Set<string>(ITEMS);
  return parsed.data.filter((q) => !seen.has(q.key) && (seen.add(q.key), true));
}

const score = (max: number, min: number) =>
  z
    .string({ error: "surveys:err.required" })
    .trim()
    .min(1, { error: "surveys:err.required" })
    .regex(/^\d{1,2}$/, { error: "surveys:err.scale" })
    .transform(Number)
    .refine((n) => n >= min && n <= max, { error: "surveys:err.scale" });

const likert = () => score(SCALE_MAX, 1);

/** The form's schema for a survey with these course-specific questions. */
export function responseSchema(extra: ExtraQuestion[]) {
  const extraShape: Record<string, z.ZodType> = {};
  for (const q of extra)
    extraShape[`x_${q.key}`] = q.required
      ? likert()
      : z.union([z.literal("").transform(() => undefined), likert()]).optional();
  return z.object({
    overall: likert(),
    relevance: likert(),
    helpful: likert(),
    delivery: likert(),
    pace: likert(),
    recommend: score(RECOMMEND_MAX, 0),
    comment: z
      .string()
      .default("")
      .transform((s) => s.replace(/\r\n/g, "\n").trim())
      .refine((s) => s.length <= COMMENT_MAX, { error: "surveys:err.commentTooLong" }),
    ...extraShape,
  });
}

export interface ResponseInput {
  overall: number;
  relevance: number;
  helpful: number;
  delivery: number;
  pace: number;
  recommend: number;
  comment: string;
  extra: Record<string, number>;
}

/** Splits the parsed form into the standard columns and the course-specific answers. */
export function toResponseInput(data: Record<string, unknown>, extra: ExtraQuestion[]): ResponseInput {
  const answers: Record<string, number> = {};
  for (const q of extra) {
    const v = data[`x_${q.key}`];
    if (typeof v === "number") answers[q.key] = v;
  }
  return {
    overall: data.overall as number,
    relevance: data.relevance as number,
    helpful: data.helpful as number,
    delivery: data.delivery as number,
    pace: data.pace as number,
    recommend: data.recommend as number,
    comment: data.comment as string,
    extra: answers,
  };
}
