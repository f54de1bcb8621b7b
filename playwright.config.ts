import { defineConfig, devices } from "@playwright/test";
import { chromiumLaunchOptions } from "./tests/e2e/chromium";

// The built app on its own port and its own database file, seeded with the demo data.
const port = Number(process.env.E2E_PORT ?? 3100);
const buildDir = process.env.WEIKE_BUILD_DIR ?? "build";
export const E2E_DB = process.env.E2E_DB ?? "tests/.tmp/e2e.db";

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 2,
  // One retry in CI: a 2-core machine running the server, Chromium and two workers at once can
  // stall a navigation past its timeout; a test that fails twice still fails the run.
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  expect: { timeout: 7_000 },
  reporter: [["list"], ["json", { outputFile: "tests/.tmp/reports/playwright.json" }]],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
    // Trainees sit in China: every page is checked in the zone the app formats times in.
    timezoneId: "Asia/Shanghai",
    launchOptions: chromiumLaunchOptions,
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    command: `rm -rf ${E2E_DB} ${E2E_DB}-wal ${E2E_DB}-shm ${E2E_DB}.content && mkdir -p tests/.tmp && cp -r content ${E2E_DB}.content && tsx prisma/seed.ts && node --max-old-space-size=160 --max-semi-space-size=8 ${buildDir}/start.mjs`,
    url: `http://localhost:${port}/healthz`,
    timeout: 120_000,
    reuseExistingServer: false,
    env: {
      DATABASE_URL: `file:${E2E_DB}`,
      PORT: String(port),
      WEIKE_BUILD_DIR: buildDir,
      TRUST_PROXY: "1",
      NODE_ENV: "production",
    },
  },
});
