import { defineConfig, devices } from "@playwright/test";
import { chromiumLaunchOptions } from "./tests/e2e/chromium";

// Two instances of the built app behind nginx (scripts/cluster.sh), on one database: SQLite by
// default, PostgreSQL when DATABASE_URL says so. The global set-up prepares the database and
// starts the cluster; it builds nothing (npm run build first).
const port = Number(process.env.CLUSTER_PORT ?? 3450);

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
    launchOptions: chromiumLaunchOptions,
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
});
