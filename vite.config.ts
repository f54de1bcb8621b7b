/// <reference types="vitest/config" />
import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";
import tsconfigPaths from "vite-tsconfig-paths";
import { localeMessages } from "./scripts/vite-locale-messages";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

const isVitest = process.env.VITEST === "true";

export default defineConfig({
  plugins: [
    !isVitest &&
      remix({
        // A separate build folder lets several builds (e2e, bench) coexist on one machine.
        buildDirectory: process.env.WEIKE_BUILD_DIR ?? "build",
        future: {
          v3_fetcherPersist: true,
          v3_relativeSplatPath: true,
          v3_throwAbortReason: true,
          v3_singleFetch: true,
          v3_lazyRouteDiscovery: true,
        },
      }),
    tsconfigPaths(),
    !isVitest && localeMessages(),
  ],
  server: { port: 3000 },
  test: {
    include: ["tests/unit/**/*.test.{ts,tsx}", "tests/integration/**/*.test.{ts,tsx}"],
    globalSetup: ["tests/fixtures/vitest-global-setup.ts"],
    setupFiles: ["tests/fixtures/vitest-worker-setup.ts"],
    pool: "forks",
    // The JSON report lets CI print one plain "N passed, N failed" line for the whole suite.
    reporters: ["default", ["json", { outputFile: "tests/.tmp/reports/vitest.json" }]],
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
