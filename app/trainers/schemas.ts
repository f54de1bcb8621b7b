// Form and query schemas of the trainer pages; messages are i18n keys.
import { z } from "zod";
import { idField, localDaySchema, optionalField } from "~/lib/validation";

const id = idField("trainers:err.invalid");
const reason = z
  .string({ error: "trainers:err.reason" })
  .trim()
  .min(1, { error: "trainers:err.reason" })
  .max(1000, { error: "trainers:err.tooLong" });

export const grantSchema = z.object({ intent: z.literal("grant"), courseId: id, reason });
export const withdrawSchema = z.object({ intent: z.literal("withdraw"), qualificationId: id, reason });
export const certificateSchema = z.object({
  intent: z.literal("certificate"),
  name: z
    .string({ error: "trainers:err.certName" })
    .trim()
    .min(1, { error: "trainers:err.certName" })
    .max(100, { error: "trainers:err.tooLong" }),
  issuedOn: z
    .string({ error: "trainers:err.day" })
    .trim()
    .refine((d) => localDaySchema.safeParse(d).success, {
      error: "trainers:err.day",
    }),
  validUntil: z.string().trim().default(""),
  note: z.string().trim().max(1000, { error: "trainers:err.tooLong" }).default(""),
});
export type GrantForm = z.infer<typeof grantSchema>;
export type WithdrawForm = z.infer<typeof withdrawSchema>;
export type CertificateForm = z.infer<typeof certificateSchema>;

export const TRAINER_FILTERS = ["all", "certified", "unqualified"] as const;
export const listQuerySchema = z.object({
  q: z.string().trim().max(100).default(""),
  filter: z.enum(TRAINER_FILTERS).catch("all").default("all"),
});
export type ListQuery = z.infer<typeof listQuerySchema>;

export const classesPageSchema = z.object({ page: optionalField(z.coerce.number().int().min(1).max(100_000)) });
