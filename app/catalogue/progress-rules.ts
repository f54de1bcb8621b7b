// Rules of lesson progress, kept pure so they are unit-tested without a database.

/** Seconds between heartbeats that still count as reading; a longer gap is an idle or closed tab. */
export const HEARTBEAT_MAX_GAP_S = 60;
/** How often the player sends a heartbeat while the page is visible and in use. */
export const HEARTBEAT_INTERVAL_S = 30;

/** Seconds to credit for a heartbeat arriving `elapsedMs` after the previous one. */
export function creditedSeconds(elapsedMs: number | null): number {
  if (elapsedMs === null || !Number.isFinite(elapsedMs) || elapsedMs <= 0) return 0;
  const s = elapsedMs / 1000;
  return s > HEARTBEAT_MAX_GAP_S ? 0 : Math.round(s);
}

export function reachedPercent(reached: number, total: number): number {
  if (total <= 0) return 0;
  return Math.min(100, Math.floor((reached / total) * 100));
}

export function isComplete(p: { reached: number; total: number; quizPassed: boolean }): boolean {
  return p.total > 0 && p.reached >= p.total && p.quizPassed;
}

export function addSection(reached: string[], id: string): string[] {
  return reached.includes(id) ? reached : [...reached, id];
}
