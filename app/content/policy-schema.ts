// The shape of content/policy.yaml, the phrasing policy a training manager edits. Strict: an
// unknown field is a typo that would otherwise silently switch a rule off.
import { z } from "zod";

const text = (field: string) => z.string({ error: `${field} must be text` }).trim().min(1, { error: `${field} must not be empty` });

export const forbiddenRuleSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: "id is lower-case letters, digits and hyphens" }),
  name: text("name"),
  /** A JavaScript regular expression, matched anywhere in a text (Unicode mode). */
  pattern: text("pattern"),
  reason: text("reason"),
  /** The approved phrasing to use instead. */
  instead: text("instead"),
});

export const termSchema = z.strictObject({
  /** The company's own word. */
  use: text("use"),
  /** Words it replaces, matched literally. */
  insteadOf: z.array(text("insteadOf")).min(1, { error: "insteadOf needs at least one word" }),
  reason: z.string().optional(),
});

export const policySchema = z.strictObject({
  forbidden: z.array(forbiddenRuleSchema).default([]),
  terms: z.array(termSchema).default([]),
});

export type PolicyFile = z.infer<typeof policySchema>;
export type ForbiddenRule = z.infer<typeof forbiddenRuleSchema>;
export type Term = z.infer<typeof termSchema>;
