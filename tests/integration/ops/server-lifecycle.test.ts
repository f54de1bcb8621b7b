// The production server entry, started as a real process: clean stop, fast failure on a busy
// port, and refusal of a database it cannot trust.
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { addTeams, corruptMiddleLeaf, startServer, templateCopy, type Running } from "./helpers";

const started: Running[] = [];
afterAll(() => {
  for (const s of started) if (s.child.exitCode === null) s.child.kill("SIGKILL");
});
function start(...args: Parameters<typeof startServer>) {
  const s = startServer(...args);
  started.push(s);
  return s;
}

/** The exit code, or "serving" when the server started instead of refusing. */
function exitOrServe(s: Running) {
  return Promise.race([s.exited, s.waitFor(/listening on/).then(() => "serving")]);
}

describe("server start and stop", () => {
  it("loads exam content before serving, finishes an in-flight request on SIGTERM, and leaves no WAL", async () => {
    const file = templateCopy();
    const s = start(file);
    const [, port] = await s.waitFor(/listening on http:\/\/localhost:(\d+)/);
    const out = s.output();
    expect(out).toMatch(/\[exams\] loaded \d+ exams/);
    expect(out.indexOf("[exams] loaded")).toBeLessThan(out.indexOf("listening on"));
    expect((await fetch(`http://localhost:${port}/courses`)).status).toBe(200);
    expect(existsSync(`${file}-wal`)).toBe(true); // the server has the database open in WAL mode
    expect(existsSync(`${file}.lock`)).toBe(true);

    // A restore is refused while this server holds the database.
    const restore = spawnSync(process.execPath, ["--import", "tsx", "scripts/db-restore.ts", templateCopy()], {
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: `file:${file}` },
    });
    expect(restore.status).toBe(1);
    expect(restore.stderr).toMatch(/holds/);

    const slow = fetch(`http://localhost:${port}/slow`);
    await new Promise((r) => setTimeout(r, 200));
    s.child.kill("SIGTERM");
    const res = await slow;
    expect(res.status).toBe(200);
    expect(await s.exited).toBe(0);
    expect(s.output()).toMatch(/stopped on SIGTERM .*database closed/);
    expect(existsSync(`${file}-wal`)).toBe(false);
    expect(existsSync(`${file}.lock`)).toBe(false);
  }, 90_000);

  it("a second server on a busy port exits at once without touching the database", async () => {
    const busy: Server = createServer();
    await new Promise<void>((r) => busy.listen(0, r));
    const port = (busy.address() as { port: number }).port;
    const file = path.join(path.dirname(templateCopy()), "never-created.db");
    try {
      const s = start(file, port);
      expect(await exitOrServe(s)).toBe(1);
      expect(s.output()).toMatch(/port \d+ is already in use/);
      expect(existsSync(file)).toBe(false);
    } finally {
      busy.close();
    }
  }, 60_000);

  it("refuses a read-only database file", async () => {
    const file = templateCopy();
    chmodSync(file, 0o444);
    const s = start(file);
    expect(await exitOrServe(s)).toBe(1);
    expect(s.output()).toMatch(/cannot start: .*read-only/);
  }, 60_000);

  it("refuses a database with a damaged page", async () => {
    const file = templateCopy();
    addTeams(file, 3000);
    corruptMiddleLeaf(file, "Team");
    const s = start(file);
    expect(await exitOrServe(s)).toBe(1);
    expect(s.output()).toMatch(/cannot start: .*quick_check/);
  }, 60_000);

  it("refuses an empty database file whose WAL holds data", async () => {
    const file = templateCopy();
    writeFileSync(`${file}-wal`, Buffer.alloc(8192, 1));
    writeFileSync(file, "");
    const s = start(file);
    expect(await exitOrServe(s)).toBe(1);
    expect(s.output()).toMatch(/cannot start: .*empty but its WAL holds data/);
  }, 60_000);
});
