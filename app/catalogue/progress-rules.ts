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

// Reading time and quiz attempts: the numbers live here and nowhere else (decision record 019).

/** A floor, not an estimate: no one takes in a section faster than this many characters a second. */
export const READING_CHARS_PER_S = 60;
/** However short a section, reaching it takes at least this long after the previous one. */
export const SECTION_MIN_S = 5;
/** However long a section, this is enough. */
export const SECTION_MAX_S = 60;

/** Seconds the server must have seen since the previous reach before this section counts. */
export function sectionReadSeconds(chars: number): number {
  const s = Math.ceil(Math.max(0, chars) / READING_CHARS_PER_S);
  return Math.min(SECTION_MAX_S, Math.max(SECTION_MIN_S, s));
}

/**
 * When a section of `chars` characters may count, given when the previous one did (or the
 * lesson was first opened): a section reached before then is not credited.
 */
export function sectionReadableAt(previousReachAt: Date, chars: number): Date {
  return new Date(previousReachAt.getTime() + sectionReadSeconds(chars) * 1000);
}

/** Failed attempts allowed in a row before the cool-down. */
export const QUIZ_MAX_ATTEMPTS = 3;
/** How long the quiz stays closed after the last allowed failed attempt. */
export const QUIZ_COOLDOWN_S = 10 * 60;

export type QuizWindow = {
  /** Attempts left before the cool-down (0 while it runs). */
  remaining: number;
  /** When the quiz opens again, while a cool-down runs. */
  retryAt: Date | null;
  passed: boolean;
};

/**
 * Where a trainee stands, from their earlier attempts (oldest first). Failed attempts come in
 * rounds of QUIZ_MAX_ATTEMPTS; the last one of a round starts the cool-down, after which a new
 * round begins. Once passed, the quiz stays open (a review) and its answers are shown.
 */
export function quizWindow(attempts: { at: Date; passed: boolean }[], now: Date): QuizWindow {
  let used = 0;
  let lockedUntil: Date | null = null;
  for (const a of attempts) {
    if (a.passed) return { remaining: QUIZ_MAX_ATTEMPTS, retryAt: null, passed: true };
    if (lockedUntil && a.at >= lockedUntil) {
      used = 0;
      lockedUntil = null;
    }
    used++;
    if (used >= QUIZ_MAX_ATTEMPTS) lockedUntil = new Date(a.at.getTime() + QUIZ_COOLDOWN_S * 1000);
  }
  if (lockedUntil && now < lockedUntil) return { remaining: 0, retryAt: lockedUntil, passed: false };
  if (lockedUntil) used = 0;
  return { remaining: QUIZ_MAX_ATTEMPTS - used, retryAt: null, passed: false };
}

/** The answer key goes out with a graded attempt only after a pass or the last attempt of a round. */
export function revealsAnswers(passed: boolean, remainingAfter: number): boolean {
  return passed || remainingAfter <= 0;
}
