import { z } from "zod";
import { ROSTER_MAX_BYTES } from "~/lib/body-limits";

/** The /roster page's url-encoded forms: confirming an import, saving a shift code. */
export const rosterActionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("apply"),
    csv: z
      .string()
      .min(1)
      // Decoded text has at most as many characters as the file had bytes.
      .max(ROSTER_MAX_BYTES),
    // The number of bad lines the preview showed; sent only when the skip box is ticked.
    skip: z.coerce.number().int().min(0).max(1_000_000).optional(),
  }),
  z.object({
    intent: z.literal("code"),
    code: z.string().trim().min(1, { error: "roster:codes.err.code" }).max(10, { error: "roster:codes.err.code" }),
    rest: z.literal("on").optional(),
    start: z.string().trim().optional(),
    end: z.string().trim().optional(),
  }),
]);

export const ruleSchema = z.object({
  weekdays: z.array(z.coerce.number().int().min(1).max(7)).default([]),
  morningCode: z.string().trim().max(10).default(""),
  beforeShift: z.literal("on").optional(),
  afterShift: z.literal("on").optional(),
});
