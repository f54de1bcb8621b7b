// Form schemas of the development pages; messages are i18n keys in the "development" namespace.
import { z } from "zod";
import { isLocalDay } from "~/lib/clock";
import { idField, optionalField, parseInput, type ParseResult } from "~/lib/validation";
import { STAGES } from "./stages";
import { FORMATS, MEMBER_ROLES, MILESTONE_KINDS, teamProblem } from "./team";

/** Rows the "new project" form offers without JavaScript. */
export const MEMBER_ROWS = 6;
export const MILESTONE_ROWS = 4;
export const MAX_COMMENT = 2000;

const id = idField("development:err.invalid");
const text = (max: number) => z.string().trim().max(max, { error: "development:err.tooLong" }).default("");

const memberSchema = z.object({ userId: id, role: z.enum(MEMBER_ROLES, { error: "development:err.role" }) });
const milestoneSchema = z.object({
  kind: z.enum(MILESTONE_KINDS, { error: "development:err.invalid" }),
  label: text(100),
  dueOn: z.string().trim().refine(isLocalDay, { error: "development:err.dueOn" }),
});

export const projectSchema = z
  .object({
    title: z.string().trim().min(1, { error: "development:err.title" }).max(200, { error: "development:err.tooLong" }),
    need: text(2000),
    needRef: optionalField(z.string().trim().max(100, { error: "development:err.tooLong" })),
    sourceTitle: text(200),
    sourceSupplier: text(200),
    sourceNotes: text(2000),
    format: z.enum(FORMATS, { error: "development:err.format" }),
    members: z.array(memberSchema),
    milestones: z.array(milestoneSchema),
  })
  .superRefine((p, ctx) => {
    const problem = teamProblem(p.members);
    if (problem) ctx.addIssue({ code: "custom", path: ["members"], message: problem });
  });
export type ProjectInput = z.infer<typeof projectSchema>;

/** Reads the new-project form: its numbered member and milestone rows, blank rows skipped. */
export function parseProjectForm(form: FormData): ParseResult<ProjectInput> {
  const get = (k: string) => {
    const v = form.get(k);
    return typeof v === "string" ? v : "";
  };
  const members = [];
  for (let i = 0; i < MEMBER_ROWS; i++) {
    if (get(`member${i}.user`)) members.push({ userId: get(`member${i}.user`), role: get(`member${i}.role`) });
  }
  const milestones = [];
  for (let i = 0; i < MILESTONE_ROWS; i++) {
    if (get(`milestone${i}.due`) || get(`milestone${i}.label`))
      milestones.push({
        kind: get(`milestone${i}.kind`),
        label: get(`milestone${i}.label`),
        dueOn: get(`milestone${i}.due`),
      });
  }
  return parseInput(projectSchema, {
    title: get("title"),
    need: get("need"),
    needRef: get("needRef"),
    sourceTitle: get("sourceTitle"),
    sourceSupplier: get("sourceSupplier"),
    sourceNotes: get("sourceNotes"),
    format: get("format"),
    members,
    milestones,
  });
}

export const listFilterSchema = z.object({
  stage: optionalField(z.enum(STAGES)).catch(undefined),
  owner: optionalField(idField()).catch(undefined),
});

/** The diff form (GET): which linked course and which two of its versions. */
export const diffQuerySchema = z.object({
  course: optionalField(idField()).catch(undefined),
  a: optionalField(z.coerce.number().int().positive()).catch(undefined),
  b: optionalField(z.coerce.number().int().positive()).catch(undefined),
});

export const projectActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("stage"), stage: z.enum(STAGES, { error: "development:err.stage" }) }),
  z.object({ intent: z.literal("milestone"), milestoneId: id }),
  z.object({
    intent: z.literal("link"),
    slug: z.string().trim().min(1, { error: "development:err.slug" }).max(120, { error: "development:err.slug" }),
  }),
  z.object({
    intent: z.literal("comment"),
    // "versionId:sectionId": one choice anchors the comment to a section of one version.
    anchor: z
      .string({ error: "development:err.section" })
      .regex(/^\d{1,10}:[\w-]{1,40}$/, { error: "development:err.section" })
      .transform((v) => {
        const [versionId, section] = v.split(":") as [string, string];
        return { versionId: Number(versionId), section };
      }),
    body: z
      .string()
      .trim()
      .min(1, { error: "development:err.commentEmpty" })
      .max(MAX_COMMENT, { error: "development:err.commentLong" }),
  }),
  z.object({ intent: z.literal("done"), commentId: id }),
]);
export type ProjectAction = z.infer<typeof projectActionSchema>;
