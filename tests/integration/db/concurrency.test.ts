import { spawn } from "node:child_process";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { sqliteFilePath } from "~/lib/db/migrations.server";
import { db, dbEngine } from "~/lib/db.server";

// SQLite's own locking (WAL, BEGIN IMMEDIATE, SQLITE_BUSY, the app's write queue) is tested on
// SQLite only; PostgreSQL's row locks have their own cases at the end.
const onSqlite = dbEngine() === "sqlite";

describe("SQLite under concurrent writers", () => {
  it.runIf(onSqlite)("runs in WAL mode with foreign keys on", async () => {
    const [mode] = await db.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode");
    const [fk] = await db.$queryRawUnsafe<{ foreign_keys: bigint | number }[]>("PRAGMA foreign_keys");
    expect(mode?.journal_mode).toBe("wal");
    expect(Number(fk?.foreign_keys)).toBe(1);
  });

  it.runIf(onSqlite)("a transaction waits for another process's write lock instead of failing", async () => {
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

  it.runIf(onSqlite)("a transaction holds the write lock from its first statement (BEGIN IMMEDIATE)", async () => {
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

describe("fair turns under a write burst", () => {
  it("a read outside a transaction is served while a write transaction is open, and sees only committed rows", async () => {
    const before = await db.team.count();
    // The transaction waits for a read made outside it: if reads queued behind open
    // transactions, this would never finish (and the transaction would time out).
    const seen = await db.$transaction(
      async (tx) => {
        await tx.team.create({ data: { name: "uncommitted-while-read" } });
        return db.team.count();
      },
      { timeout: 10_000 },
    );
    expect(seen).toBe(before);
    expect(await db.team.count()).toBe(before + 1);
  });

  it.runIf(onSqlite)("a read does not wait for the write transactions queued ahead of it", async () => {
    const order: string[] = [];
    let open!: () => void;
    let inside!: () => void;
    const held = new Promise<void>((r) => (open = r));
    const started = new Promise<void>((r) => (inside = r));
    const first = db.$transaction(
      async (tx) => {
        await tx.team.create({ data: { name: "queue-head" } });
        inside();
        await held;
        order.push("tx-1");
      },
      { timeout: 10_000 },
    );
    await started;
    const queued = [2, 3].map((i) =>
      db.$transaction(async (tx) => {
        await tx.team.create({ data: { name: `queued-${i}` } });
        order.push(`tx-${i}`);
      }),
    );
    for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
    const read = db.team.count().then(() => order.push("read"));
    // The head of the queue lets go only once the read is answered.
    await read;
    open();
    await Promise.all([first, ...queued]);
    expect(order).toEqual(["read", "tx-1", "tx-2", "tx-3"]);
  });

  it("waiting writers hand over through the event loop, so requests arriving meanwhile get a turn", async () => {
    const order: string[] = [];
    const tx = (name: string) =>
      db.$transaction(async (t) => {
        await t.team.create({ data: { name } });
        order.push(name);
      });
    const burst = Array.from({ length: 5 }, (_, i) => tx(`turn-${i}`));
    setImmediate(() => order.push("io"));
    await Promise.all(burst);
    // Pending I/O runs before the whole burst is through.
    expect(order.indexOf("io")).toBeLessThan(order.length - 1);
    expect(order.indexOf("io")).toBeGreaterThan(-1);
  });
});

describe.runIf(dbEngine() === "postgres")("PostgreSQL under concurrent writers", () => {
  it("a transaction waits for another connection's row lock instead of failing", async () => {
    const team = await db.team.create({ data: { name: "locked-row" } });
    const other = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await other.connect();
    try {
      await other.query("BEGIN");
      await other.query(`UPDATE "Team" SET "name" = 'locked-by-other' WHERE "id" = $1`, [team.id]);
      const release = new Promise((r) => setTimeout(r, 400)).then(() => other.query("COMMIT"));
      const started = Date.now();
      await db.$transaction(async (tx) => {
        await tx.team.update({ where: { id: team.id }, data: { name: "waited-for-lock" } });
      });
      expect(Date.now() - started).toBeGreaterThanOrEqual(200);
      await release;
    } finally {
      await other.end();
    }
    expect((await db.team.findUnique({ where: { id: team.id } }))?.name).toBe("waited-for-lock");
  });

  it("a read is not blocked by writers queued on a row lock, and sees only committed values", async () => {
    const team = await db.team.create({ data: { name: "queue-row" } });
    const order: string[] = [];
    let open!: () => void;
    let inside!: () => void;
    const held = new Promise<void>((r) => (open = r));
    const started = new Promise<void>((r) => (inside = r));
    const first = db.$transaction(
      async (tx) => {
        await tx.team.update({ where: { id: team.id }, data: { name: "queue-1" } });
        inside();
        await held;
        order.push("tx-1");
      },
      { timeout: 10_000 },
    );
    await started;
    // These two wait on the row the first one holds.
    const queued = [2, 3].map((i) =>
      db.$transaction(
        async (tx) => {
          await tx.team.update({ where: { id: team.id }, data: { name: `queue-${i}` } });
          order.push(`tx-${i}`);
        },
        { timeout: 10_000 },
      ),
    );
    await new Promise((r) => setTimeout(r, 100));
    const seen = await db.team.findUnique({ where: { id: team.id } });
    order.push("read");
    expect(seen?.name).toBe("queue-row");
    open();
    await Promise.all([first, ...queued]);
    expect(order[0]).toBe("read");
    expect(order[1]).toBe("tx-1");
    expect(order.slice(2).sort()).toEqual(["tx-2", "tx-3"]);
  });
});
