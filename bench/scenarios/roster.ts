// Roster: importing a 3-month roster of 2,000 agents (about 182,000 lines) in one transaction,
// and proposing class slots for 30 attendees over it. Timed in a child process on a database
// of its own (bench/roster/roster-timing.ts); no HTTP load.
import { execFileSync } from "node:child_process";
import path from "node:path";
import type { BenchRow, Scenario } from "../lib/types";

let figures: {
  lines: number;
  errors: number;
  stored: number;
  planMs: number;
  planCpuMs: number;
  importMs: number;
  importCpuMs: number;
  proposeMs: number;
  proposals: number;
} | null = null;

const scenario: Scenario = {
  name: "roster",
  async prepare({ tmpDir }) {
    const out = execFileSync("npx", ["tsx", "bench/roster/roster-timing.ts", path.join(tmpDir, "roster.db")], {
      encoding: "utf8",
    });
    figures = JSON.parse(out.trim().split("\n").pop()!);
  },
  async run() {
    if (!figures) return [];
    const rows: BenchRow[] = [
      {
        scenario: "roster",
        name: `roster import, ${figures.lines} lines (2,000 agents × 3 months)`,
        // CPU time next to wall time: on a shared machine the wall time includes waiting for a core.
        figures: {
          planMs: figures.planMs,
          planCpuMs: figures.planCpuMs,
          ms: figures.importMs,
          cpuMs: figures.importCpuMs,
          stored: figures.stored,
          errors: figures.errors,
        },
        target: "≤ 5000 ms, every line stored",
        pass: figures.importMs <= 5000 && figures.stored === figures.lines,
      },
      {
        scenario: "roster",
        name: "proposeSlots, 30 attendees over that roster",
        figures: { ms: figures.proposeMs, proposals: figures.proposals },
        target: "≤ 500 ms",
        pass: figures.proposeMs <= 500 && figures.proposals > 0,
      },
    ];
    return rows;
  },
};

export default scenario;
