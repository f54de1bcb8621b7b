// The session page's move and cancel forms. `sequence` is the version the viewer saw.
import { z } from "zod";

const sequence = z.coerce.number().int().nonnegative();
const note = (max: number) => z.string().trim().max(max, { error: "workflow:err.tooLong" }).default("");

export const moveSessionSchema = z.object({
  intent: z.literal("move"),
  sequence,
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "workflow:err.dateInvalid" }),
  start: z.string().regex(/^\d{2}:\d{2}$/, { error: "workflow:err.timeInvalid" }),
  end: z.string().regex(/^\d{2}:\d{2}$/, { error: "workflow:err.timeInvalid" }),
  roomId: z.string().regex(/^\d*$/, { error: "workflow:err.invalid" }).default(""),
  note: note(1000),
});
export type MoveSessionForm = z.infer<typeof moveSessionSchema>;

export const cancelSessionSchema = z.object({
  intent: z.literal("cancel"),
  sequence,
  reason: z
    .string()
    .trim()
    .min(1, { error: "reschedule:err.reasonRequired" })
    .max(1000, { error: "workflow:err.tooLong" }),
});
export type CancelSessionForm = z.infer<typeof cancelSessionSchema>;
