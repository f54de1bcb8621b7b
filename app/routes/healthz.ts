import type { RouteHandle } from "~/auth/route-access";
import { healthReport } from "~/lib/health.server";

export const handle = { route: "/healthz" } satisfies RouteHandle;

export async function loader() {
  const report = await healthReport();
  return Response.json(report.body, { status: report.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
