import { mkdtempSync, writeFileSync, mkdirSync, cpSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { migrateDatabase, MigrationError } from "~/lib/db/migrations.server";
import { toPostgres } from "~/lib/db/postgres-schema";
import { diffMigrationsToSchema, diffPostgresSnapshotToSchema } from "~/lib/db/schema-engine.server";

describe("migrations", () => {
  it("agree with schema.prisma (no drift)", async () => {
    const sql = await diffMigrationsToSchema("prisma/schema", "prisma/migrations");
    expect(sql, "prisma/schema and prisma/migrations disagree: run npm run db:migration:create NAME").toBe("");
  }, 60_000);

  it("for PostgreSQL agree with the schema too (no drift)", async () => {
    const snapshot = readFileSync("prisma/migrations-postgres/schema-snapshot.prisma", "utf8");
    const sql = await diffPostgresSnapshotToSchema(snapshot);
    expect(sql, "prisma/schema and prisma/migrations-postgres disagree: run npm run db:migration:create NAME").toBe("");
  }, 60_000);

  it("for PostgreSQL notice when the schema moves ahead of them", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "weike-pg-drift-"));
    cpSync("prisma/schema", path.join(dir, "schema"), { recursive: true });
    writeFileSync(path.join(dir, "schema", "extra.prisma"), "model DriftProbe {\n  id Int @id\n  at DateTime\n}\n");
    const snapshot = readFileSync("prisma/migrations-postgres/schema-snapshot.prisma", "utf8");
    const sql = await diffPostgresSnapshotToSchema(snapshot, path.join(dir, "schema"));
    expect(sql).toContain(`CREATE TABLE "DriftProbe"`);
    expect(sql).toContain(`TIMESTAMP(3)`);
  }, 60_000);

  it("for PostgreSQL come from the same schema files with only the provider and output swapped", () => {
    const source = readFileSync("prisma/schema/schema.prisma", "utf8");
    const derived = toPostgres(source);
    expect(derived).toContain('provider = "postgresql"');
    expect(derived).toContain('"../../../app/generated/prisma-postgres"');
    expect(
      derived
        .replace(/postgresql/, "sqlite")
        .replace("../../../app/generated/prisma-postgres", "../../app/generated/prisma"),
    ).toBe(source);
    expect(() => toPostgres(source.replace('"sqlite"', '"mysql"'))).toThrow(/provider/);
  });

  it("notice when the schema moves ahead of the migrations", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "weike-drift-"));
    cpSync("prisma/schema", path.join(dir, "schema"), { recursive: true });
    writeFileSync(path.join(dir, "schema", "extra.prisma"), "model DriftProbe {\n  id Int @id\n}\n");
    const sql = await diffMigrationsToSchema(path.join(dir, "schema"), "prisma/migrations");
    expect(sql).toContain(`CREATE TABLE "DriftProbe"`);
  }, 60_000);

  it("are recorded in _prisma_migrations and applied once", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "weike-mig-"));
    const url = `file:${path.join(dir, "a.db")}`;
    const first = migrateDatabase(url, "prisma/migrations");
    expect(first.applied.length).toBe(first.total);
    expect(migrateDatabase(url, "prisma/migrations").applied).toEqual([]);
    const db = new Database(path.join(dir, "a.db"));
    const rows = db.prepare("SELECT migration_name, checksum, finished_at FROM _prisma_migrations").all() as {
      checksum: string;
      finished_at: string;
    }[];
    db.close();
    expect(rows).toHaveLength(first.total);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.checksum) && r.finished_at)).toBe(true);
  });

  it("stop with a message naming the file when the database cannot be opened", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "weike-bad-"));
    mkdirSync(path.join(dir, "is-a-dir.db"));
    expect(() => migrateDatabase(`file:${path.join(dir, "is-a-dir.db")}`, "prisma/migrations")).toThrowError(
      MigrationError,
    );
    expect(() => migrateDatabase(`file:${path.join(dir, "is-a-dir.db")}`, "prisma/migrations")).toThrowError(
      /is-a-dir\.db/,
    );
  });

  it("roll back a failing migration and name it", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "weike-fail-"));
    const migrations = path.join(dir, "migrations");
    mkdirSync(path.join(migrations, "20200101000000_ok"), { recursive: true });
    mkdirSync(path.join(migrations, "20200102000000_broken"), { recursive: true });
    writeFileSync(path.join(migrations, "20200101000000_ok", "migration.sql"), "CREATE TABLE a (id INTEGER);");
    writeFileSync(
      path.join(migrations, "20200102000000_broken", "migration.sql"),
      "CREATE TABLE b (id INTEGER); INSERT INTO nope VALUES (1);",
    );
    const url = `file:${path.join(dir, "x.db")}`;
    expect(() => migrateDatabase(url, migrations)).toThrowError(/20200102000000_broken/);
    const db = new Database(path.join(dir, "x.db"));
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type='table'").all() as { name: string }[]).map(
      (t) => t.name,
    );
    db.close();
    expect(tables).toContain("a");
    expect(tables).not.toContain("b");
  });
});
