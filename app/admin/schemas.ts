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

const profileFields = {
  name: z.string().trim().min(1, { error: "admin:err.nameRequired" }).max(80, { error: "admin:err.nameTooLong" }),
  email,
  employeeNo: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]{1,20}$/, { error: "admin:err.employeeNo" }),
  teamId: z.union([z.literal(""), idField("admin:err.team")]).transform((v) => (v === "" ? null : v)),
  grade: z.enum(GRADES, { error: "admin:err.grade" }),
};

export const createUserSchema = z.object({
  ...profileFields,
  roles: rolesSchema,
  password: newPasswordSchema,
});

/** The fields an administrator edits on a user's page. */
export const profileSchema = z.object(profileFields);
export type ProfileInput = z.infer<typeof profileSchema>;

export type CreateUserInput = z.infer<typeof createUserSchema>;

export const userSearchSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  role: z.enum(ROLES).optional().catch(undefined),
});

export const userActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("roles"), roles: rolesSchema }),
  z.object({ intent: z.literal("profile"), ...profileFields }),
  // Deactivating takes two steps: the first asks, the second (confirm=yes) does it.
  z.object({ intent: z.literal("deactivate"), confirm: z.literal("yes").optional().catch(undefined) }),
  z.object({ intent: z.literal("reactivate") }),
  z.object({ intent: z.literal("password"), password: newPasswordSchema }),
]);

const teamName = z
  .string()
  .trim()
  .min(1, { error: "admin:teams.err.nameRequired" })
  .max(60, { error: "admin:teams.err.nameTooLong" });

export const newTeamSchema = z.object({ name: teamName });

export const teamActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("rename"), name: teamName }),
  z.object({
    intent: z.literal("lead"),
    leadId: z.union([z.literal(""), idField("admin:teams.err.notLead")]).transform((v) => (v === "" ? null : v)),
  }),
  z.object({ intent: z.literal("add"), userId: idField("admin:teams.err.noUser") }),
  z.object({ intent: z.literal("remove"), userId: idField("admin:teams.err.noUser") }),
]);

/** The second step of an import: the file's text, carried by the preview page. */
export const importConfirmSchema = z.object({
  csv: z
    .string()
    .min(1)
    .max(1024 * 1024),
});
