// The only module that touches Prisma's schema engine. The Prisma CLI cannot fetch its engine
// binary on our machines, so migrations are computed with the engine's WebAssembly build. It is
// an internal Prisma API: it is used only to create migrations and to check for drift.
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { listMigrations, type MigrationOnDisk } from "./migrations.server";

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

// The wasm bindings keep module-level state: instantiate them once per process.
let engine: Promise<Engine> | undefined;

function loadEngine(): Promise<Engine> {
  engine ??= instantiateEngine();
  return engine;
}

async function instantiateEngine(): Promise<Engine> {
  const bgModule = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const pkgDir = path.dirname(bgModule);
  const bindings = await import(bgModule);
  const bytes = readFileSync(path.join(pkgDir, "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, {
    "./schema_engine_bg.js": bindings,
  });
  bindings.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
  const adapter = bindMigrationAwareSqlAdapterFactory(shadowFriendlyFactory());
  return bindings.SchemaEngine.new({ datamodels: undefined }, () => {}, adapter);
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
