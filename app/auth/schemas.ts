import { z } from "zod";

export const loginSchema = z.object({
  email: z
    .string({ error: "auth:login.emailRequired" })
    .trim()
    .min(1, { error: "auth:login.emailRequired" })
    .max(254, { error: "auth:login.emailTooLong" })
    .pipe(z.email({ error: "auth:login.emailInvalid" })),
  password: z
    .string({ error: "auth:login.passwordRequired" })
    .min(1, { error: "auth:login.passwordRequired" })
    .max(256, { error: "auth:login.passwordTooLong" }),
  redirectTo: z.string().max(2000).optional(),
});

export const PASSWORD_MIN = 10;

export const newPasswordSchema = z
  .string({ error: "auth:password.tooShort" })
  .min(PASSWORD_MIN, { error: "auth:password.tooShort" })
  .max(256, { error: "auth:login.passwordTooLong" });

export const changePasswordSchema = z
  .object({
    current: z
      .string()
      .min(1, { error: "auth:login.passwordRequired" })
      .max(256, { error: "auth:login.passwordTooLong" }),
    next: newPasswordSchema,
    confirm: z.string().max(256, { error: "auth:login.passwordTooLong" }),
  })
  .refine((v) => v.next === v.confirm, { path: ["confirm"], error: "auth:password.mismatch" });
