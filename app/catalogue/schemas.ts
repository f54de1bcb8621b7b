// Query and form schemas of the catalogue pages.
import { z } from "zod";
import { AREAS, COMPETENCY_IDS, GRADES } from "~/content/competencies";

// Unknown filter values are ignored rather than rejected: a hand-edited URL still shows a page.
const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(
    (v) => (typeof v === "string" && (values as readonly string[]).includes(v) ? v : undefined),
    z.enum(values).optional(),
  );

export const catalogueQuerySchema = z.object({
  q: z.preprocess((v) => (typeof v === "string" ? v.trim().slice(0, 200) : ""), z.string()),
  series: z.preprocess(
    (v) => (typeof v === "string" && /^[a-z0-9-]{1,80}$/.test(v) ? v : undefined),
    z.string().optional(),
  ),
  area: optionalEnum(AREAS),
  competency: optionalEnum(COMPETENCY_IDS),
  duration: optionalEnum(["15", "30", "60", "long"] as const),
  grade: optionalEnum(GRADES),
  status: optionalEnum(["accepted", "trial", "draft"] as const),
  page: z.preprocess((v) => {
    const n = Number(v);
    return Number.isInteger(n) && n > 0 ? Math.min(n, 100_000) : 1;
  }, z.number()),
});
export type CatalogueFilters = z.infer<typeof catalogueQuerySchema>;

export const slugParam = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  .max(120);
