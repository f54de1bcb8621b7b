// Form schemas of the workflow pages; messages are i18n keys in the "workflow" namespace.
import { z } from "zod";
import { idField, idSchema } from "~/lib/validation";
import { ACTIONS } from "./state-machine";
import { parseLocal } from "./time";

export const SLOT_KINDS = ["morning", "before-shift", "after-shift", "other"] as const;
export const DELIVERIES = ["single", "separate", "half-day", "full-day"] as const;
export const PRIORITIES = [1, 2, 3, 4] as const;
export const ATTENDANCE = ["present", "late", "absent"] as const;
export const MAX_NEED = 2000;

const id = idField("workflow:err.invalid");
const optionalText = (max: number) => z.string().trim().max(max, { error: "workflow:err.tooLong" }).default("");

export const requestFormSchema = z.object({
  token: z.string().min(8).max(64),
  target: z.string({ error: "workflow:err.target" }).regex(/^(course|series):\d+$/, { error: "workflow:err.target" }),
  attendees: z
    .array(id)
    .min(1, { error: "workflow:err.headcountZero" })
    .max(200, { error: "workflow:err.headcountMax" }),
  slotKind: z.enum(SLOT_KINDS, { error: "workflow:err.slotKind" }),
  pref1: z.string().default(""),
  pref2: z.string().default(""),
  pref3: z.string().default(""),
  need: z.string().trim().min(1, { error: "workflow:err.need" }).max(MAX_NEED, { error: "workflow:err.tooLong" }),
  priority: z.coerce
    .number({ error: "workflow:err.priority" })
    .int()
    .min(1, { error: "workflow:err.priority" })
    .max(4, { error: "workflow:err.priority" }),
  delivery: z.enum(DELIVERIES, { error: "workflow:err.delivery" }).default("single"),
});
export type RequestForm = z.infer<typeof requestFormSchema>;

export type Problem = { field: string; error: string };

/** Two or three preferred times, all in the future and distinct. */
export function checkPreferred(values: string[], now: Date): { ok: true; dates: Date[] } | ({ ok: false } & Problem) {
  const dates: Date[] = [];
  for (const [i, raw] of values.entries()) {
    if (!raw.trim()) continue;
    const d = parseLocal(raw);
    if (!d) return { ok: false, field: `pref${i + 1}`, error: "workflow:err.dateInvalid" };
    if (d <= now) return { ok: false, field: `pref${i + 1}`, error: "workflow:err.datePast" };
    if (dates.some((x) => x.getTime() === d.getTime()))
      return { ok: false, field: `pref${i + 1}`, error: "workflow:err.dateDuplicate" };
    dates.push(d);
  }
  if (dates.length < 2) return { ok: false, field: "pref1", error: "workflow:err.prefCount" };
  return { ok: true, dates };
}

export const transitionSchema = z.object({
  intent: z.literal("transition"),
  action: z.enum(ACTIONS, { error: "workflow:err.invalid" }),
  version: z.coerce.number().int().nonnegative(),
  reason: optionalText(1000),
});

export const scheduleSchema = z.object({
  intent: z.literal("schedule"),
  version: z.coerce.number().int().nonnegative(),
  trainerId: id
    .pipe(z.number())
    .or(z.literal("").transform(() => 0))
    .refine((v) => v > 0, { error: "workflow:err.trainer" }),
  /** Why a trainer not listed for the course teaches it; required for those only (server-side). */
  trainerReason: optionalText(1000),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "workflow:err.dateInvalid" }),
  start: z.string().regex(/^\d{2}:\d{2}$/, { error: "workflow:err.timeInvalid" }),
  end: z
    .string()
    .regex(/^(\d{2}:\d{2})?$/, { error: "workflow:err.timeInvalid" })
    .default(""),
  roomId: z.string().regex(/^\d*$/).default(""),
  onlineLink: z
    .string()
    .trim()
    .max(500, { error: "workflow:err.tooLong" })
    .refine((v) => v === "" || /^https:\/\/[^\s]+$/.test(v), { error: "workflow:err.link" })
    .default(""),
});
export type ScheduleForm = z.infer<typeof scheduleSchema>;

export const rosterSchema = z.object({
  intent: z.enum(["save", "deliver"]),
  notes: optionalText(4000),
});

export const archiveFilterSchema = z.object({
  course: idSchema.optional().catch(undefined),
  series: idSchema.optional().catch(undefined),
  trainer: idSchema.optional().catch(undefined),
  team: idSchema.optional().catch(undefined),
  state: z.enum(["delivered", "archived"]).optional().catch(undefined),
  from: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .catch(undefined),
  to: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .catch(undefined),
});
export type ArchiveFilter = z.infer<typeof archiveFilterSchema>;

export const queueFilterSchema = z.object({
  state: z
    .enum(["submitted", "approved", "rejected", "returned", "scheduled", "delivered", "archived", "cancelled"])
    .optional()
    .catch(undefined),
  priority: z.coerce.number().int().min(1).max(4).optional().catch(undefined),
  team: idSchema.optional().catch(undefined),
  sort: z.enum(["oldest", "newest", "priority"]).catch("priority").default("priority"),
  mine: z.enum(["1"]).optional().catch(undefined),
});
export type QueueFilter = z.infer<typeof queueFilterSchema>;

/** The schedule page's query: which week (any day of it) and, for HR, whose sessions. */
export const scheduleQuerySchema = z.object({
  week: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .refine((d) => !Number.isNaN(Date.parse(d)))
    .optional()
    .catch(undefined),
  trainer: idSchema.optional().catch(undefined),
});
export type ScheduleQuery = z.infer<typeof scheduleQuerySchema>;
