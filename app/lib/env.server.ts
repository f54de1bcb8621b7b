// Configuration read from the environment, with the defaults DESIGN.md promises.
import { DEFAULT_TIME_ZONE, isTimeZone } from "./clock";

export function databaseUrl(): string {
  return process.env.DATABASE_URL || "file:./data/weike.db";
}

export function contentDir(): string {
  return process.env.CONTENT_DIR || "./content";
}

function hours(name: string, fallback: number): number {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

/** Inactivity timeout of a sign-in session, in ms (default 8 hours: one shift). */
export function sessionIdleMs(): number {
  return hours("SESSION_IDLE_HOURS", 8) * 3600_000;
}

/** Absolute lifetime of a sign-in session, in ms (default 7 days). */
export function sessionAbsoluteMs(): number {
  return hours("SESSION_ABSOLUTE_HOURS", 24 * 7) * 3600_000;
}

export function appVersion(): string {
  return process.env.npm_package_version || "0.1.0";
}

/** The centre's IANA time zone (`WEIKE_TIME_ZONE`, default Asia/Shanghai): days and months are cut there. */
export function timeZone(): string {
  const name = process.env.WEIKE_TIME_ZONE || DEFAULT_TIME_ZONE;
  if (!isTimeZone(name)) throw new Error(`WEIKE_TIME_ZONE: unknown time zone "${name}"`);
  return name;
}
