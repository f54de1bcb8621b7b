// npm run db:copy: a seeded deployment moved SQLite → SQLite, and (when a PostgreSQL server is
// at hand: npm run test:pg) SQLite → PostgreSQL → a new SQLite file, with the checksums agreeing.
import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase } from "~/lib/db/migrations.server";
import { adminUrl, testEngine, urlFor, withAdmin } from "../../fixtures/postgres-test-db";

const dir = path.join(process.env.WEIKE_TEST_DIR ?? "tests/.tmp", `copy-${process.pid}`);
const file = (name: string) => path.join(dir, name);
const SOURCE = `file:${file("source.db")}`;

// Asynchronous, so the test worker keeps answering the runner while a child runs for minutes.
function tsx(script: string, args: string[], env: Record<string, string> = {}) {
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn("npx", ["tsx", script, ...args], { env: { ...process.env, ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

const copy = (...args: string[]) => tsx("scripts/db-copy.ts", args);
const probe = async (url: string) =>
  JSON.parse((await tsx("tests/fixtures/copy-probe.ts", [], { DATABASE_URL: url })).stdout);

/** table → "source target checksum result" from the report. */
function report(stdout: string): Map<string, string> {
  const rows = stdout.split("\n").filter((l) => / (OK|MISMATCH)$/.test(l));
  return new Map(rows.map((l) => [l.split(/\s+/)[0] as string, l.split(/\s+/).slice(1).join(" ")]));
}

beforeAll(async () => {
  mkdirSync(dir, { recursive: true });
  migrateDatabase(SOURCE, "prisma/migrations");
  const seed = await tsx("prisma/seed.ts", [], { DATABASE_URL: SOURCE });
  expect(seed.status, seed.stderr).toBe(0);
}, 300_000);

describe("db:copy between SQLite files", () => {
  const TARGET = `file:${file("copy.db")}`;

  it("copies every table and reports each one OK", async () => {
    const run = await copy("--from", SOURCE, "--to", TARGET);
    expect(run.status, run.stderr).toBe(0);
    const tables = report(run.stdout);
    expect(tables.size).toBeGreaterThan(50);
    expect(tables.get("User")).toMatch(/^(\d+) \1 [0-9a-f]{16} OK$/);
    expect(tables.get("course_search")).toMatch(/^(\d+) \1 [0-9a-f]{16} OK$/);
    expect([...tables.values()].every((v) => v.endsWith("OK"))).toBe(true);
  }, 120_000);

  it("refuses a target that already holds data, unless told to replace it", async () => {
    const again = await copy("--from", SOURCE, "--to", TARGET);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/refused: the target is not empty .*--replace/);
    const replaced = await copy("--from", SOURCE, "--to", TARGET, "--replace");
    expect(replaced.status, replaced.stderr).toBe(0);
    expect(replaced.stdout).toMatch(/all \d+ tables OK/);
  }, 120_000);

  it("says MISMATCH, and exits 1, when one target row differs", async () => {
    const raw = new Database(file("copy.db"));
    raw.prepare(`UPDATE "User" SET "name" = 'changed' WHERE "id" = (SELECT MAX("id") FROM "User")`).run();
    raw.close();
    const run = await copy("--from", SOURCE, "--to", TARGET, "--verify-only");
    expect(run.status).toBe(1);
    const tables = report(run.stdout);
    expect(tables.get("User")).toMatch(/MISMATCH$/);
    expect(tables.get("Team")).toMatch(/OK$/);
    expect(run.stdout).toMatch(/MISMATCH in 1 of/);
  }, 120_000);
});

// The PostgreSQL leg needs a server: it runs under npm run test:pg (or with WEIKE_TEST_PG_URL).
const pgAvailable = testEngine() === "postgres" || !!process.env.WEIKE_TEST_PG_URL;

describe.skipIf(!pgAvailable)("db:copy SQLite → PostgreSQL → SQLite", () => {
  it("keeps every checksum, and the app reads the same on all three", async () => {
    const admin = adminUrl();
    const name = `weike_copy_${process.pid}`;
    await withAdmin(admin, async (c) => {
      await c.query(`DROP DATABASE IF EXISTS "${name}"`);
      await c.query(`CREATE DATABASE "${name}"`);
    });
    const PG = urlFor(admin, name);
    const BACK = `file:${file("back.db")}`;
    try {
      const there = await copy("--from", SOURCE, "--to", PG);
      expect(there.status, there.stderr).toBe(0);
      const back = await copy("--from", PG, "--to", BACK);
      expect(back.status, back.stderr).toBe(0);
      // Same canonical rows on both engines: the two reports are identical.
      expect(report(back.stdout)).toEqual(report(there.stdout));

      const refused = await copy("--from", SOURCE, "--to", PG);
      expect(refused.status).toBe(2);
      expect(refused.stderr).toMatch(/not empty/);

      const a = await probe(SOURCE);
      const b = await probe(PG);
      const c = await probe(BACK);
      expect(a.sessions.length).toBeGreaterThan(0);
      expect(b).toEqual(a);
      expect(c).toEqual(a);
    } finally {
      await withAdmin(admin, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    }
  }, 300_000);
});
