export interface LoadOptions {
  title: string;
  path: string;
  method?: "GET" | "POST";
  /** Form body for POST (URL-encoded), or a function giving a fresh body per request. */
  form?: Record<string, string> | (() => Record<string, string>);
  headers?: Record<string, string>;
  connections?: number;
  /** Seconds; default BENCH_DURATION or 10. */
  duration?: number;
  /** Stop after this many requests instead of a duration. */
  amount?: number;
  /** Seconds to wait for one response before counting it an error; default autocannon's 10. */
  timeout?: number;
}

export interface LoadResult {
  title: string;
  requests: number;
  reqPerSec: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  non2xx: number;
  statusCounts: Record<string, number>;
}

export interface BenchRow {
  scenario: string;
  name: string;
  reqPerSec?: number;
  p50?: number;
  p95?: number;
  p99?: number;
  errors?: number;
  /** Throughput relative to the bare baseline page of the same run. */
  ratio?: number;
  /** Any other measured figure (ms, counts, MB…), named. */
  figures?: Record<string, number | string>;
  target?: string;
  pass?: boolean;
  /** Added to every row of a result file: the database engine and the number of app instances. */
  engine?: "sqlite" | "postgres";
  instances?: number;
}

export interface BenchContext {
  baseUrl: string;
  dbFile: string;
  tmpDir: string;
  /** A session cookie header value for a seeded user ("weike_session=…"). */
  cookieFor(email: string): string;
  load(opts: LoadOptions): Promise<LoadResult>;
  /** The bare baseline page's result in this run. */
  baseline(): LoadResult;
  /** Peak resident memory of the server process so far, MB. */
  peakRssMb(): number;
  /** The server process's resident memory now, MB (a scenario samples its own peak). */
  rssMb(): number;
  /** Turns a load result into a table row (with the ratio to baseline). */
  row(scenario: string, result: LoadResult, extra?: Partial<BenchRow>): BenchRow;
}

export interface Scenario {
  name: string;
  /** Extra environment for the server (e.g. CONTENT_DIR), given the bench's temp folder. */
  env?(tmpDir: string): Record<string, string>;
  /** Runs before the server starts: generate data into the database file or temp folder. */
  prepare?(ctx: { dbFile: string; tmpDir: string }): Promise<void>;
  run(ctx: BenchContext): Promise<BenchRow[]>;
}
