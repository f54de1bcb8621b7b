// The assign form and the coverage filters, parsed by one zod schema each.
import { z } from "zod";
import { AREAS } from "~/content/competencies";
import { idSchema, localDaySchema, optionalField } from "~/lib/validation";
import { MAX_REFRESH_MONTHS } from "./rules";

const target = z
  .string({ error: "assignments:err.target" })
  .regex(/^(course|series):\d{1,10}$/, { error: "assignments:err.target" })
  .transform((v) => {
    const [kind, id] = v.split(":") as ["course" | "series", string];
    return { kind, id: Number(id) };
  });

export const assignSchema = z.object({
  target,
  people: z.array(idSchema).max(2000).default([]),
  teams: z.array(idSchema).max(200).default([]),
  dueDay: localDaySchema,
  refresh: optionalField(
    z
      .string()
      .regex(/^\d{1,3}$/, { error: "assignments:err.refresh" })
      .transform(Number)
      .pipe(
        z
          .number()
          .int()
          .min(1, { error: "assignments:err.refresh" })
          .max(MAX_REFRESH_MONTHS, { error: "assignments:err.refresh" }),
      ),
  ),
});

export const withdrawSchema = z.object({ id: idSchema });

export const coverageQuery = z.object({
  team: optionalField(idSchema),
  area: optionalField(z.enum(AREAS)),
  series: optionalField(idSchema),
  from: optionalField(localDaySchema),
  to: optionalField(localDaySchema),
  assigned: optionalField(z.literal("1")),
  cellTeam: optionalField(idSchema),
  cellCourse: optionalField(idSchema),
});
