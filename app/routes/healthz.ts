import { healthReport } from "~/lib/health.server";

export const handle = { access: "public" };

export async function loader() {
  const report = await healthReport();
  return Response.json(report.body, { status: report.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
