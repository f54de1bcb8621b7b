// The server's backup timer: SQLite's VACUUM INTO must never run against a PostgreSQL URL (it
// would open the URL as a file name and back up an empty database); one line says what to use.
import { existsSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { POSTGRES_BACKUP_NOTE, scheduleBackups } from "~/lib/db/scheduled-backup.server";

let timer: NodeJS.Timeout | null = null;
afterEach(() => {
  if (timer) clearInterval(timer);
  timer = null;
});

describe("scheduled backups", () => {
  it("are skipped on PostgreSQL with one line pointing at npm run db:backup", () => {
    const lines: string[] = [];
    timer = scheduleBackups("postgresql://weike@127.0.0.1:1/weike", (l) => lines.push(l));
    expect(timer).toBeNull();
    expect(lines).toEqual([POSTGRES_BACKUP_NOTE]);
    expect(lines[0]).toMatch(/npm run db:backup.*pg_dump/);
    expect(existsSync("postgresql:")).toBe(false);
  });

  it("run on a timer for a SQLite file", () => {
    const lines: string[] = [];
    timer = scheduleBackups(
      process.env.DATABASE_URL?.startsWith("file:") ? process.env.DATABASE_URL : "file:./x.db",
      (l) => lines.push(l),
    );
    expect(timer).not.toBeNull();
    expect(lines).toEqual([]);
  });
});
