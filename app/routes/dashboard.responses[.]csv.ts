import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRouteAccess } from "~/auth/guards.server";
import type { RouteHandle } from "~/auth/route-access";
import { csvHeaders } from "~/lib/csv";
import { detectLocale } from "~/lib/i18n/locale";
import { parseDashboardQuery } from "~/surveys/dashboard-query";
import { scopeFilter } from "~/surveys/dashboard.server";
import { responsesCsvStream } from "~/surveys/export.server";

export const handle = { route: "/dashboard/responses.csv" } satisfies RouteHandle;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRouteAccess(request, handle);
  const query = parseDashboardQuery(new URL(request.url));
  const name = `survey-responses_${query.range.from}_${query.range.to}.csv`;
  return new Response(responsesCsvStream(scopeFilter(user, query), detectLocale(request)), {
    headers: csvHeaders(name),
  });
}
