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
