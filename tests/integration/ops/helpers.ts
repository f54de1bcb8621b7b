import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, copyFileSync, mkdtempSync, openSync, writeSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { at } from "../../fixtures/lists";

/** A fresh copy of the migrated template database in its own folder. */
export function templateCopy(name = "weike.db"): string {
  const dir = mkdtempSync(path.join(process.env.WEIKE_TEST_DIR!, "ops-"));
  const file = path.join(dir, name);
  copyFileSync(path.join(process.env.WEIKE_TEST_DIR!, "template.db"), file);
  return file;
}

/** Adds rows to the Team table so the file spans many pages. */
export function addTeams(file: string, n: number, prefix = "team") {
  const db = new Database(file);
  const ins = db.prepare("INSERT INTO Team (name, createdAt) VALUES (?, ?)");
  db.transaction(() => {
    for (let i = 0; i < n; i++) ins.run(`${prefix}-${i}-${"x".repeat(40)}`, new Date().toISOString());
  })();
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.close();
}

/** Overwrites 64 bytes in the middle of one of the table's leaf pages (found with dbstat). */
export function corruptMiddleLeaf(file: string, table: string) {
  const db = new Database(file);
  const pageSize = Number(db.pragma("page_size", { simple: true }));
  const leaves = db
    .prepare("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno")
    .all(table) as { pageno: number }[];
  db.close();
  const page = at(leaves, Math.floor(leaves.length / 2)).pageno;
  const fd = openSync(file, "r+");
  writeSync(fd, Buffer.alloc(64, 0xff), 0, 64, (page - 1) * pageSize + pageSize / 2);
  closeSync(fd);
}

export interface Running {
  child: ChildProcess;
  output: () => string;
  waitFor: (re: RegExp, ms?: number) => Promise<RegExpMatchArray>;
  exited: Promise<number | null>;
}

/** Starts the production server entry through tsx, on the fake build, with scheduled backups off. */
export function startServer(dbFile: string, port: number | string = 0, env: Record<string, string> = {}): Running {
  const child = spawn(process.execPath, ["--import", "tsx", "server/start.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      DATABASE_URL: `file:${dbFile}`,
      WEIKE_BUILD_DIR: path.resolve("tests/fixtures/fake-build"),
      WEIKE_BACKUP_INTERVAL_HOURS: "0",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  const waiters: (() => void)[] = [];
  const onData = (c: Buffer) => {
    out += c.toString();
    waiters.forEach((w) => w());
  };
  child.stdout!.on("data", onData);
  child.stderr!.on("data", onData);
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const waitFor = (re: RegExp, ms = 45_000) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${re}; output:\n${out}`)), ms).unref();
      const check = () => {
        const m = out.match(re);
        if (m) {
          clearTimeout(timer);
          resolve(m);
        }
      };
      waiters.push(check);
      check();
      void exited.then(() => setTimeout(() => reject(new Error(`server exited before ${re}; output:\n${out}`)), 50));
    });
  return { child, output: () => out, waitFor, exited };
}
