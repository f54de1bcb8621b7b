// Form schemas of the exam pages (shared by server and browser).
import { z } from "zod";
import { TYPING_LOG_MAX_CHARS } from "~/lib/body-limits";

const token = z.string().min(20).max(64);

export const typingActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("start"), lang: z.enum(["zh", "en"], { error: "exams:err.lang" }) }),
  z.object({ intent: z.literal("submit"), token, log: z.string().min(2).max(TYPING_LOG_MAX_CHARS) }),
]);

export const chatActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("start") }),
  z.object({ intent: z.literal("reply"), token, item: z.string().min(1).max(80), text: z.string().max(4000) }),
  z.object({ intent: z.literal("ack"), token, item: z.string().min(1).max(80) }),
  z.object({ intent: z.literal("finish"), token }),
]);

export const drillFormSchema = z.object({
  traineeId: z.coerce.number({ error: "exams:err.trainee" }).int().positive({ error: "exams:err.trainee" }),
  sittingId: z.coerce.number({ error: "exams:err.sitting" }).int().positive({ error: "exams:err.sitting" }),
  notes: z.string().trim().max(4000, { error: "common:form.tooLong" }).default(""),
  // A correction: the score it replaces and why.
  supersedesId: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().positive().optional()),
  reason: z.string().trim().max(500, { error: "common:form.tooLong" }).default(""),
});

export const sittingFormSchema = z.object({
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "exams:err.sittingDay" }),
  scenario: z.string().trim().min(1, { error: "exams:err.sittingScenario" }).max(200, { error: "common:form.tooLong" }),
  traineeIds: z
    .array(z.coerce.number().int().positive())
    .min(1, { error: "exams:err.trainee" })
    .max(200, { error: "exams:err.trainee" }),
});

export const grantFormSchema = z.object({
  exam: z.enum(["typing:zh", "typing:en", "response", "quick-reply"], { error: "exams:err.grantExam" }),
  reason: z.string().trim().min(1, { error: "exams:err.grantReason" }).max(500, { error: "common:form.tooLong" }),
});

/** A sitting lasts at most a shift (decision record 025). */
export const MAX_SITTING_MINUTES = 12 * 60;
export const MAX_VOID_REASON = 500;
