// Human timing bounds for a typing log: what a person at a keyboard (or an input method) can and
// cannot produce. The figures and their sources are in decision record 023.
import { mean, round, stdev } from "./stats";

export type HumanLang = "zh" | "en";
export type HumanReason = "paste" | "burst" | "interval" | "metronome";

export interface HumanBounds {
  /** More new characters in one commit than an input method commits at once: a paste. */
  maxCommitChars: number;
  /** At most this many new characters in any window of BURST_WINDOW_MS. */
  burstMaxChars: number;
  /** Intervals between commits shorter than this are a key roll-over at best… */
  minIntervalMs: number;
}

export const HUMAN_BOUNDS: Record<HumanLang, HumanBounds> = {
  // Pinyin/Wubi commit a phrase at a time (rarely more than 4–6 characters); 10 new characters in
  // 2 s is 300 a minute in a burst, twice the professional sustained rate.
  zh: { maxCommitChars: 10, burstMaxChars: 20, minIntervalMs: 50 },
  // One keystroke is one character; a word list or autocorrect commits a word with its space.
  // 40 characters in 2 s is 240 WPM in a burst, beyond the fastest measured typists.
  en: { maxCommitChars: 16, burstMaxChars: 40, minIntervalMs: 30 },
};
export const BURST_WINDOW_MS = 2000;
/** …and a run of more of them than this in a row is not a person. */
export const MAX_SHORT_RUN = 3;
/** A person's intervals vary: a coefficient of variation below this is a metronome. */
export const MIN_INTERVAL_CV = 0.1;
/** The variability check needs enough intervals to mean something. */
export const MIN_INTERVALS_FOR_CV = 20;

export interface TimingEvent {
  t: number;
  /** Characters added at this moment net of those removed at the same moment (a rewrite). */
  added: number;
}

/** One entry per moment that changed the text: inserts and deletes at the same time are merged. */
export function inputMoments(events: readonly (readonly [number, string, unknown])[]): TimingEvent[] {
  const out: TimingEvent[] = [];
  let t = NaN;
  let inserted = 0;
  let deleted = 0;
  const flush = () => {
    if (inserted > 0 || deleted > 0) out.push({ t, added: Math.max(0, inserted - deleted) });
  };
  for (const [at, kind, payload] of events) {
    if (at !== t) {
      flush();
      t = at;
      inserted = 0;
      deleted = 0;
    }
    if (kind === "i" && typeof payload === "string") inserted += Array.from(payload).length;
    else if (kind === "d" && typeof payload === "number") deleted += payload;
  }
  flush();
  return out;
}

export interface HumanTiming {
  reasons: HumanReason[];
  longestCommit: number;
  maxBurst: number;
  shortRun: number;
  intervalCv: number | null;
  intervals: number;
}

export function checkHumanTiming(
  events: readonly (readonly [number, string, unknown])[],
  lang: HumanLang,
): HumanTiming {
  const bounds = HUMAN_BOUNDS[lang];
  const reasons = new Set<HumanReason>();
  const typed = inputMoments(events).filter((m) => m.added > 0);

  const longestCommit = typed.reduce((m, e) => Math.max(m, e.added), 0);
  if (longestCommit > bounds.maxCommitChars) reasons.add("paste");

  // Sliding window over commit moments: characters added within BURST_WINDOW_MS.
  let maxBurst = 0;
  let windowChars = 0;
  let from = 0;
  for (const e of typed) {
    windowChars += e.added;
    for (let first = typed[from]; first && e.t - first.t >= BURST_WINDOW_MS; first = typed[++from]) {
      windowChars -= first.added;
    }
    maxBurst = Math.max(maxBurst, windowChars);
  }
  if (maxBurst > bounds.burstMaxChars) reasons.add("burst");

  const intervals: number[] = [];
  typed.forEach((e, i) => {
    const previous = typed[i - 1];
    if (previous) intervals.push(e.t - previous.t);
  });
  let run = 0;
  let longestRun = 0;
  for (const gap of intervals) {
    run = gap < bounds.minIntervalMs ? run + 1 : 0;
    longestRun = Math.max(longestRun, run);
  }
  if (longestRun > MAX_SHORT_RUN) reasons.add("interval");

  const m = mean(intervals);
  const intervalCv = intervals.length >= MIN_INTERVALS_FOR_CV && m > 0 ? round(stdev(intervals) / m, 3) : null;
  if (intervalCv !== null && intervalCv < MIN_INTERVAL_CV) reasons.add("metronome");

  return {
    reasons: [...reasons],
    longestCommit,
    maxBurst,
    shortRun: longestRun,
    intervalCv,
    intervals: intervals.length,
  };
}
