// Configuration from the environment: one schema with the defaults of README's configuration
// table, checked once on first use (the server and the scripts use it at start), so a wrong
// value stops the process with the variable's name instead of being silently replaced.
import { z } from "zod";
import { trustedHops } from "~/auth/client-ip";
import { DEFAULT_TIME_ZONE, isTimeZone } from "./clock";

const hours = (fallback: number) =>
  z.coerce.number({ error: "must be a number of hours" }).positive("must be more than 0 hours").default(fallback);

export const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/)/i, "must be a SQLite file URL, file:<path>, or postgresql://…")
    .default("file:./data/weike.db"),
  PORT: z.coerce
    .number({ error: "must be a port number" })
    .int("must be a whole number")
    .min(0, "must be between 0 and 65535 (0: any free port)")
    .max(65535, "must be between 0 and 65535 (0: any free port)")
    .default(3000),
  CONTENT_DIR: z.string().default("./content"),
  SESSION_IDLE_HOURS: hours(8),
  SESSION_ABSOLUTE_HOURS: hours(24 * 7),
  // How many reverse proxies in front of the server may be believed about the client's address.
  TRUST_PROXY: z
    .string()
    .regex(/^(\d{1,2}|true)$/i, "must be the number of trusted reverse proxies (0, 1, 2 …)")
    .default("0")
    .transform((v) => trustedHops(v)),
  ALLOWED_ORIGINS: z
    .string()
    .default("")
    .transform((v) =>
      v
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  WEIKE_BUILD_DIR: z.string().default("build"),
  WEIKE_BACKUP_DIR: z.string().optional(),
  WEIKE_BACKUP_KEEP: z.coerce.number({ error: "must be a number" }).int("must be a whole number").min(1).default(7),
  WEIKE_BACKUP_INTERVAL_HOURS: z.coerce.number({ error: "must be a number of hours" }).min(0).default(24),
  WEIKE_SHUTDOWN_GRACE_SECONDS: z.coerce.number({ error: "must be a number of seconds" }).min(0).default(10),
  // The centre's IANA time zone: days and months are cut there.
  WEIKE_TIME_ZONE: z
    .string()
    .default(DEFAULT_TIME_ZONE)
    .refine(isTimeZone, "must be an IANA time zone such as Asia/Shanghai"),
  // Length of a competency self-assessment period in months, counted from January (3: quarters).
  WEIKE_SELF_ASSESSMENT_MONTHS: z
    .enum(["1", "2", "3", "4", "6", "12"], { error: "must be 1, 2, 3, 4, 6 or 12 (months that divide a year)" })
    .default("3")
    .transform(Number),
  // Set only by `npm run bench` (bench/run.ts): the bare comparison page exists only then.
  WEIKE_BENCH_BASELINE: z
    .enum(["0", "1"], { error: "must be 1 (on) or 0 (off)" })
    .default("0")
    .transform((v) => v === "1"),
  // 1: pages and data answers carry a Server-Timing header (loader and render time; bench/README.md).
  WEIKE_SERVER_TIMING: z
    .enum(["0", "1"], { error: "must be 1 (on) or 0 (off)" })
    .default("0")
    .transform((v) => v === "1"),
  npm_package_version: z.string().default("0.1.0"),
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  override name = "EnvError";
}

/** Parses an environment; an empty variable counts as unset. Throws EnvError naming each bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const set = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = envSchema.safeParse(set);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const name = String(issue.path[0]);
    return `${name}=${JSON.stringify(set[name])}: ${issue.message}`;
  });
  throw new EnvError(`invalid environment variable${lines.length > 1 ? "s" : ""}: ${lines.join("; ")}`);
}

let cached: Env | undefined;

/** The configuration, parsed from process.env on first use. */
export function env(): Env {
  return (cached ??= parseEnv(process.env));
}

/** Forget the parsed configuration, for tests that change process.env. */
export function resetEnv(): void {
  cached = undefined;
}

export function databaseUrl(): string {
  return env().DATABASE_URL;
}

export function contentDir(): string {
  return env().CONTENT_DIR;
}

/** Inactivity timeout of a sign-in session, in ms (default 8 hours: one shift). */
export function sessionIdleMs(): number {
  return env().SESSION_IDLE_HOURS * 3600_000;
}

/** Absolute lifetime of a sign-in session, in ms (default 7 days). */
export function sessionAbsoluteMs(): number {
  return env().SESSION_ABSOLUTE_HOURS * 3600_000;
}

export function appVersion(): string {
  return env().npm_package_version;
}

/** The centre's IANA time zone (`WEIKE_TIME_ZONE`, default Asia/Shanghai): days and months are cut there. */
export function timeZone(): string {
  return env().WEIKE_TIME_ZONE;
}

/** Whether the bench's bare comparison page is served (only when the bench starts the server). */
export function benchBaselineOn(): boolean {
  return env().WEIKE_BENCH_BASELINE;
}

export function serverTimingOn(): boolean {
  return env().WEIKE_SERVER_TIMING;
}

/** Months in a competency self-assessment period (`WEIKE_SELF_ASSESSMENT_MONTHS`, default 3: a quarter). */
export function selfAssessmentMonths(): number {
  return env().WEIKE_SELF_ASSESSMENT_MONTHS;
}
