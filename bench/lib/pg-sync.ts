// The few calls of better-sqlite3 that the scenarios' measuring phases make (prepare → get/all/run,
// close), answered by a PostgreSQL database through `psql`, synchronously like better-sqlite3.
// Only for the bench: it drives a running server from another process and reads a handful of
// counts; the SQL must quote its table and column names, as the app's own raw SQL does.
import { execFileSync } from "node:child_process";

export const isPostgresUrl = (target: string) => /^postgres(ql)?:\/\//.test(target);

type Value = string | number | bigint | boolean | null | undefined;

/** `?` placeholders filled with literals: the values are the bench's own numbers and words. */
export function inlineParams(sql: string, args: Value[]): string {
  let i = 0;
  return sql.replace(/\?/g, () => {
    if (i >= args.length) throw new Error(`too few parameters for: ${sql}`);
    const v = args[i++];
    if (v === null || v === undefined) return "NULL";
    if (typeof v === "number" || typeof v === "bigint") return String(v);
    if (typeof v === "boolean") return v ? "true" : "false";
    return `'${v.replace(/'/g, "''")}'`;
  });
}

export class PgSync {
  constructor(private readonly url: string) {}

  private psql(sql: string): string {
    return execFileSync("psql", [this.url, "-qtA", "-v", "ON_ERROR_STOP=1", "-c", sql], {
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
  }

  query<T>(sql: string, args: Value[]): T[] {
    const out = this.psql(`SELECT coalesce(json_agg(q), '[]'::json) FROM (${inlineParams(sql, args)}) AS q`);
    return JSON.parse(out.trim()) as T[];
  }

  prepare(sql: string) {
    return {
      get: (...args: Value[]) => this.query<unknown>(sql, args)[0],
      all: (...args: Value[]) => this.query<unknown>(sql, args),
      run: (...args: Value[]) => {
        this.psql(inlineParams(sql, args));
        return { changes: 0 };
      },
    };
  }

  exec(sql: string) {
    this.psql(sql);
  }

  pragma() {
    return [];
  }

  close() {}
}
