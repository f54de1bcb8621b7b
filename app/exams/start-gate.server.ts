// Exam starts are let through a gate. When a whole shift starts an exam at once, the server has
// one thread for every page, start, stream batch and reply: past a point, accepting yet more
// starts only makes every one of them (and the batches of those already typing) wait seconds.
// So a start that finds the server behind is answered at once with 503 and a Retry-After of a
// few seconds, which the exam pages honour by trying again by themselves; the running exams'
// batches and replies are never turned away. Decision 057.
import { unavailable } from "~/lib/errors";

/** Starts the server works on at once; more waiting would only be queueing. */
export const STARTS_IN_FLIGHT = 24;
/**
 * The event loop is this late on its timer while a few starts are already under way: the server
 * is behind, new starts wait outside. (One slow moment with no start in progress, such as the
 * first query compiling, turns nobody away.)
 */
export const LAG_LIMIT_MS = 300;
const LAG_MIN_IN_FLIGHT = 4;
/** Retry-After spreads the retries over these seconds, so they do not all come back together. */
const RETRY_MIN_S = 2;
const RETRY_MAX_S = 5;
const TICK_MS = 100;

let inFlight = 0;
let limit = STARTS_IN_FLIGHT;
let lagLimit = LAG_LIMIT_MS;
let lagMs = 0;
let timer: ReturnType<typeof setTimeout> | null = null;

/** Measures how late a 100 ms timer fires: how far behind the server's thread is right now. */
function watchLag() {
  if (timer) return;
  let expected = Date.now() + TICK_MS;
  const tick = () => {
    const now = Date.now();
    lagMs = Math.max(0, now - expected);
    expected = now + TICK_MS;
    timer = setTimeout(tick, TICK_MS);
    timer.unref?.();
  };
  timer = setTimeout(tick, TICK_MS);
  timer.unref?.();
}

/** Whether a start arriving now should come back later. */
export function shouldShed(): boolean {
  return inFlight >= limit || (inFlight >= Math.min(limit, LAG_MIN_IN_FLIGHT) && lagMs > lagLimit);
}

/**
 * Runs an exam start unless the server is behind; then refuses with 503 ("exams:err.busy",
 * params.retryAfter in seconds, which formError turns into the Retry-After header).
 */
export async function admitStart<T>(start: () => Promise<T>, random: () => number = Math.random): Promise<T> {
  watchLag();
  if (shouldShed()) {
    const retryAfter = RETRY_MIN_S + Math.floor(random() * (RETRY_MAX_S - RETRY_MIN_S + 1));
    throw unavailable("exams:err.busy", { params: { retryAfter } });
  }
  inFlight++;
  try {
    return await start();
  } finally {
    inFlight--;
  }
}

/** For tests and benches: the starts let in at once and the lag allowed (the defaults when not given). */
export function setStartLimit(n = STARTS_IN_FLIGHT, lagMs = LAG_LIMIT_MS) {
  limit = n;
  lagLimit = lagMs;
}
