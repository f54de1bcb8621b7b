// Small engine-aware SQL pieces for the raw queries that differ between SQLite and PostgreSQL
// (decision 051). Raw SQL quotes every table and column name ("User"."teamId"): PostgreSQL folds
// unquoted names to lower case, SQLite accepts either, so one text serves both.
import { Prisma } from "~/generated/prisma/client";
import { dbEngine } from "../db.server";

export function onPostgres(): boolean {
  return dbEngine() === "postgres";
}

/** The values of expr joined with commas, one string per group. */
export function groupConcat(expr: Prisma.Sql): Prisma.Sql {
  return onPostgres() ? Prisma.sql`string_agg(${expr}, ',')` : Prisma.sql`group_concat(${expr})`;
}

/** The larger of two values (SQLite's scalar max; GREATEST on PostgreSQL, which skips NULLs). */
export function greatest(a: Prisma.Sql, b: Prisma.Sql): Prisma.Sql {
  return onPostgres() ? Prisma.sql`GREATEST(${a}, ${b})` : Prisma.sql`max(${a}, ${b})`;
}

/**
 * The local day ("YYYY-MM-DD") of the instant `at` moved on by `months` (an integer column,
 * NULL gives NULL), in a zone `offsetMinutes` ahead of UTC. Months are added before the offset
 * on both engines, so the two agree on the day.
 */
export function localDayAfterMonths(at: Prisma.Sql, months: Prisma.Sql, offsetMinutes: number): Prisma.Sql {
  if (onPostgres()) {
    return Prisma.sql`to_char(${at} + make_interval(months => ${months}) + make_interval(mins => ${offsetMinutes}::int), 'YYYY-MM-DD')`;
  }
  const offset = `${offsetMinutes >= 0 ? "+" : ""}${offsetMinutes} minutes`;
  return Prisma.sql`date(${at}, '+' || ${months} || ' months', ${offset})`;
}

/** A JSON array of the values (one per row, packed by jsonRows). */
export function jsonArray(values: Prisma.Sql[]): Prisma.Sql {
  const list = Prisma.join(values, ", ");
  return onPostgres() ? Prisma.sql`json_build_array(${list})` : Prisma.sql`json_array(${list})`;
}

/** The JSON values of a column `expr` gathered into one JSON array. */
export function jsonRows(expr: Prisma.Sql): Prisma.Sql {
  return onPostgres() ? Prisma.sql`json_agg(${expr})` : Prisma.sql`json_group_array(json(${expr}))`;
}

/** A packed JSON value as read back: SQLite hands over its text, PostgreSQL's driver the parsed value. */
export function parseJson<T>(value: unknown, empty: T): T {
  if (value === null || value === undefined) return empty;
  return (typeof value === "string" ? JSON.parse(value) : value) as T;
}

/** A DateTime column read by raw SQL as ISO text: SQLite stores text, PostgreSQL's driver gives a Date. */
export function instantText(value: unknown): string {
  return value instanceof Date ? value.toISOString() : String(value);
}

/** Statements written with `?` parameters (shared with the SQLite bench): PostgreSQL numbers them ($1, $2, …). */
export function withPgParams(sql: string): string {
  let n = 0;
  return onPostgres() ? sql.replace(/\?/g, () => `$${++n}`) : sql;
}
