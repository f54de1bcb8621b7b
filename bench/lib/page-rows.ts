// One page measured the same way in every scenario that sets a latency target: alone (1
// connection, the figure judged against the target) and under 10 connections (which must answer
// every request with a 2xx). A slow answer is latency, not an error: the wait per response is a
// minute, so an error row means the server refused or failed, and the statuses say which.
import type { BenchContext, BenchRow, LoadResult } from "./types";

export interface PageSpec {
  scenario: string;
  title: string;
  path: string;
  headers?: Record<string, string>;
  /** The 1-connection p95 target, ms. */
  p95Ms: number;
  /** Requests per load instead of BENCH_DURATION (for pages that take seconds under load). */
  amount?: number;
}

const TIMEOUT_SECONDS = 60;

/** "200:310" or "200:300 500:2": every status seen, so an error row says what it was. */
export function statuses(r: LoadResult): string {
  const parts = Object.entries(r.statusCounts).map(([code, n]) => `${code}:${n}`);
  if (r.errors > 0) parts.push(`no answer:${r.errors}`);
  return parts.join(" ");
}

export async function pageRows(ctx: BenchContext, spec: PageSpec): Promise<BenchRow[]> {
  const common = { path: spec.path, headers: spec.headers, timeout: TIMEOUT_SECONDS, amount: spec.amount };
  const alone = await ctx.load({ ...common, title: `${spec.title} (1 connection)`, connections: 1 });
  const busy = await ctx.load({
    ...common,
    title: `${spec.title} (10 connections)`,
    connections: 10,
    amount: spec.amount && spec.amount * 2,
  });
  // A load that got no answer at all within its time proves nothing: it counts as a failure.
  const failures = (r: LoadResult) => (r.requests === 0 && r.errors === 0 ? 1 : r.errors + r.non2xx);
  return [
    ctx.row(spec.scenario, alone, {
      target: `p95 ≤ ${spec.p95Ms} ms, 0 errors`,
      pass: alone.p95 <= spec.p95Ms && failures(alone) === 0,
      figures: { statuses: statuses(alone) },
    }),
    ctx.row(spec.scenario, busy, {
      target: "0 errors",
      pass: failures(busy) === 0,
      figures: { statuses: statuses(busy) },
    }),
  ];
}
