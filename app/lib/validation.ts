// One zod schema per form, shared by server and client. Schema messages are i18n keys
// ("ns:key"), so errors are translated where they are shown.
import { z } from "zod";
import { isLocalDay } from "./clock";

/**
 * A database id from a URL, query or form: decimal digits only ("1e3", "0x10", "-1", "1.5" are
 * refused), positive, and within Prisma's Int column (32-bit) — so a safe integer that a query can
 * take without failing.
 */
export const MAX_ID = 2_147_483_647;
export function idField(error?: string) {
  const e = error ? { error } : undefined;
  const digits = z
    .string(e)
    .trim()
    .regex(/^\d{1,10}$/, e)
    .transform(Number);
  return z.union([z.number(e), digits], e).pipe(z.number(e).int(e).positive(e).max(MAX_ID, e));
}

export const idSchema = idField();

/** Field names whose values are never echoed back (admin and account password fields). */
const SECRET_FIELD = /pass/i;

export type FieldErrors = Record<string, string>;

export type ParseResult<T> =
  { success: true; data: T } | { success: false; errors: FieldErrors; values: Record<string, string> };

export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !(key in values)) values[key] = value;
  }
  return values;
}

/** Parses a form; repeated fields (checkbox groups) arrive as arrays. */
export function parseForm<S extends z.ZodType>(
  schema: S,
  formData: FormData,
  arrays: string[] = [],
): ParseResult<z.infer<S>> {
  const input: Record<string, unknown> = formValues(formData);
  for (const name of arrays) input[name] = formData.getAll(name).filter((v): v is string => typeof v === "string");
  return parseInput(schema, input);
}

export function parseInput<S extends z.ZodType>(schema: S, input: Record<string, unknown>): ParseResult<z.infer<S>> {
  const result = schema.safeParse(input);
  if (result.success) return { success: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "_form");
    if (!errors[field]) errors[field] = issue.message.includes(":") ? issue.message : "common:form.invalid";
  }
  // Values go back to the re-rendered form; a typed password never does.
  const values = Object.fromEntries(
    Object.entries(input).filter(([k, v]) => typeof v === "string" && !SECRET_FIELD.test(k)),
  ) as Record<string, string>;
  return { success: false, errors, values };
}

/** The query's values; NUL characters are dropped (never meaningful, and PostgreSQL refuses them in text). */
export function searchParamsObject(url: URL): Record<string, string> {
  return Object.fromEntries([...url.searchParams.entries()].map(([k, v]) => [k, v.replaceAll("\u0000", "")]));
}

/** A real calendar day "YYYY-MM-DD" from a query or form (2026-02-30 and 2026-13-01 are refused). */
export const localDaySchema = z.string().trim().refine(isLocalDay, { error: "common:form.invalid" });

/** An optional query or form value: absent or empty is undefined, anything else must pass. */
export function optionalField<S extends z.ZodType>(schema: S) {
  return z.union([z.literal("").transform(() => undefined), schema]).optional();
}
