import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { sqliteFilePath } from "~/lib/db/migrations.server";
import { db } from "~/lib/db.server";

describe("SQLite under concurrent writers", () => {
  it("runs in WAL mode with foreign keys on", async () => {
    const [mode] = await db.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode");
    const [fk] = await db.$queryRawUnsafe<{ foreign_keys: bigint | number }[]>("PRAGMA foreign_keys");
    expect(mode?.journal_mode).toBe("wal");
    expect(Number(fk?.foreign_keys)).toBe(1);
  });

  it("a transaction waits for another process's write lock instead of failing", async () => {
    await db.team.count(); // open our connection first
    // Another process takes the write lock, holds it for 400 ms, then commits.
    const holder = spawn(process.execPath, [
      "-e",
      `const D = require("better-sqlite3"); const d = new D(${JSON.stringify(sqliteFilePath(process.env.DATABASE_URL!))});
       d.exec("BEGIN IMMEDIATE");
       d.prepare("INSERT INTO Team (name, createdAt) VALUES ('held-by-other', ?)").run(new Date().toISOString());
       console.log("locked");
       setTimeout(() => { d.exec("COMMIT"); d.close(); }, 400);`,
    ]);
    await new Promise<void>((resolve) => holder.stdout.once("data", () => resolve()));
    const started = Date.now();
    await db.$transaction(async (tx) => {
      await tx.team.create({ data: { name: "waited" } });
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
    expect(await db.team.count({ where: { name: { in: ["held-by-other", "waited"] } } })).toBe(2);
  });

  it("a transaction holds the write lock from its first statement (BEGIN IMMEDIATE)", async () => {
    const file = sqliteFilePath(process.env.DATABASE_URL!);
    const probe = () =>
      new Promise<string>((resolve) => {
        const child = spawn(process.execPath, [
          "-e",
          `const D = require("better-sqlite3"); const d = new D(${JSON.stringify(file)}, { timeout: 0 });
           try { d.exec("BEGIN IMMEDIATE"); d.exec("ROLLBACK"); console.log("free"); } catch (e) { console.log(e.code); }`,
        ]);
        let out = "";
        child.stdout.on("data", (c) => (out += c));
        child.on("exit", () => resolve(out.trim()));
      });
    let during = "";
    await db.$transaction(async (tx) => {
      await tx.team.count(); // a read only: a deferred BEGIN would not have locked yet
      during = await probe();
    });
    expect(during).toBe("SQLITE_BUSY");
    expect(await probe()).toBe("free");
  });

  it("a plain write during someone else's transaction is not swept into its rollback", async () => {
    const failing = db
      .$transaction(async (tx) => {
        await tx.team.create({ data: { name: "rolled-back" } });
        await new Promise((r) => setTimeout(r, 100));
        throw new Error("abort");
      })
      .catch(() => "aborted");
    const outside = db.team.create({ data: { name: "kept" } });
    expect(await failing).toBe("aborted");
    await outside;
    expect(await db.team.count({ where: { name: "kept" } })).toBe(1);
    expect(await db.team.count({ where: { name: "rolled-back" } })).toBe(0);
  });

  it("many concurrent transactions all land, none lost", async () => {
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        db.$transaction(async (tx) => tx.team.create({ data: { name: `burst-${i}` } })),
      ),
    );
    expect(await db.team.count({ where: { name: { startsWith: "burst-" } } })).toBe(50);
  });
});

describe("fair turns on the shared connection", () => {
  it("a read queued behind one transaction does not wait for transactions that arrive after it", async () => {
    const order: string[] = [];
    const slowTx = (name: string) =>
      db.$transaction(async (tx) => {
        await tx.team.create({ data: { name } });
        await new Promise((r) => setTimeout(r, 60));
        order.push(name);
      });
    const first = slowTx("tx-1");
    await new Promise((r) => setTimeout(r, 5));
    const read = db.team.count().then(() => order.push("read"));
    await new Promise((r) => setTimeout(r, 5));
    const later = [slowTx("tx-2"), slowTx("tx-3")];
    await Promise.all([first, read, ...later]);
    expect(order).toEqual(["tx-1", "read", "tx-2", "tx-3"]);
  });
});
