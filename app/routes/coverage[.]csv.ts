import type { LoaderFunctionArgs } from "@remix-run/node";
import { coverageCsv, coverageTeams } from "~/assignments/coverage-view.server";
import { coverage } from "~/assignments/coverage.server";
import { coverageQuery } from "~/assignments/schemas";
import { requireRouteAccess } from "~/auth/guards.server";
import type { RouteHandle } from "~/auth/route-access";
import { csvResponse } from "~/lib/csv";
import { orErrorPage } from "~/lib/errors.server";
import { detectLocale } from "~/lib/i18n/locale";
import { parseQuery } from "~/lib/query.server";

export const handle = { route: "/coverage.csv" } satisfies RouteHandle;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRouteAccess(request, handle);
  const q = parseQuery(request, coverageQuery);
  const { teamIds } = await orErrorPage(() => coverageTeams(user, q.team));
  const cells = await coverage({ ...q, teamIds, assignedOnly: q.assigned === "1" });
  return csvResponse(coverageCsv(cells, detectLocale(request)), "coverage.csv");
}
