import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireRouteAccess } from "~/auth/guards.server";
import type { RouteHandle } from "~/auth/route-access";
import { examKeyHeader, readinessCsv } from "~/exams/csv.server";
import { bankTitles } from "~/exams/overview.server";
import { readinessScope } from "~/exams/readiness-scope.server";
import { teamCohort } from "~/exams/readiness.server";
import { csvResponse } from "~/lib/csv";
import { orErrorPage } from "~/lib/errors.server";
import { detectLocale } from "~/lib/i18n/locale";
import { parseQuery } from "~/lib/query.server";
import { idSchema, optionalField } from "~/lib/validation";

export const handle = { route: "/exams/readiness.csv" } satisfies RouteHandle;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRouteAccess(request, handle);
  const requested = parseQuery(request, z.object({ team: optionalField(idSchema) })).team ?? null;
  const { teamId } = await orErrorPage(() => readinessScope(user, requested));
  const locale = detectLocale(request);
  const cohort = await teamCohort(teamId);
  const csv = readinessCsv(cohort, locale, examKeyHeader(await bankTitles(), locale));
  return csvResponse(csv, `readiness${teamId ? `-team-${teamId}` : ""}.csv`);
}
