// The dashboard's URL: every filter is a search parameter, so a view can be shared as a link.
import { z } from "zod";
import { idSchema } from "~/lib/validation";
import type { DashboardParams } from "./dashboard.server";
import { parseRange } from "./range";

const id = idSchema.optional().catch(undefined);
const querySchema = z.object({
  from: z.string().max(20).optional().catch(undefined),
  to: z.string().max(20).optional().catch(undefined),
  series: id,
  team: id,
  trainer: id,
  session: id,
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
  cpage: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
  area: z.enum(["business", "customer-service", "supporting"]).optional().catch(undefined),
});

/** Unknown or malformed filters are dropped rather than failing the page. */
export function parseDashboardQuery(url: URL, today = new Date()): DashboardParams {
  const q = querySchema.parse(Object.fromEntries(url.searchParams.entries()));
  return {
    range: parseRange(q.from ?? null, q.to ?? null, today),
    seriesId: q.series,
    teamId: q.team,
    trainerId: q.trainer,
    sessionId: q.session,
    page: q.page,
    commentPage: q.cpage,
    area: q.area,
  };
}

/** The search string that reproduces the view (used by the export links). */
export function dashboardSearch(p: DashboardParams): string {
  const s = new URLSearchParams({ from: p.range.from, to: p.range.to });
  if (p.seriesId) s.set("series", String(p.seriesId));
  if (p.area) s.set("area", p.area);
  if (p.teamId) s.set("team", String(p.teamId));
  if (p.trainerId) s.set("trainer", String(p.trainerId));
  if (p.sessionId) s.set("session", String(p.sessionId));
  return s.toString();
}
