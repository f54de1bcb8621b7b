// Prepares the cluster's database (migrated and seeded with the demo data) and starts two
// instances behind nginx; the returned function stops them after the run. The instances read a
// fresh copy of the lessons, so a test may add one and have an instance sync it.
import { execFileSync } from "node:child_process";
import { cpSync, rmSync } from "node:fs";
import path from "node:path";

export default function globalSetup() {
  const url = clusterDatabaseUrl();
  process.env.E2E_DATABASE_URL = url;
  const content = path.resolve("tests/.tmp/cluster-content");
  rmSync(content, { recursive: true, force: true });
  cpSync("content", content, { recursive: true });
  // The test processes (started after this) inherit both.
  process.env.CLUSTER_CONTENT_DIR = content;
  process.env.CONTENT_DIR = content;
  const env = { ...process.env, DATABASE_URL: url };
  if (url.startsWith("file:")) {
    const file = url.slice("file:".length);
    for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
  } else {
    execFileSync("npx", ["tsx", "scripts/migrate.ts"], { env, stdio: "inherit" });
  }
  execFileSync("npx", ["tsx", "prisma/seed.ts"], { env, stdio: "inherit" });
  execFileSync("sh", ["scripts/cluster.sh", "start"], { env, stdio: "inherit" });
  return () => {
    execFileSync("sh", ["scripts/cluster.sh", "stop"], { env, stdio: "inherit" });
  };
}

function clusterDatabaseUrl(): string {
  const given = process.env.DATABASE_URL ?? "";
  if (/^postgres(ql)?:\/\//.test(given)) return given;
  return `file:${path.resolve("tests/.tmp/cluster.db")}`;
}
