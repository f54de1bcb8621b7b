// Rows the app expects in every fresh database, whichever engine: the centre's usual shifts come
// from a migration on SQLite and from its PostgreSQL twin (decision 051).
import { describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";

describe("a freshly migrated database", () => {
  it("holds the usual shift codes", async () => {
    const rows = await db.shiftCode.findMany({
      select: { code: true, startMin: true, endMin: true, rest: true },
      orderBy: { startMin: "asc" },
    });
    expect(rows).toEqual([
      { code: "休", startMin: 0, endMin: 0, rest: true },
      { code: "早班", startMin: 480, endMin: 1020, rest: false },
      { code: "中班", startMin: 720, endMin: 1260, rest: false },
      { code: "晚班", startMin: 900, endMin: 1440, rest: false },
    ]);
  });
});
