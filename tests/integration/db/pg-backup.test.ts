// db:backup / db:restore on a postgresql:// URL: pg_dump custom format and pg_restore in one
// transaction. The round trip needs a server (npm run test:pg); the missing-tool message does not.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { backupPostgres, restorePostgres } from "~/lib/db/backup-postgres.server";
import { BackupError } from "~/lib/db/backup.server";
import { testEngine } from "../../fixtures/postgres-test-db";

const dir = mkdtempSync(path.join(tmpdir(), "weike-pg-backup-"));
const savedPath = process.env.PATH;
afterEach(() => {
  process.env.PATH = savedPath;
});

describe("PostgreSQL backups without the client tools", () => {
  it("say which tool is missing and how to get it", () => {
    process.env.PATH = path.join(dir, "empty");
    const err = (() => {
      try {
        backupPostgres("postgresql://u:secret@127.0.0.1:1/weike", { dir, keep: 3 });
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(BackupError);
    expect((err as Error).message).toMatch(/^pg_dump not found: install .*postgresql-client/);
  });
});

describe.skipIf(testEngine() !== "postgres")("PostgreSQL backup and restore", () => {
  it("restores the rows a dump held, and refuses a file that is not a dump", async () => {
    const url = process.env.DATABASE_URL as string;
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(`INSERT INTO "Team" ("name") VALUES ('backed up')`);
      const r = backupPostgres(url, { dir, keep: 2 });
      expect(r.file).toMatch(/weike-pg-.*\.dump$/);
      expect(r.tables).toBeGreaterThan(50);
      await client.query(`DELETE FROM "Team" WHERE "name" = 'backed up'`);
      await client.end();

      expect(restorePostgres(r.file, url).tables).toBe(r.tables);
      const again = new pg.Client({ connectionString: url });
      await again.connect();
      const { rows } = await again.query(`SELECT count(*)::int AS n FROM "Team" WHERE "name" = 'backed up'`);
      await again.end();
      expect(rows[0].n).toBe(1);

      expect(() => restorePostgres(path.join(dir, "missing.dump"), url)).toThrow(/no such file/);
    } finally {
      await client.end().catch(() => {});
    }
  }, 120_000);
});
