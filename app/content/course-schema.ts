// Front matter of course and series files. Messages are plain English: they go to the author's
// terminal and the admin page as `path:line: message`, with the field path prepended.
import { z } from "zod";
import { AREAS, COMPETENCY_IDS, GRADES, MERGES, STATUSES, isCompetencyId } from "./competencies";

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const text = (what: string) =>
  z.string({ error: (iss) => (iss.input === undefined ? `${what} is required` : `${what} must be text`) }).trim().min(1, { error: `${what} must not be empty` });
const slug = (what: string) => text(what).regex(SLUG, { error: `${what} must use lower-case letters, digits and hyphens` });
const oneOf = <T extends readonly [string, ...string[]]>(what: string, values: T) =>
  z.enum(values, { error: (iss) => (iss.input === undefined ? `${what} is required` : `${what} must be one of ${values.join(", ")}, not ${JSON.stringify(iss.input)}`) });
const bilingual = (what: string) =>
  z.object({ zh: text(`${what}.zh`), en: text(`${what}.en`) }, { error: (iss) => (iss.input === undefined ? `${what} is required` : `${what} must have zh and en`) });
const list = <T extends z.ZodType>(what: string, item: T) =>
  z.array(item, { error: (iss) => (iss.input === undefined ? `${what} is required` : `${what} must be a list`) });

export function isValidDuration(m: number): boolean {
  return m === 15 || m === 30 || m === 60 || (m >= 120 && m <= 180);
}

const questionSchema = z
  .object({
    id: text("id"),
    prompt: text("prompt"),
    choices: z
      .record(z.string(), z.union([z.string(), z.number()]).transform(String), { error: "choices must map keys (a, b, c …) to text" })
      .refine((c) => Object.keys(c).length >= 2, { error: "choices needs at least two entries" }),
    // One key is allowed as a plain value; a list of keys makes a multiple-choice question.
    answer: z
      .union([z.string(), z.array(z.string())], { error: "answer must be a key or a list of keys" })
      .transform((a) => (Array.isArray(a) ? a : [a]))
      .refine((a) => a.length >= 1, { error: "answer needs at least one key" }),
    explanation: text("explanation"),
    // The choices quote forbidden phrasing on purpose (phrasing policy, content/README.md).
    badExample: z.boolean().optional(),
  })
  .superRefine((q, ctx) => {
    for (const key of q.answer) {
      if (!(key in q.choices)) {
        ctx.addIssue({ code: "custom", path: ["answer"], message: `answer "${key}" is not among the choices (${Object.keys(q.choices).join(", ")})` });
      }
    }
  });

export const courseFrontMatterSchema = z
  .object({
    slug: slug("slug"),
    title: bilingual("title"),
    summary: bilingual("summary"),
    series: slug("series"),
    position: z.number({ error: (iss) => (iss.input === undefined ? "position is required" : "position must be a whole number") }).int({ error: "position must be a whole number" }).min(1, { error: "position must be 1 or more" }),
    area: oneOf("area", AREAS),
    competencies: list(
      "competencies",
      z.string({ error: "competency id must be text" }).refine(isCompetencyId, { error: (iss) => `unknown competency id ${JSON.stringify(iss.input)} (known: ${COMPETENCY_IDS.join(", ")})` }),
    ).min(1, { error: "competencies needs at least one id" }),
    durationMinutes: z
      .number({ error: "durationMinutes must be a number of minutes" })
      .int({ error: "durationMinutes must be a whole number" })
      .refine(isValidDuration, { error: "durationMinutes must be 15, 30, 60, or between 120 and 180" })
      .default(60),
    grade: oneOf("grade", GRADES),
    status: oneOf("status", STATUSES),
    objectives: list("objectives", text("objective")).min(1, { error: "objectives needs at least one item" }).max(8, { error: "objectives has more than 8 items" }),
    trainers: list("trainers", z.email({ error: "trainer must be an e-mail address" })).default([]),
    quiz: z.object(
      {
        passMark: z.number({ error: "passMark must be a percentage" }).int({ error: "passMark must be a whole number" }).min(1, { error: "passMark must be between 1 and 100" }).max(100, { error: "passMark must be between 1 and 100" }).default(80),
        questions: list("questions", questionSchema).min(1, { error: "questions needs at least one question" }),
      },
      { error: (iss) => (iss.input === undefined ? "quiz is required" : "quiz must have questions") },
    ),
  })
  .superRefine((c, ctx) => {
    const seen = new Set<string>();
    c.quiz.questions.forEach((q, i) => {
      if (seen.has(q.id)) ctx.addIssue({ code: "custom", path: ["quiz", "questions", i, "id"], message: `question id "${q.id}" is used twice` });
      seen.add(q.id);
    });
    if (c.status === "accepted" && c.quiz.questions.length < 5) {
      ctx.addIssue({ code: "custom", path: ["quiz", "questions"], message: `an accepted module needs at least 5 quiz questions, found ${c.quiz.questions.length}` });
    }
  });

export type CourseFrontMatter = z.infer<typeof courseFrontMatterSchema>;
export type QuizQuestion = CourseFrontMatter["quiz"]["questions"][number];

export const seriesFrontMatterSchema = z.object({
  slug: slug("slug"),
  title: bilingual("title"),
  summary: bilingual("summary"),
  merge: oneOf("merge", MERGES).default("none"),
});
export type SeriesFrontMatter = z.infer<typeof seriesFrontMatterSchema>;
