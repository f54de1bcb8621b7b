// Where a content sync spends its time, for the cold-sync bench (bench/catalogue/cold-sync.ts).
// Off unless the bench turns it on; then each phase adds up its wall and CPU time. Phases never
// nest, so their sum is at most the sync's own time.
export const SYNC_PHASES = ["read", "frontMatter", "body", "write", "index"] as const;
export type SyncPhase = (typeof SYNC_PHASES)[number];
export type PhaseFigures = Record<SyncPhase, { wallMs: number; cpuMs: number }>;

let active: PhaseFigures | null = null;

/** Starts adding up phase times (replacing any earlier record); returns the live figures. */
export function recordSyncPhases(): PhaseFigures {
  active = Object.fromEntries(SYNC_PHASES.map((p) => [p, { wallMs: 0, cpuMs: 0 }])) as PhaseFigures;
  return active;
}

export function stopRecordingSyncPhases() {
  active = null;
}

function add(phase: SyncPhase, wall: number, cpu: NodeJS.CpuUsage) {
  if (!active) return;
  const used = process.cpuUsage(cpu);
  active[phase].wallMs += performance.now() - wall;
  active[phase].cpuMs += (used.user + used.system) / 1000;
}

export function timed<T>(phase: SyncPhase, fn: () => T): T {
  if (!active) return fn();
  const wall = performance.now();
  const cpu = process.cpuUsage();
  try {
    return fn();
  } finally {
    add(phase, wall, cpu);
  }
}

export async function timedAsync<T>(phase: SyncPhase, fn: () => Promise<T>): Promise<T> {
  if (!active) return fn();
  const wall = performance.now();
  const cpu = process.cpuUsage();
  try {
    return await fn();
  } finally {
    add(phase, wall, cpu);
  }
}
