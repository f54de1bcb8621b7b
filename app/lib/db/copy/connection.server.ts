// The two engines behind one small interface for db:copy: queries with "?" placeholders, the
// schema's tables, columns, keys and references. Plain drivers (better-sqlite3, pg), not Prisma:
// the copy pages through every table and must not hold one in memory.
import Database from "better-sqlite3";
import pg from "pg";
import { engineOf } from "../engine";
import { sqliteFilePath } from "../migrations.server";
import { columnKind, isTextType, type Column } from "./canonical";

export type Engine = "sqlite" | "postgres";
export type Row = Record<string, unknown>;

export interface TableInfo {
  name: string;
  columns: Column[];
  /** Primary-key columns; every column when the table has none (a many-to-many link table). */
  key: string[];
  references: string[];
}

export interface Conn {
  engine: Engine;
  query(sql: string, params?: unknown[]): Promise<Row[]>;
  run(sql: string, params?: unknown[]): Promise<void>;
  tables(): Promise<TableInfo[]>;
  close(): Promise<void>;
}

/** The search table lives outside prisma/schema on both engines (decision 051); handled apart. */
export const SEARCH_TABLE = "course_search";
const NOT_COPIED = /^(sqlite_|_prisma_migrations$|course_search)/;

export const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function connect(url: string): Promise<Conn> {
  return engineOf(url) === "postgres" ? connectPostgres(url) : connectSqlite(url);
}

function connectSqlite(url: string): Conn {
  const raw = new Database(sqliteFilePath(url));
  raw.pragma("busy_timeout = 5000");
  return {
    engine: "sqlite",
    query: async (sql, params = []) => raw.prepare(sql).all(...params) as Row[],
    run: async (sql, params = []) => {
      if (params.length) raw.prepare(sql).run(...params);
      else raw.exec(sql);
    },
    tables: async () => {
      const names = raw
        .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)
        .all()
        .map((r) => (r as { name: string }).name)
        .filter((n) => !NOT_COPIED.test(n));
      return names.map((name) => {
        const cols = raw.prepare(`SELECT name, type, pk FROM pragma_table_info(?) ORDER BY cid`).all(name) as {
          name: string;
          type: string;
          pk: number;
        }[];
        const refs = raw.prepare(`SELECT DISTINCT "table" AS t FROM pragma_foreign_key_list(?)`).all(name) as {
          t: string;
        }[];
        const pk = cols.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
        return {
          name,
          columns: cols.map((c) => ({ name: c.name, kind: columnKind(c.type), text: isTextType(c.type) })),
          key: (pk.length ? pk : cols).map((c) => c.name),
          references: refs.map((r) => r.t),
        };
      });
    },
    close: async () => {
      raw.close();
    },
  };
}

async function connectPostgres(url: string): Promise<Conn> {
  // Timestamps stay text: "without time zone" parsed by the driver would be read as local time.
  const types = {
    getTypeParser: (oid: number, format?: "text" | "binary") =>
      oid === 1114 || oid === 1184 ? (s: string) => s : pg.types.getTypeParser(oid, format),
  };
  const client = new pg.Client({ connectionString: url, types });
  await client.connect();
  const numbered = (sql: string) => {
    let i = 0;
    return sql.replace(/\?/g, () => `$${++i}`);
  };
  const query = async (sql: string, params: unknown[] = []) =>
    (await client.query(numbered(sql), params)).rows as Row[];
  return {
    engine: "postgres",
    query,
    run: async (sql, params = []) => {
      await client.query(numbered(sql), params);
    },
    tables: async () => {
      const names = (
        await query(
          `SELECT table_name AS name FROM information_schema.tables
           WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
        )
      )
        .map((r) => String(r.name))
        .filter((n) => !NOT_COPIED.test(n));
      const out: TableInfo[] = [];
      for (const name of names) {
        const cols = await query(
          `SELECT column_name AS name, data_type AS type FROM information_schema.columns
           WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position`,
          [name],
        );
        const pk = await query(
          `SELECT a.attname AS name FROM pg_index i
           JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
           WHERE i.indrelid = ?::regclass AND i.indisprimary ORDER BY array_position(i.indkey, a.attnum)`,
          [q(name)],
        );
        const refs = await query(
          `SELECT DISTINCT confrelid::regclass::text AS t FROM pg_constraint WHERE conrelid = ?::regclass AND contype = 'f'`,
          [q(name)],
        );
        out.push({
          name,
          columns: cols.map((c) => ({
            name: String(c.name),
            kind: columnKind(String(c.type)),
            text: isTextType(String(c.type)),
          })),
          key: (pk.length ? pk : cols).map((c) => String(c.name)),
          references: refs.map((r) => String(r.t).replace(/^"|"$/g, "")),
        });
      }
      return out;
    },
    close: () => client.end(),
  };
}
