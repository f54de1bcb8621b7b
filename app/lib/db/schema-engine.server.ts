// The only module that touches Prisma's schema engine. The Prisma CLI cannot fetch its engine
// binary on our machines, so migrations are computed with the engine's WebAssembly build. It is
// an internal Prisma API: it is used only to create migrations and to check for drift.
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import type { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { Engine as DbEngine } from "./engine";
import { listMigrations, type MigrationOnDisk } from "./migrations.server";
import { postgresSchemaFiles, type SchemaFile } from "./postgres-schema";

const require = createRequire(import.meta.url);

type DiffTarget =
  | { tag: "empty" }
  | { tag: "schemaDatamodel"; files: { path: string; content: string }[] }
  | {
      tag: "migrations";
      baseDir: string;
      lockfile: { path: string; content: string | null };
      shadowDbInitScript: string;
      migrationDirectories: { path: string; migrationFile: { path: string; content: { tag: "ok"; value: string } } }[];
    };

interface Engine {
  diff(params: {
    from: DiffTarget;
    to: DiffTarget;
    script: boolean;
    exitCode: boolean | null;
    filters: { externalTables: string[]; externalEnums: string[] };
  }): Promise<{ exitCode: number; stdout: string | null }>;
}

// The wasm bindings keep module-level state: instantiate them once per process, and one engine
// per database kind on top of them.
let bindings: Promise<{ SchemaEngine: { new: (...args: unknown[]) => Promise<Engine> } }> | undefined;
const engines = new Map<DbEngine, Promise<Engine>>();

function loadEngine(kind: DbEngine = "sqlite"): Promise<Engine> {
  let engine = engines.get(kind);
  if (!engine) {
    engine = instantiateEngine(kind);
    engines.set(kind, engine);
  }
  return engine;
}

async function instantiateBindings() {
  const bgModule = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const pkgDir = path.dirname(bgModule);
  const loaded = await import(bgModule);
  const bytes = readFileSync(path.join(pkgDir, "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, {
    "./schema_engine_bg.js": loaded,
  });
  loaded.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
  return loaded;
}

async function instantiateEngine(kind: DbEngine): Promise<Engine> {
  bindings ??= instantiateBindings();
  const { SchemaEngine } = await bindings;
  const adapter = bindMigrationAwareSqlAdapterFactory(
    kind === "postgres" ? offlinePostgresFactory() : shadowFriendlyFactory(),
  );
  return SchemaEngine.new({ datamodels: undefined }, () => {}, adapter);
}

type Queryable = {
  client: { exec(sql: string): void };
  executeRaw(q: { sql: string; args: unknown[] }): Promise<number>;
};

// The engine replays each migration on the shadow database as one raw statement, but
// better-sqlite3 prepares one statement at a time; a multi-statement script goes through exec().
function shadowFriendlyFactory() {
  const base = new PrismaBetterSqlite3({ url: ":memory:" });
  return {
    provider: "sqlite" as const,
    adapterName: base.adapterName,
    connect: () => base.connect(),
    connectToShadowDb: async () => {
      const shadow = (await base.connectToShadowDb()) as unknown as Queryable;
      const executeRaw = shadow.executeRaw.bind(shadow);
      shadow.executeRaw = async (q) => {
        if (q.args.length === 0) {
          shadow.client.exec(q.sql);
          return 0;
        }
        return executeRaw(q);
      };
      return shadow as unknown as Awaited<ReturnType<typeof base.connectToShadowDb>>;
    },
  };
}

// A diff between two PostgreSQL schemas only asks the server which version it runs; this answers
// that one question (as PostgreSQL 15) so migrations are written offline, and refuses the rest.
function offlinePostgresFactory() {
  const refuse = () => Promise.reject(new Error("the offline PostgreSQL schema engine has no database"));
  const connection = {
    provider: "postgres" as const,
    adapterName: "@prisma/adapter-pg",
    queryRaw: async (q: { sql: string }) => {
      if (!/version\(\)/.test(q.sql)) return refuse();
      return {
        columnNames: ["exists", "version", "numeric_version"],
        columnTypes: [5, 7, 0],
        rows: [[true, "PostgreSQL 15.0", 150000]],
      };
    },
    executeRaw: refuse,
    executeScript: refuse,
    startTransaction: refuse,
    dispose: async () => {},
  };
  return {
    provider: "postgres" as const,
    adapterName: "@prisma/adapter-pg",
    connect: async () => connection as unknown as Awaited<ReturnType<PrismaPg["connect"]>>,
    connectToShadowDb: refuse,
  };
}

export function readSchemaFiles(schemaDir: string) {
  return readdirSync(schemaDir)
    .filter((f) => f.endsWith(".prisma"))
    .sort()
    .map((f) => ({ path: path.join(schemaDir, f), content: readFileSync(path.join(schemaDir, f), "utf8") }));
}

function migrationsTarget(migrationsDir: string, migrations: MigrationOnDisk[]): DiffTarget {
  return {
    tag: "migrations",
    baseDir: migrationsDir,
    lockfile: {
      path: "migration_lock.toml",
      content: readFileSync(path.join(migrationsDir, "migration_lock.toml"), "utf8"),
    },
    shadowDbInitScript: "",
    migrationDirectories: migrations.map((m) => ({
      path: m.name,
      migrationFile: { path: "migration.sql", content: { tag: "ok", value: m.sql } },
    })),
  };
}

/** SQL that takes the database described by the migrations to the one described by the schema. */
export async function diffMigrationsToSchema(schemaDir: string, migrationsDir: string): Promise<string> {
  const engine = await loadEngine();
  const migrations = listMigrations(migrationsDir);
  const result = await engine.diff({
    from: migrations.length ? migrationsTarget(migrationsDir, migrations) : { tag: "empty" },
    to: { tag: "schemaDatamodel", files: readSchemaFiles(schemaDir) },
    script: true,
    exitCode: null,
    filters: { externalTables: [], externalEnums: [] },
  });
  const sql = (result.stdout ?? "").trim();
  return sql === "-- This is an empty migration." ? "" : sql;
}

/**
 * PostgreSQL: the SQL that takes the schema recorded with the last PostgreSQL migration (the
 * snapshot; none before the first) to the one derived now from prisma/schema. Schema to schema,
 * so it runs offline like the SQLite side.
 */
export async function diffPostgresSnapshotToSchema(
  snapshot: string | null,
  schemaDir = "prisma/schema",
): Promise<string> {
  const engine = await loadEngine("postgres");
  const files: SchemaFile[] = postgresSchemaFiles(schemaDir);
  const result = await engine.diff({
    from:
      snapshot === null
        ? { tag: "empty" }
        : { tag: "schemaDatamodel", files: [{ path: "snapshot.prisma", content: snapshot }] },
    to: { tag: "schemaDatamodel", files },
    script: true,
    exitCode: null,
    filters: { externalTables: [], externalEnums: [] },
  });
  const sql = (result.stdout ?? "").trim();
  return sql === "-- This is an empty migration." ? "" : sql;
}
