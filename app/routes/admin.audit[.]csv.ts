import type { LoaderFunctionArgs } from "@remix-run/node";
import { auditCsv } from "~/admin/audit-csv.server";
import { auditFilterSchema } from "~/admin/audit-filter";
import { requireRouteAccess } from "~/auth/guards.server";
import type { RouteHandle } from "~/auth/route-access";
import { csvResponse } from "~/lib/csv";
import { detectLocale } from "~/lib/i18n/locale";
import { parseQuery } from "~/lib/query.server";

export const handle = { route: "/admin/audit.csv" } satisfies RouteHandle;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRouteAccess(request, handle);
  const filter = parseQuery(request, auditFilterSchema);
  const csv = await auditCsv(filter, detectLocale(request));
  return csvResponse(csv.body, csv.filename);
}
