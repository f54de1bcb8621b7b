// Prints the page-weight rows alone: `npm run build && npx tsx bench/weight.ts` runs the bench
// with only the `weight` scenario (and its reference pages, briefly).
import { spawnSync } from "node:child_process";
import path from "node:path";

const result = spawnSync("npx", ["tsx", path.join(import.meta.dirname, "run.ts")], {
  stdio: "inherit",
  env: { ...process.env, BENCH_ONLY: "weight", BENCH_DURATION: process.env.BENCH_DURATION ?? "2" },
});
process.exit(result.status ?? 1);
