import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// Two instances of the built app behind nginx (scripts/cluster.sh), on one database: SQLite by
// default, PostgreSQL when DATABASE_URL says so. The global set-up prepares the database and
// starts the cluster; it builds nothing (npm run build first).
const port = Number(process.env.CLUSTER_PORT ?? 3450);
const systemChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));

export default defineConfig({
  testDir: "tests/e2e-cluster",
  fullyParallel: false,
  workers: 1,
  timeout: 240_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  globalSetup: "./tests/e2e-cluster/global-setup.ts",
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    timezoneId: "Asia/Shanghai",
    launchOptions: {
      executablePath: systemChromium,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
});
