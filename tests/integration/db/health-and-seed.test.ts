import { chmodSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { verifyPassword } from "~/auth/password.server";
import { listMigrations, sqliteFilePath } from "~/lib/db/migrations.server";
import { db, dbEngine } from "~/lib/db.server";
import { loader as healthz } from "~/routes/healthz";
import { DEMO_PASSWORD, DEMO_USERS, seedUsers } from "../../../prisma/seed/users";

describe("health", () => {
  it("reports ok with the number of migrations", async () => {
    const res = await healthz();
    expect(res.status).toBe(200);
    const body = await res.json();
    const engine = dbEngine();
    const migrations = listMigrations(engine === "postgres" ? "prisma/migrations-postgres" : "prisma/migrations");
    expect(body).toMatchObject({ status: "ok", db: "ok", engine, migrations: migrations.length });
    expect(typeof body.version).toBe("string");
  });

  it("answers 503 when the database cannot be read", async () => {
    await db.$executeRawUnsafe(`ALTER TABLE "_prisma_migrations" RENAME TO "_moved"`);
    try {
      const res = await healthz();
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ status: "error" });
    } finally {
      await db.$executeRawUnsafe(`ALTER TABLE "_moved" RENAME TO "_prisma_migrations"`);
    }
  });
});

// File permissions are SQLite's; a PostgreSQL server answers for its own storage.
describe.skipIf(dbEngine() === "postgres")("health of a database that cannot be written", () => {
  it("answers 503, not ok, when the database file is read-only", async () => {
    const file = sqliteFilePath(process.env.DATABASE_URL!);
    chmodSync(file, 0o444);
    try {
      const res = await healthz();
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ status: "error", db: "read-only" });
    } finally {
      chmodSync(file, 0o644);
    }
    expect((await healthz()).status).toBe(200);
  });
});

describe("demo seed", () => {
  it("creates the demo accounts once; a second run changes nothing", async () => {
    expect(await seedUsers(db)).toBe(DEMO_USERS.length);
    const snapshot = await db.user.findMany({
      select: { email: true, passwordHash: true, updatedAt: true },
      orderBy: { email: "asc" },
    });
    expect(await seedUsers(db)).toBe(0);
    expect(
      await db.user.findMany({
        select: { email: true, passwordHash: true, updatedAt: true },
        orderBy: { email: "asc" },
      }),
    ).toEqual(snapshot);
    const hr = await db.user.findUniqueOrThrow({
      where: { email: "hr@weike.test" },
      select: { passwordHash: true, roles: { select: { role: true } } },
    });
    expect(await verifyPassword(hr.passwordHash, DEMO_PASSWORD)).toBe(true);
    expect(hr.roles.map((r) => r.role)).toEqual(["HR"]);
    for (const email of ["trainee@weike.test", "lead@weike.test", "trainer@weike.test", "admin@weike.test"]) {
      expect(await db.user.count({ where: { email } })).toBe(1);
    }
  });
});
