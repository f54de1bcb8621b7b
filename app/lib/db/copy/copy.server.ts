// db:copy: moves a whole deployment between databases of either engine, then proves the copy
// with per-table row counts and checksums (docs/decisions/053-db-copy.md).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { migrateUrl, SQLITE_MIGRATIONS_DIR } from "../migrate.server";
import { migrateDatabase } from "../migrations.server";
import { canonicalValue, dependencyOrder, toTargetValue } from "./canonical";
import { connect, q, SEARCH_TABLE, type Conn, type TableInfo } from "./connection.server";
import { checksum, countRows, pages, searchTable, searchTableExists } from "./read.server";

export class CopyRefused extends Error {}

export interface TableReport {
  table: string;
  sourceRows: number;
  targetRows: number;
  sourceSha: string;
  targetSha: string;
  ok: boolean;
}

export interface CopyOptions {
  replace?: boolean;
  log?: (line: string) => void;
  /** Rows per page read and per INSERT (capped by the engines' parameter limits). */
  batch?: number;
  /** Progress lines for tables longer than this. */
  progressEvery?: number;
}

// Kept in step with app/content/search-index.server.ts, which creates it lazily on SQLite.
const FTS_TABLE = `CREATE VIRTUAL TABLE IF NOT EXISTS course_search USING fts5(title, summary, body, tokenize = 'trigram')`;

async function schemaOf(conn: Conn): Promise<TableInfo[]> {
  const tables = await conn.tables();
  const order = dependencyOrder(
    tables.map((t) => t.name),
    new Map(tables.map((t) => [t.name, t.references])),
  );
  const byName = new Map(tables.map((t) => [t.name, t]));
  const ordered = order.map((n) => byName.get(n) as TableInfo);
  if (await searchTableExists(conn)) ordered.push(searchTable());
  return ordered;
}

function pairTables(source: TableInfo[], target: TableInfo[]): [TableInfo, TableInfo][] {
  const byName = new Map(target.map((t) => [t.name, t]));
  const missing = source.filter((t) => t.name !== SEARCH_TABLE && !byName.has(t.name)).map((t) => t.name);
  if (missing.length) {
    throw new CopyRefused(
      `the target lacks ${missing.join(", ")}: migrate the source with this version first (npm run db:migrate)`,
    );
  }
  return source.map((t) => [t, byName.get(t.name) ?? searchTable()]);
}

export async function copyDatabase(fromUrl: string, toUrl: string, opts: CopyOptions = {}): Promise<TableReport[]> {
  const log = opts.log ?? console.log;
  if (fromUrl === toUrl) throw new CopyRefused("source and target are the same database");
  const { applied } = await migrateUrl(toUrl);
  log(`[copy] target migrated (${applied.length} applied)`);
  const src = await connect(fromUrl);
  const dst = await connect(toUrl);
  try {
    if (dst.engine === "sqlite") await dst.run(FTS_TABLE);
    const pairs = pairTables(await schemaOf(src), await schemaOf(dst));
    const baseline = await referenceRows();
    const filled: string[] = [];
    for (const [, t] of pairs) if ((await countRows(dst, t)) > (baseline.get(t.name) ?? 0)) filled.push(t.name);
    if (filled.length && !opts.replace) {
      throw new CopyRefused(
        `the target is not empty (${filled.slice(0, 5).join(", ")}${filled.length > 5 ? ", …" : ""} have rows); pass --replace to empty it first`,
      );
    }
    await copyAll(src, dst, pairs, opts, log);
    return await verifyPairs(src, dst, pairs);
  } finally {
    await src.close();
    await dst.close();
  }
}

/**
 * Rows a freshly migrated database already holds (reference data such as the shift codes):
 * they do not make a target "not empty", and are replaced by the source's own.
 */
async function referenceRows(): Promise<Map<string, number>> {
  const dir = mkdtempSync(path.join(tmpdir(), "weike-copy-"));
  const url = `file:${path.join(dir, "fresh.db")}`;
  try {
    migrateDatabase(url, SQLITE_MIGRATIONS_DIR);
    const conn = await connect(url);
    try {
      const counts = new Map<string, number>();
      for (const t of await conn.tables()) counts.set(t.name, await countRows(conn, t));
      return counts;
    } finally {
      await conn.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Only the verification: both databases must already hold the same schema. */
export async function verifyDatabases(fromUrl: string, toUrl: string): Promise<TableReport[]> {
  const src = await connect(fromUrl);
  const dst = await connect(toUrl);
  try {
    return await verifyPairs(src, dst, pairTables(await schemaOf(src), await schemaOf(dst)));
  } finally {
    await src.close();
    await dst.close();
  }
}

async function foreignKeys(dst: Conn): Promise<{ table: string; name: string }[]> {
  const rows = await dst.query(
    `SELECT conrelid::regclass::text AS t, conname AS n FROM pg_constraint
     WHERE contype = 'f' AND connamespace = current_schema()::regnamespace`,
  );
  return rows.map((r) => ({ table: String(r.t).replace(/^"|"$/g, ""), name: String(r.n) }));
}

// One transaction for everything (emptying included): a failed copy leaves the target as it was.
// References are checked at commit, not per row: Course and CourseVersion point at each other.
async function copyAll(
  src: Conn,
  dst: Conn,
  pairs: [TableInfo, TableInfo][],
  opts: CopyOptions,
  log: (line: string) => void,
) {
  const fks = dst.engine === "postgres" ? await foreignKeys(dst) : [];
  if (dst.engine === "sqlite") await dst.run("PRAGMA foreign_keys = OFF");
  await dst.run("BEGIN");
  try {
    for (const fk of fks) {
      await dst.run(`ALTER TABLE ${q(fk.table)} ALTER CONSTRAINT ${q(fk.name)} DEFERRABLE INITIALLY DEFERRED`);
    }
    // Emptied even without --replace: it then holds only the rows its migrations wrote.
    {
      if (dst.engine === "postgres") {
        await dst.run(`TRUNCATE ${pairs.map(([, t]) => q(t.name)).join(", ")} RESTART IDENTITY`);
      } else {
        for (const [, t] of [...pairs].reverse()) await dst.run(`DELETE FROM ${q(t.name)}`);
      }
    }
    for (const [s, t] of pairs) await copyTable(src, dst, s, t, opts, log);
    if (dst.engine === "postgres") await resetSequences(dst, pairs);
    await dst.run("COMMIT");
  } catch (e) {
    await dst.run("ROLLBACK").catch(() => {});
    throw e;
  } finally {
    for (const fk of fks) {
      await dst.run(`ALTER TABLE ${q(fk.table)} ALTER CONSTRAINT ${q(fk.name)} NOT DEFERRABLE`);
    }
    if (dst.engine === "sqlite") await dst.run("PRAGMA foreign_keys = ON");
  }
  if (dst.engine === "sqlite") {
    const broken = await dst.query("PRAGMA foreign_key_check");
    if (broken.length)
      throw new CopyRefused(`the copy breaks ${broken.length} references (first in ${String(broken[0]?.table)})`);
  }
}

async function copyTable(
  src: Conn,
  dst: Conn,
  s: TableInfo,
  t: TableInfo,
  opts: CopyOptions,
  log: (line: string) => void,
) {
  const targetKinds = new Map(t.columns.map((c) => [c.name, c.kind]));
  const cols = s.columns.map((c) => ({ name: c.name, from: c.kind, to: targetKinds.get(c.name) ?? c.kind }));
  const size = Math.max(1, Math.min(opts.batch ?? 500, Math.floor(30_000 / cols.length)));
  const every = opts.progressEvery ?? 50_000;
  const total = await countRows(src, s);
  const target = t.name === SEARCH_TABLE && dst.engine === "sqlite" ? ["rowid", "title", "summary", "body"] : null;
  const names = (target ?? cols.map((c) => c.name)).map(q).join(", ");
  let copied = 0;
  let nextReport = every;
  for await (const page of pages(src, s, size)) {
    const params: unknown[] = [];
    for (const row of page) {
      for (const c of cols) params.push(toTargetValue(c.to, canonicalValue(c.from, row[c.name]), dst.engine));
    }
    const tuple = `(${cols.map(() => "?").join(", ")})`;
    await dst.run(`INSERT INTO ${q(t.name)} (${names}) VALUES ${page.map(() => tuple).join(", ")}`, params);
    copied += page.length;
    if (total > every && copied >= nextReport) {
      log(`[copy] ${t.name}: ${copied} of ${total} rows`);
      nextReport += every;
    }
  }
}

// Rows were inserted with their ids, which does not advance PostgreSQL's sequences.
async function resetSequences(dst: Conn, pairs: [TableInfo, TableInfo][]) {
  for (const [, t] of pairs) {
    if (t.key.length !== 1 || t.name === SEARCH_TABLE) continue;
    const [seq] = await dst.query(`SELECT pg_get_serial_sequence(?, ?) AS s`, [q(t.name), t.key[0]]);
    if (!seq?.s) continue;
    await dst.query(
      `SELECT setval(?, COALESCE((SELECT MAX(${q(t.key[0] as string)}) FROM ${q(t.name)}), 0) + 1, false)`,
      [seq.s],
    );
  }
}

async function verifyPairs(src: Conn, dst: Conn, pairs: [TableInfo, TableInfo][]): Promise<TableReport[]> {
  const out: TableReport[] = [];
  for (const [s, t] of pairs) {
    // Columns by name: their physical order differs between the engines' migration histories.
    const order = s.columns.map((c) => c.name).sort();
    const a = await checksum(src, s, order);
    const b = await checksum(dst, t, order);
    out.push({
      table: s.name,
      sourceRows: a.rows,
      targetRows: b.rows,
      sourceSha: a.sha,
      targetSha: b.sha,
      ok: a.rows === b.rows && a.sha === b.sha,
    });
  }
  return out;
}

export function formatReport(report: TableReport[]): string[] {
  const width = Math.max(...report.map((r) => r.table.length), 5);
  const lines = report.map(
    (r) =>
      `${r.table.padEnd(width)}  ${String(r.sourceRows).padStart(8)}  ${String(r.targetRows).padStart(8)}  ${r.sourceSha.slice(0, 16)}  ${r.ok ? "OK" : "MISMATCH"}`,
  );
  const bad = report.filter((r) => !r.ok).length;
  return [
    `${"table".padEnd(width)}  ${"source".padStart(8)}  ${"target".padStart(8)}  ${"checksum".padEnd(16)}  result`,
    ...lines,
    bad ? `[copy] MISMATCH in ${bad} of ${report.length} tables` : `[copy] all ${report.length} tables OK`,
  ];
}
