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
  z.object({ intent: z.literal("finish"), token }),
]);

export const drillFormSchema = z.object({
  traineeId: z.coerce.number({ error: "exams:err.trainee" }).int().positive({ error: "exams:err.trainee" }),
  scenario: z.string().trim().max(200, { error: "common:form.tooLong" }).default(""),
  notes: z.string().trim().max(4000, { error: "common:form.tooLong" }).default(""),
});
