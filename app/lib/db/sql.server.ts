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

/**
 * A subquery of one column "value": the integers of a list bound as one JSON parameter, so a
 * long list (every person of a large team) costs one bound value, not one per id.
 */
export function intValues(values: readonly number[]): Prisma.Sql {
  const json = JSON.stringify(values);
  return onPostgres()
    ? Prisma.sql`SELECT "value"::int AS "value" FROM json_array_elements_text(${json}::json)`
    : Prisma.sql`SELECT "value" FROM json_each(${json})`;
}

function jsonKey(key: string): Prisma.Sql {
  if (!/^\w+$/.test(key)) throw new Error(`JSON key ${key} must be a plain word`);
  return Prisma.raw(key);
}

/** The member `key` of the JSON text in `expr` (NULL when absent or JSON null); PostgreSQL gives text. */
export function jsonField(expr: Prisma.Sql, key: string): Prisma.Sql {
  return onPostgres()
    ? Prisma.sql`((${expr})::json ->> '${jsonKey(key)}')`
    : Prisma.sql`json_extract(${expr}, '$.${jsonKey(key)}')`;
}

/**
 * A table-valued function for the FROM clause: one row ("key", "value") per member of the JSON
 * object at `key` of the JSON text in `expr` (PostgreSQL gives the values as text).
 */
export function jsonEntries(expr: Prisma.Sql, key: string): Prisma.Sql {
  return onPostgres()
    ? Prisma.sql`json_each_text((${expr})::json -> '${jsonKey(key)}')`
    : Prisma.sql`json_each(${expr}, '$.${jsonKey(key)}')`;
}
