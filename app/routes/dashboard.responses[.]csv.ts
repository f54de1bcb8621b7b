import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/auth/guards.server";
import { csvHeaders } from "~/lib/csv";
import { detectLocale } from "~/lib/i18n/locale";
import { parseDashboardQuery } from "~/surveys/dashboard-query";
import { scopeFilter } from "~/surveys/dashboard.server";
import { responsesCsvStream } from "~/surveys/export.server";

export const handle = { access: ["TRAINER", "HR", "ADMIN"] };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "TRAINER", "HR", "ADMIN");
  const query = parseDashboardQuery(new URL(request.url));
  const name = `survey-responses_${query.range.from}_${query.range.to}.csv`;
  return new Response(responsesCsvStream(scopeFilter(user, query), detectLocale(request)), {
    headers: csvHeaders(name),
  });
}
