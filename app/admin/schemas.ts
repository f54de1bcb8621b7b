import { z } from "zod";
import { GRADES, ROLES } from "~/auth/roles";
import { newPasswordSchema } from "~/auth/schemas";
import { idField } from "~/lib/validation";

const email = z
  .string({ error: "auth:login.emailRequired" })
  .trim()
  .min(1, { error: "auth:login.emailRequired" })
  .max(254, { error: "auth:login.emailTooLong" })
  .pipe(z.email({ error: "auth:login.emailInvalid" }))
  .transform((s) => s.toLowerCase());

export const rolesSchema = z
  .array(z.enum(ROLES), { error: "admin:err.rolesRequired" })
  .min(1, { error: "admin:err.rolesRequired" });

export const createUserSchema = z.object({
  name: z.string().trim().min(1, { error: "admin:err.nameRequired" }).max(80, { error: "admin:err.nameTooLong" }),
  email,
  employeeNo: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]{1,20}$/, { error: "admin:err.employeeNo" }),
  teamId: z.union([z.literal(""), idField("admin:err.team")]).transform((v) => (v === "" ? null : v)),
  grade: z.enum(GRADES, { error: "admin:err.grade" }),
  roles: rolesSchema,
  password: newPasswordSchema,
});

export type CreateUserInput = z.infer<typeof createUserSchema>;

export const userSearchSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  role: z.enum(ROLES).optional().catch(undefined),
});

export const userActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("roles"), roles: rolesSchema }),
  z.object({ intent: z.literal("deactivate") }),
  z.object({ intent: z.literal("reactivate") }),
  z.object({ intent: z.literal("password"), password: newPasswordSchema }),
]);
