// The audit page's filters as they travel in the URL: who, what, which object, which local days.
// A value the schema refuses is a 400 (parseQuery), never a silently widened search.
import { z } from "zod";
import { idSchema, localDaySchema, optionalField } from "~/lib/validation";
import { AUDIT_ACTION_NAMES, OBJECT_KINDS } from "./audit-actions";

/** Rows in one CSV export; a wider export must be narrowed with the filters. */
export const MAX_AUDIT_EXPORT = 10_000;

export const auditFilterSchema = z
  .object({
    actor: optionalField(idSchema),
    action: optionalField(z.enum(AUDIT_ACTION_NAMES as [string, ...string[]])),
    kind: optionalField(z.enum(OBJECT_KINDS)),
    object: optionalField(idSchema),
    from: optionalField(localDaySchema.pipe(z.string().max(10))),
    to: optionalField(localDaySchema.pipe(z.string().max(10))),
    page: optionalField(z.coerce.number().int().min(1).max(100_000)),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ["to"] });

export type AuditFilter = z.infer<typeof auditFilterSchema>;

/** The filter as URL parameters (without the page), for paging links and the CSV link. */
export function filterParams(f: AuditFilter): URLSearchParams {
  const p = new URLSearchParams();
  for (const key of ["actor", "action", "kind", "object", "from", "to"] as const) {
    const v = f[key];
    if (v !== undefined) p.set(key, String(v));
  }
  return p;
}
