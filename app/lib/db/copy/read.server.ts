// Reading a table page by page in primary-key order (keyset paging: each page starts after the
// last key seen), and the per-table checksum over the canonical rows.
import { createHash } from "node:crypto";
import { canonicalRow, type Column } from "./canonical";
import { q, SEARCH_TABLE, type Conn, type Row, type TableInfo } from "./connection.server";

/** The search table as each engine has it: FTS5's rowid on SQLite, a plain id column on PostgreSQL. */
export function searchTable(): TableInfo {
  const text = (name: string): Column => ({ name, kind: "other", text: true });
  return {
    name: SEARCH_TABLE,
    columns: [{ name: "id", kind: "other", text: false }, text("title"), text("summary"), text("body")],
    key: ["id"],
    references: [],
  };
}

export async function searchTableExists(conn: Conn): Promise<boolean> {
  if (conn.engine === "postgres") return true; // made by a migration
  return (await conn.query(`SELECT 1 FROM sqlite_master WHERE name = ?`, [SEARCH_TABLE])).length > 0;
}

function expr(conn: Conn, table: TableInfo, column: string): string {
  if (conn.engine === "sqlite" && table.name === SEARCH_TABLE && column === "id") return "rowid";
  return q(column);
}

function orderExpr(conn: Conn, table: TableInfo, column: string): string {
  const col = table.columns.find((c) => c.name === column);
  // Byte order on both engines: SQLite's BINARY collation, PostgreSQL's "C".
  return conn.engine === "postgres" && col?.text ? `${q(column)} COLLATE "C"` : expr(conn, table, column);
}

/** Pages of rows in key order; only one page is in memory at a time. */
export async function* pages(conn: Conn, table: TableInfo, size: number): AsyncGenerator<Row[]> {
  const select = table.columns.map((c) => `${expr(conn, table, c.name)} AS ${q(c.name)}`).join(", ");
  const keys = table.key.map((k) => orderExpr(conn, table, k));
  const order = keys.join(", ");
  let last: unknown[] | null = null;
  for (;;) {
    const where = last ? `WHERE (${keys.join(", ")}) > (${keys.map(() => "?").join(", ")})` : "";
    const rows = await conn.query(
      `SELECT ${select} FROM ${q(table.name)} ${where} ORDER BY ${order} LIMIT ${size}`,
      last ?? [],
    );
    if (!rows.length) return;
    yield rows;
    if (rows.length < size) return;
    const end = rows[rows.length - 1] as Row;
    last = table.key.map((k) => end[k]);
  }
}

export async function countRows(conn: Conn, table: TableInfo): Promise<number> {
  const [row] = await conn.query(`SELECT COUNT(*) AS n FROM ${q(table.name)}`);
  return Number(row?.n ?? 0);
}

/** Row count and SHA-256 over the canonical rows in key order; `order` fixes the column order. */
export async function checksum(conn: Conn, table: TableInfo, order: string[]): Promise<{ rows: number; sha: string }> {
  const byName = new Map(table.columns.map((c) => [c.name, c]));
  const columns = order.map((n) => byName.get(n) ?? { name: n, kind: "other" as const, text: false });
  const hash = createHash("sha256");
  let rows = 0;
  for await (const page of pages(conn, table, 1000)) {
    for (const row of page) hash.update(`${canonicalRow(columns, row)}\n`);
    rows += page.length;
  }
  return { rows, sha: hash.digest("hex") };
}
