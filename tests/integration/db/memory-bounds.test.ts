// The server's SQLite connections keep a small page cache: better-sqlite3's build default (16 MB
// per connection) was an eighth of the memory budget for the writer and reader alone (decision 047).
import { describe, expect, it } from "vitest";
import { CACHE_SIZE_KIB } from "~/lib/db/sqlite-adapter.server";
import { db, dbEngine } from "~/lib/db.server";

// The page cache is SQLite's; a PostgreSQL server keeps its own buffers, outside the app.
describe.skipIf(dbEngine() === "postgres")("SQLite memory bounds", () => {
  it("the connection's page cache is bounded to a few megabytes", async () => {
    const [row] = await db.$queryRawUnsafe<{ cache_size: bigint | number }[]>("PRAGMA cache_size");
    expect(Number(row?.cache_size)).toBe(-CACHE_SIZE_KIB);
    expect(CACHE_SIZE_KIB).toBeLessThanOrEqual(8000);
    const [mmap] = await db.$queryRawUnsafe<{ mmap_size: bigint | number }[]>("PRAGMA mmap_size");
    expect(Number(mmap?.mmap_size)).toBe(0);
  });
});
