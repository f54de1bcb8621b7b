// Prepared statements are kept per connection; every use must still see only its own arguments.
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cachedPrepare } from "~/lib/db/sqlite-adapter.server";

type Prepare = ReturnType<typeof cachedPrepare>;
type Handle = ReturnType<Prepare> & { bind(args: unknown[]): ReturnType<Prepare> };

let raw: Database.Database;
let compiled: string[];
let prepare: Prepare;
// As Prisma's adapter calls it: prepare(sql).bind(args), then run() or columns() + raw().all().
const use = (sql: string, args: unknown[]) => (prepare(sql) as Handle).bind(args);

beforeEach(() => {
  raw = new Database(":memory:");
  raw.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT UNIQUE NOT NULL)");
  compiled = [];
  prepare = cachedPrepare((sql) => {
    compiled.push(sql);
    return raw.prepare(sql) as never;
  }, 2);
});
afterEach(() => raw.close());

describe("statement cache", () => {
  it("compiles a statement once and binds each use's own arguments", () => {
    const insert = "INSERT INTO t (name) VALUES (?)";
    use(insert, ["a"]).run();
    use(insert, ["b"]).run();
    const select = "SELECT id, name FROM t WHERE name = ?";
    const first = use(select, ["a"]);
    const second = use(select, ["b"]);
    expect(first.raw().all()).toEqual([[1, "a"]]);
    expect(second.raw().all()).toEqual([[2, "b"]]);
    expect(first.columns()).toHaveLength(2);
    expect(compiled).toEqual([insert, select]);
  });

  it("keeps working after a use that failed", () => {
    const insert = "INSERT INTO t (name) VALUES (?)";
    use(insert, ["a"]).run();
    expect(() => use(insert, ["a"]).run()).toThrow(/UNIQUE/);
    use(insert, ["c"]).run();
    expect(raw.prepare("SELECT name FROM t ORDER BY id").pluck().all()).toEqual(["a", "c"]);
  });

  it("keeps only the most recently used statements", () => {
    const q = (n: number) => `SELECT ${n} AS n`;
    for (const n of [1, 2, 1, 3, 1, 2]) expect(use(q(n), []).raw().all()).toEqual([[n]]);
    // 1 stays (used again each time); 2 made room for 3 and had to be compiled again.
    expect(compiled).toEqual([q(1), q(2), q(3), q(2)]);
  });

  it("gives rows as objects to a use that does not ask for raw rows", () => {
    use("INSERT INTO t (name) VALUES (?)", ["a"]).run();
    const sql = "SELECT name FROM t";
    expect(use(sql, []).raw().all()).toEqual([["a"]]);
    expect(use(sql, []).all()).toEqual([{ name: "a" }]);
  });
});
