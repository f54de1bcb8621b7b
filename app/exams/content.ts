// The shape of exam content files (content/exams, content/faq). One zod schema per file kind;
// messages name the field, because authors read them as `path:line: message`.
import { z } from "zod";
import { COMPETENCY_IDS } from "~/content/competencies";

const id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { error: "must be lower-case letters, digits and hyphens" });
const shortcut = z.string().regex(/^[a-z][a-z0-9-]{0,15}$/, {
  error: "must start with a letter: lower-case letters, digits, hyphens (at most 16)",
});
const text = z.string().trim().min(1, { error: "must not be empty" });
const bilingual = z.object({ zh: text, en: text });

export const passageSchema = z.object({
  id,
  lang: z.enum(["zh", "en"]),
  title: bilingual,
  text: z.string().trim().min(50, { error: "passage must be at least 50 characters" }),
});
export type Passage = z.infer<typeof passageSchema>;

export const passageFileSchema = z.object({
  passages: z.array(passageSchema).min(1, { error: "at least one passage" }),
});

const factSchema = z
  // `en`: an English gloss of the fact for the English result page; the fact itself is what the
  // agent says to the customer, in Chinese.
  .object({ label: text, en: text.optional(), keywords: z.array(text).default([]), phrase: shortcut.optional() })
  .refine((f) => f.keywords.length > 0 || f.phrase, { error: "a fact needs keywords or a phrase" });

export const scriptSchema = z.object({
  id,
  title: bilingual,
  customer: text,
  timeLimitSeconds: z.number().int().min(60).max(3600).default(600),
  messages: z
    .array(
      z.object({
        id,
        text,
        facts: z.array(factSchema).min(1, { error: "each message needs at least one required fact" }),
      }),
    )
    .min(1, { error: "a script needs at least one customer message" }),
});
export type DrillScript = z.infer<typeof scriptSchema>;

/**
 * A scenario card for the one-on-one drill: who the customer is, what happened, what the trainee
 * must achieve, and the few competency indicators this role-play can show. The trainer scores
 * those, not all eleven.
 */
export const scenarioCardSchema = z
  .object({
    id,
    title: bilingual,
    customer: text,
    situation: text,
    goals: z.array(text).min(1, { error: "say what the trainee must achieve" }).max(6),
    indicators: z
      .array(z.enum(COMPETENCY_IDS, { error: `unknown competency id (known: ${COMPETENCY_IDS.join(", ")})` }))
      .min(2, { error: "a card names 2 to 5 indicators" })
      .max(5, { error: "a card names 2 to 5 indicators: a role-play cannot show all eleven" }),
  })
  .superRefine((c, ctx) => {
    if (new Set(c.indicators).size !== c.indicators.length)
      ctx.addIssue({ code: "custom", path: ["indicators"], message: "an indicator is named twice" });
  });
export type ScenarioCard = z.infer<typeof scenarioCardSchema>;

const choiceKey = z.string().regex(/^[a-z]$/, { error: "choice keys are single letters a–z" });
// badExample: the choices quote forbidden phrasing on purpose (see content/README.md).
const baseQuestion = { id, prompt: text, explanation: z.string().default(""), badExample: z.boolean().optional() };

export const questionSchema = z.discriminatedUnion("type", [
  z.object({ ...baseQuestion, type: z.literal("single"), choices: z.record(choiceKey, text), answer: choiceKey }),
  z.object({
    ...baseQuestion,
    type: z.literal("multiple"),
    choices: z.record(choiceKey, text),
    answer: z.array(choiceKey).min(2, { error: "multiple choice needs at least two right keys" }),
  }),
  z.object({ ...baseQuestion, type: z.literal("truefalse"), answer: z.boolean() }),
  z.object({
    ...baseQuestion,
    type: z.literal("short"),
    // Each group is one point the answer must make; any keyword of the group makes it.
    keywords: z.array(z.array(text).min(1)).min(1, { error: "a short answer needs keyword groups" }),
    minGroups: z.number().int().min(1).optional(),
  }),
]);
export type Question = z.infer<typeof questionSchema>;

export const bankSchema = z
  .object({
    id,
    title: bilingual,
    draw: z.number().int().min(1).max(100),
    timeLimitMinutes: z.number().min(1).max(180),
    cooldownMinutes: z
      .number()
      .min(0)
      .max(60 * 24 * 30)
      .default(60),
    passMark: z.number().min(1).max(100).default(80),
    questions: z.array(questionSchema).min(1, { error: "a question bank must not be empty" }),
  })
  .superRefine((b, ctx) => {
    if (b.draw > b.questions.length)
      ctx.addIssue({
        code: "custom",
        path: ["draw"],
        message: `draw ${b.draw} exceeds the ${b.questions.length} questions in the bank`,
      });
    for (const q of b.questions) {
      if (q.type === "single" && !(q.answer in q.choices))
        ctx.addIssue({
          code: "custom",
          path: ["questions"],
          message: `question ${q.id}: answer "${q.answer}" is not a choice`,
        });
      if (q.type === "multiple" && q.answer.some((a) => !(a in q.choices)))
        ctx.addIssue({
          code: "custom",
          path: ["questions"],
          message: `question ${q.id}: an answer key is not a choice`,
        });
    }
    const ids = new Set<string>();
    for (const q of b.questions) {
      if (ids.has(q.id))
        ctx.addIssue({ code: "custom", path: ["questions"], message: `question id ${q.id} is used twice` });
      ids.add(q.id);
    }
  });
export type QuestionBank = z.infer<typeof bankSchema>;

export const faqCategorySchema = z.object({
  category: id,
  title: bilingual,
  phrases: z
    .array(
      z.object({
        shortcut,
        title: text,
        text,
        // Customer questions this phrase answers; the quick-reply test draws from them.
        questions: z.array(text).default([]),
      }),
    )
    .min(1, { error: "a category needs at least one phrase" }),
});
export type FaqCategory = z.infer<typeof faqCategorySchema>;
export type FaqPhrase = FaqCategory["phrases"][number];

const ratio = z.number().min(0).max(1);
/** A timed exam may be retaken after a cool-down, a few times a day (HR can grant more). */
const retakes = {
  cooldownMinutes: z
    .number()
    .min(0)
    .max(60 * 24 * 7)
    .optional(),
  maxPerDay: z.number().int().min(1).max(50).optional(),
};
/** `sitting: required`: only a result taken in a proctored sitting counts (decision record 025). */
const proctoring = { sitting: z.enum(["required", "optional"]).optional() };
export const ATTEMPT_DEFAULTS = { cooldownMinutes: 15, maxPerDay: 3 } as const;
export type AttemptLimits = { cooldownMinutes: number; maxPerDay: number };

export function attemptLimits(e: { cooldownMinutes?: number; maxPerDay?: number } | undefined): AttemptLimits {
  return {
    cooldownMinutes: e?.cooldownMinutes ?? ATTEMPT_DEFAULTS.cooldownMinutes,
    maxPerDay: e?.maxPerDay ?? ATTEMPT_DEFAULTS.maxPerDay,
  };
}

export const planExamSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("typing"),
    ...retakes,
    ...proctoring,
    lang: z.enum(["zh", "en"]),
    durationSeconds: z.number().int().min(30).max(900).default(180),
    minNet: z.number().positive().default(80),
    minAccuracy: ratio.default(0.95),
  }),
  z.object({
    kind: z.literal("response"),
    ...retakes,
    ...proctoring,
    script: id.optional(),
    maxMeanSeconds: z.number().positive().default(30),
    maxP90Seconds: z.number().positive().default(60),
    minComplete: ratio.default(0.8),
  }),
  z.object({
    kind: z.literal("quick-reply"),
    ...retakes,
    ...proctoring,
    questions: z.number().int().min(1).max(50).default(10),
    minCorrect: ratio.default(0.8),
    maxMeanSeconds: z.number().positive().default(20),
  }),
  z.object({ kind: z.literal("quiz"), bank: id, ...proctoring }),
  z.object({ kind: z.literal("drill"), minScore: z.number().min(1).max(5).default(3.5) }),
]);
export type PlanExam = z.infer<typeof planExamSchema>;

export const planSchema = z.object({
  id,
  title: bilingual,
  validityDays: z.number().int().min(1).max(3650).default(90),
  exams: z.array(planExamSchema).min(1, { error: "a plan needs at least one exam" }),
});
export type ExamPlan = z.infer<typeof planSchema>;

/** The key that results, attempts and readiness share for a plan exam. */
export function examKey(e: PlanExam): string {
  switch (e.kind) {
    case "typing":
      return `typing:${e.lang}`;
    case "quiz":
      return `quiz:${e.bank}`;
    default:
      return e.kind;
  }
}

/** The plan's exams that a trainer can run as a proctored sitting (all but the trainer-scored drill). */
export function sittingExamKeys(plan: ExamPlan | null | undefined): string[] {
  return (plan?.exams ?? []).filter((e) => e.kind !== "drill").map(examKey);
}

/** The plan's exams whose results count only when taken in a sitting. */
export function sittingRequiredKeys(plan: ExamPlan | null | undefined): string[] {
  return (plan?.exams ?? []).filter((e) => e.kind !== "drill" && e.sitting === "required").map(examKey);
}
