// Backups taken while another process writes, and restores that refuse what they must.
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { backupDatabase, BackupError, pruneBackups, restoreDatabase } from "~/lib/db/backup.server";
import { lockFileOf } from "~/lib/db/server-lock.server";
import { at } from "../../fixtures/lists";
import { addTeams, corruptMiddleLeaf, templateCopy } from "./helpers";

const children: ReturnType<typeof spawn>[] = [];
afterAll(() => children.forEach((c) => c.exitCode === null && c.kill("SIGKILL")));

function teamNames(file: string, prefix: string): Set<string> {
  const db = new Database(file, { readonly: true });
  try {
    const rows = db.prepare("SELECT name FROM Team WHERE name LIKE ?").all(`${prefix}%`) as { name: string }[];
    return new Set(rows.map((r) => r.name));
  } finally {
    db.close();
  }
}

describe("backup", () => {
  it("a backup taken during a stream of writes from another process restores every write acknowledged before it", async () => {
    const file = templateCopy();
    // The writer commits one row per transaction and prints each name once its COMMIT returned.
    const writer = spawn(process.execPath, [
      "-e",
      `const D = require("better-sqlite3"); const d = new D(${JSON.stringify(file)}, { timeout: 15000 });
       d.pragma("journal_mode = WAL"); d.pragma("synchronous = NORMAL");
       const ins = d.prepare("INSERT INTO Team (name, createdAt) VALUES (?, ?)");
       let i = 0;
       const step = () => { if (i >= 4000) { d.close(); return; } const name = "acked-" + i++;
         d.exec("BEGIN IMMEDIATE"); ins.run(name, new Date().toISOString()); d.exec("COMMIT");
         process.stdout.write(name + "\\n"); setImmediate(step); };
       step();`,
    ]);
    children.push(writer);
    const acked: string[] = [];
    let buffer = "";
    writer.stdout!.on("data", (c: Buffer) => {
      buffer += c.toString();
      const lines = buffer.split("\n");
      buffer = lines.pop()!;
      acked.push(...lines);
    });
    while (acked.length < 300) await new Promise((r) => setTimeout(r, 20));
    const before = [...acked];
    const dir = path.join(path.dirname(file), "backups");
    const backup = backupDatabase(file, { dir, keep: 7 });
    expect(backup.file.startsWith(dir)).toBe(true);

    const target = path.join(path.dirname(file), "restored.db");
    await restoreDatabase(backup.file, target);
    const restored = teamNames(target, "acked-");
    expect(before.filter((n) => !restored.has(n))).toEqual([]);
    await new Promise((r) => writer.on("exit", r));
    expect(acked.length).toBe(4000);
    expect(restored.size).toBeLessThan(4000); // the writer went on after the snapshot
  }, 90_000);

  it("keeps only the newest dated copies", () => {
    const file = templateCopy();
    const dir = path.join(path.dirname(file), "backups");
    for (const day of [1, 2, 3, 4]) {
      backupDatabase(file, { dir, keep: 3, now: new Date(Date.UTC(2026, 10, day, 10, 30)) });
    }
    expect(readdirSync(dir).sort()).toEqual([
      "weike-2026-11-02T103000Z.db",
      "weike-2026-11-03T103000Z.db",
      "weike-2026-11-04T103000Z.db",
    ]);
    writeFileSync(path.join(dir, "keep-me.db"), "");
    expect(pruneBackups(file, dir, 1).map((f) => path.basename(f))).toEqual([
      "weike-2026-11-03T103000Z.db",
      "weike-2026-11-02T103000Z.db",
    ]);
    expect(existsSync(path.join(dir, "keep-me.db"))).toBe(true);
  });
});

describe("restore", () => {
  it("replaces a database that has a stale WAL beside it, without replaying that WAL", async () => {
    const file = templateCopy();
    addTeams(file, 50, "old");
    const backup = path.join(path.dirname(file), "b.db");
    backupDatabase(file, { target: backup, dir: "", keep: 1 });
    // Leave writes in a WAL: copy the -wal away before closing (closing would fold it in).
    const db = new Database(file);
    db.pragma("journal_mode = WAL");
    db.prepare("INSERT INTO Team (name, createdAt) VALUES ('after-backup', ?)").run(new Date().toISOString());
    copyFileSync(`${file}-wal`, `${file}.saved-wal`);
    db.close();
    copyFileSync(`${file}.saved-wal`, `${file}-wal`);

    await restoreDatabase(backup, file);
    const check = new Database(file);
    expect(check.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(teamNames(file, "old").size).toBe(50);
    expect(teamNames(file, "after-backup").size).toBe(0);
    const audit = check.prepare("SELECT action, actorId FROM AuditLog").all();
    check.close();
    expect(audit).toEqual([{ action: "db.restore", actorId: null }]);
  });

  it("refuses while a live process holds the database", async () => {
    const file = templateCopy();
    const backup = path.join(path.dirname(file), "b.db");
    backupDatabase(file, { target: backup, dir: "", keep: 1 });
    const holder = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"]);
    children.push(holder);
    writeFileSync(lockFileOf(file), JSON.stringify({ pid: holder.pid, port: 1234 }));
    await expect(restoreDatabase(backup, file)).rejects.toThrow(/pid \d+, port 1234\) holds/);
    holder.kill("SIGKILL");
    await new Promise((r) => holder.on("exit", r));
    // The lock of a process that is gone no longer counts.
    await expect(restoreDatabase(backup, file)).resolves.toMatchObject({ file });
  });

  it("refuses a corrupt backup and leaves the database as it was", async () => {
    const file = templateCopy();
    addTeams(file, 40, "kept");
    const bad = templateCopy("bad.db");
    addTeams(bad, 3000, "bad");
    corruptMiddleLeaf(bad, "Team");
    await expect(restoreDatabase(bad, file)).rejects.toThrow(BackupError);
    await expect(restoreDatabase(bad, file)).rejects.toThrow(/integrity_check failed/);
    expect(teamNames(file, "kept").size).toBe(40);
    expect(existsSync(`${file}.restoring`)).toBe(false);
    const db = new Database(file, { readonly: true });
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    db.close();
  });

  it("round trip through the npm commands", () => {
    const file = templateCopy();
    addTeams(file, 25, "cli");
    const env = { ...process.env, DATABASE_URL: `file:${file}`, WEIKE_BACKUP_DIR: path.join(path.dirname(file), "bk") };
    const run = (script: string, ...args: string[]) =>
      spawnSync(process.execPath, ["--import", "tsx", script, ...args], { encoding: "utf8", env });
    const b = run("scripts/db-backup.ts");
    expect(b.status).toBe(0);
    const made = at(b.stdout.match(/\[backup\] (\S+): integrity ok/) ?? [], 1);
    expect(b.stdout).toMatch(/User \d+, Course \d+/);
    addTeams(file, 5, "later");
    const r = run("scripts/db-restore.ts", made);
    expect(r.stdout + r.stderr).toMatch(/restored from/);
    expect(r.status).toBe(0);
    expect(teamNames(file, "cli").size).toBe(25);
    expect(teamNames(file, "later").size).toBe(0);
    expect(run("scripts/db-restore.ts", path.join(path.dirname(file), "missing.db")).status).toBe(1);
  }, 60_000);
});
