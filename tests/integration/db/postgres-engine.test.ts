import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { engineOf, redactUrl } from "~/lib/db/engine";
import { migrateUrl } from "~/lib/db/migrate.server";
import { MigrationError } from "~/lib/db/migrations.server";
import { envSchema } from "~/lib/env.server";
import { startServer } from "../ops/helpers";

// Nothing listens on port 1: connecting is refused at once.
const UNREACHABLE = "postgresql://weike:s3cret@127.0.0.1:1/weike";

describe("engine chosen by DATABASE_URL", () => {
  it("file: is SQLite, postgresql:// and postgres:// are PostgreSQL", () => {
    expect(engineOf("file:./data/weike.db")).toBe("sqlite");
    expect(engineOf("postgresql://u@h:5432/db")).toBe("postgres");
    expect(engineOf("postgres://u@h/db")).toBe("postgres");
    expect(envSchema.parse({ DATABASE_URL: "postgresql://u@h/db" }).DATABASE_URL).toBe("postgresql://u@h/db");
    expect(envSchema.safeParse({ DATABASE_URL: "mysql://u@h/db" }).success).toBe(false);
  });

  it("never prints a password", () => {
    expect(redactUrl(UNREACHABLE)).toBe("postgresql://weike:***@127.0.0.1:1/weike");
  });
});

describe("an unreachable PostgreSQL at start", () => {
  it("stops the migration with one line naming the server, not the password", async () => {
    const err = await migrateUrl(UNREACHABLE).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MigrationError);
    expect((err as Error).message).toMatch(/^cannot reach PostgreSQL at 127\.0\.0\.1:1\/weike \(ECONNREFUSED/);
    expect((err as Error).message).not.toContain("s3cret");
    expect((err as Error).message).not.toContain("\n");
  });

  it("npm run db:migrate exits 1 with that one line and no stack trace", () => {
    const run = spawnSync("npx", ["tsx", "scripts/migrate.ts"], {
      env: { ...process.env, DATABASE_URL: UNREACHABLE },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split("\n")).toEqual([
      expect.stringMatching(/^\[migrate\] cannot reach PostgreSQL at 127\.0\.0\.1:1/),
    ]);
  }, 60_000);

  it("the server exits 1 with one line, and no crash loop of stack traces", async () => {
    const server = startServer("unused.db", 0, { DATABASE_URL: UNREACHABLE });
    expect(await server.exited).toBe(1);
    const lines = server
      .output()
      .trim()
      .split("\n")
      .filter((l) => l.trim());
    expect(lines.filter((l) => /cannot start/.test(l))).toEqual([
      expect.stringMatching(/^\[weike\] cannot start: cannot reach PostgreSQL at 127\.0\.0\.1:1\/weike/),
    ]);
    expect(server.output()).not.toMatch(/\n\s+at /);
    expect(server.output()).not.toContain("s3cret");
  }, 60_000);
});
