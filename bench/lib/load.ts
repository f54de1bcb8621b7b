import autocannon from "autocannon";
import type { LoadOptions, LoadResult } from "./types";

export function defaultDuration(): number {
  const n = Number(process.env.BENCH_DURATION);
  return Number.isFinite(n) && n > 0 ? n : 10;
}

export async function runLoad(baseUrl: string, opts: LoadOptions): Promise<LoadResult> {
  const method = opts.method ?? "GET";
  const headers: Record<string, string> = { ...opts.headers };
  if (method !== "GET") {
    headers.origin = baseUrl;
    headers["content-type"] = "application/x-www-form-urlencoded";
  }
  const formBody = (f: Record<string, string>) => new URLSearchParams(f).toString();
  const statusCounts: Record<string, number> = {};
  const instance = autocannon({
    url: baseUrl + opts.path,
    method,
    headers,
    connections: opts.connections ?? 25,
    ...(opts.timeout ? { timeout: opts.timeout } : {}),
    ...(opts.amount ? { amount: opts.amount } : { duration: opts.duration ?? defaultDuration() }),
    body: typeof opts.form === "object" ? formBody(opts.form) : undefined,
    requests:
      typeof opts.form === "function"
        ? [
            {
              setupRequest: (req: Record<string, unknown>) => ({
                ...req,
                body: formBody((opts.form as () => Record<string, string>)()),
              }),
            },
          ]
        : undefined,
  } as autocannon.Options) as unknown as autocannon.Instance;
  const latencies: number[] = [];
  instance.on("response", (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    statusCounts[statusCode] = (statusCounts[statusCode] ?? 0) + 1;
    latencies.push(responseTime);
  });
  const result: autocannon.Result = await new Promise((resolve, reject) => {
    instance.on("done", resolve);
    instance.on("error", reject);
  });
  latencies.sort((a, b) => a - b);
  return {
    title: opts.title,
    requests: result.requests.total,
    reqPerSec: Math.round(result.requests.average),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    statusCounts,
  };
}

/** Nearest-rank percentile of sorted values, in ms with one decimal. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round((sorted[rank] ?? 0) * 10) / 10;
}
