// Multi-row INSERTs in plain SQL, for writes of a thousand rows at once (a cold content sync).
// Prisma's createMany and createManyAndReturn spent more CPU preparing such a batch than the
// database spent storing it: about 1.6 s for 1,000 small Course rows against 0.1 s this way.
// Each statement stays under SQLite's oldest bound-parameter limit (999), which also keeps far
// below PostgreSQL's (65,535). Names are quoted, so one text serves both engines (decision 051).
import type { Tx } from "../db.server";
import { withPgParams } from "./sql.server";

export const MAX_BOUND_PARAMETERS = 999;

/** Row values in the order of `columns`; a Date is stored as Prisma stores a DateTime. */
export type RowValues = readonly unknown[];

function insertSql(table: string, columns: readonly string[], rowCount: number, returning: readonly string[]): string {
  const row = `(${columns.map(() => "?").join(", ")})`;
  const back = returning.length ? ` RETURNING ${returning.map((c) => `"${c}"`).join(", ")}` : "";
  return withPgParams(
    `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES ${Array(rowCount).fill(row).join(", ")}${back}`,
  );
}

/** How many rows of `columnCount` values fit in one statement. */
export function rowsPerStatement(columnCount: number): number {
  return Math.max(1, Math.floor(MAX_BOUND_PARAMETERS / columnCount));
}

/** Inserts the rows, a statement per chunk; with `returning`, gives back those columns of every row. */
export async function insertRows<R = never>(
  tx: Tx,
  table: string,
  columns: readonly string[],
  rows: readonly RowValues[],
  returning: readonly string[] = [],
): Promise<R[]> {
  const out: R[] = [];
  const size = rowsPerStatement(columns.length);
  for (let i = 0; i < rows.length; i += size) {
    const chunk = rows.slice(i, i + size);
    const params = chunk.flatMap((r) => {
      if (r.length !== columns.length)
        throw new Error(`insertRows: ${r.length} values for ${columns.length} columns of ${table}`);
      return r;
    });
    const sql = insertSql(table, columns, chunk.length, returning);
    if (returning.length) out.push(...(await tx.$queryRawUnsafe<R[]>(sql, ...params)));
    else await tx.$executeRawUnsafe(sql, ...params);
  }
  return out;
}
