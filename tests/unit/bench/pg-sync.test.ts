import { describe, expect, it } from "vitest";
import { inlineParams, isPostgresUrl } from "../../../bench/lib/pg-sync";

describe("the bench's PostgreSQL stand-in", () => {
  it("fills ? placeholders with literals, quoting text", () => {
    expect(inlineParams('SELECT id FROM "T" WHERE a = ? AND b = ? AND c = ?', ["it's", 3, null])).toBe(
      `SELECT id FROM "T" WHERE a = 'it''s' AND b = 3 AND c = NULL`,
    );
  });

  it("refuses too few parameters", () => {
    expect(() => inlineParams("SELECT ? + ?", [1])).toThrow(/too few/);
  });

  it("tells a PostgreSQL URL from a file", () => {
    expect(isPostgresUrl("postgresql://weike@127.0.0.1:55470/weike")).toBe(true);
    expect(isPostgresUrl("postgres://x/y")).toBe(true);
    expect(isPostgresUrl("/tmp/bench.db")).toBe(false);
  });
});
