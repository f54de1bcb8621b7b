// Typing-test scoring. The browser sends only what happened (a timestamped log of committed text);
// every figure below is recomputed here from that log and the server's own clock.
import { z } from "zod";
import { mean, round, stdev } from "./stats";
import { checkHumanTiming, type HumanReason, type HumanTiming } from "./typing-human";

/**
 * One log entry: [ms since the exam started, kind, payload].
 *  "i" text committed (a compositionend, or a plain key outside composition), payload = the text
 *  "d" characters removed from the end, payload = how many
 *  "p" a paste, "x" a drop; payload = length of what the browser tried to insert
 */
export const typingEventSchema = z.union([
  z.tuple([z.number().finite(), z.literal("i"), z.string().max(200)]),
  z.tuple([z.number().finite(), z.literal("d"), z.number().int().min(0).max(10_000)]),
  z.tuple([z.number().finite(), z.enum(["p", "x"]), z.number().int().min(0).max(1_000_000)]),
]);
export type TypingEvent = z.infer<typeof typingEventSchema>;

/** Characters inserted over the whole log (code units: an upper bound of code points). */
export function typedLength(events: readonly TypingEvent[]): number {
  let n = 0;
  for (const e of events) if (e[1] === "i") n += e[2].length;
  return n;
}

/**
 * Bounds that keep scoring cheap for any log that parses: the longest exam (900 s) at 20 events
 * a second is 18,000 events; at the superhuman line of 1,000 characters a minute it is 15,000
 * characters, doubled for text typed and deleted again. Scoring is linear in events + characters.
 */
export const MAX_LOG_EVENTS = 20_000;
export const MAX_TYPED_CHARS = 30_000;

export const typingLogSchema = z.object({
  v: z.literal(1),
  durationMs: z.number().finite().min(0),
  events: z
    .array(typingEventSchema)
    .max(MAX_LOG_EVENTS)
    .refine((events) => typedLength(events) <= MAX_TYPED_CHARS, { error: "too many characters" }),
});
export type TypingLog = z.infer<typeof typingLogSchema>;

export type TypingLang = "zh" | "en";

export type StreamReason = "stream-gap" | "stream-early" | "stream-late" | "stream-mismatch";
export type InvalidReason =
  "clock" | "order" | "future" | "too-long" | "paste" | "drop" | "superhuman" | "idle" | HumanReason | StreamReason;

export interface TypingInput {
  log: TypingLog;
  target: string;
  lang: TypingLang;
  /** The exam's fixed length. */
  examMs: number;
  /** The server's own measure: submission received − start issued. */
  serverElapsedMs: number;
}

export interface TypingFigures {
  /** Net speed: correct characters per minute (zh) or words per minute (en, 5 characters a word). */
  net: number;
  /** Raw speed: every character typed, in the same unit. */
  raw: number;
  unit: "cpm" | "wpm";
  /** Correct ÷ all typed, 0–1; characters typed wrong and later deleted still count as typed. */
  accuracy: number;
  /** 1 − coefficient of variation of per-second speed, 0–1 (1 = perfectly even). */
  consistency: number;
  /** Spread (standard deviation) of per-second speed, characters per second. */
  perSecondStdev: number;
  correctChars: number;
  typedChars: number;
  finalChars: number;
  errors: number;
  /** Always the exam's full length: stopping early does not shorten the minute. */
  minutes: number;
  invalid: InvalidReason[];
  /** What the human-timing checks measured (decision record 023). */
  timing: Omit<HumanTiming, "reasons">;
  /** Positions in the passage typed wrong (final text), up to 50, for "what you missed". */
  misses: { index: number; expected: string; typed: string }[];
}

/** One second of clock difference is tolerated; more means the log was not typed in real time. */
export const CLOCK_TOLERANCE_MS = 1000;
/**
 * A log may arrive this much after the time it claims (a busy network or server), never earlier:
 * the same lateness the live stream allows each batch, so a slow server does not fail an honest
 * trainee, while a log claiming more time than has passed is still refused.
 */
export const LATE_ARRIVAL_MS = 5000;
export const IDLE_TAIL_MS = 10_000;
export const SUSTAIN_WINDOW_S = 10;
/** Beyond human, sustained over a window: characters per minute. */
export const SUPERHUMAN_CPM: Record<TypingLang, number> = { zh: 300, en: 1000 };

const chars = (s: string) => Array.from(s);

export function scoreTyping(input: TypingInput): TypingFigures {
  const { log, lang, examMs, serverElapsedMs } = input;
  const target = chars(input.target);
  const invalid = new Set<InvalidReason>();

  const lateBy = serverElapsedMs - log.durationMs;
  if (lateBy < -CLOCK_TOLERANCE_MS || lateBy > LATE_ARRIVAL_MS) invalid.add("clock");
  if (log.durationMs > examMs + CLOCK_TOLERANCE_MS) invalid.add("too-long");

  const typed: { ch: string; ok: boolean }[] = [];
  let typedChars = 0;
  let correctAtInsert = 0;
  let previousT = 0;
  let lastInputT = -Infinity;
  const seconds = Math.max(1, Math.ceil(examMs / 1000));
  const perSecond = new Array<number>(seconds).fill(0);
  const insertedPerSecond = new Array<number>(seconds).fill(0);

  for (const event of log.events) {
    const [t, kind] = event;
    if (t < previousT || t < 0) invalid.add("order");
    previousT = Math.max(previousT, t);
    if (t > serverElapsedMs + CLOCK_TOLERANCE_MS) invalid.add("future");
    if (t > examMs + CLOCK_TOLERANCE_MS || t > log.durationMs + CLOCK_TOLERANCE_MS) invalid.add("too-long");
    if (kind === "p") invalid.add("paste");
    else if (kind === "x") invalid.add("drop");
    else if (event[1] === "d") {
      const n = event[2];
      // Only real input counts as activity: a zero-length delete changes nothing.
      if (n > 0 && typed.length > 0) lastInputT = t;
      typed.splice(Math.max(0, typed.length - n), n);
    } else {
      const second = Math.min(seconds - 1, Math.max(0, Math.floor(t / 1000)));
      for (const ch of chars(String(event[2]))) {
        // Past the end of the target nothing counts: the passage never starts over.
        const ok = typed.length < target.length && ch === target[typed.length];
        typed.push({ ch, ok });
        typedChars++;
        insertedPerSecond[second] = (insertedPerSecond[second] ?? 0) + 1;
        if (ok) {
          correctAtInsert++;
          perSecond[second] = (perSecond[second] ?? 0) + 1;
        }
      }
      if (String(event[2]).length > 0) lastInputT = t;
    }
  }

  const durationMs = Math.min(log.durationMs, examMs);
  if (durationMs - lastInputT > IDLE_TAIL_MS) invalid.add("idle");

  const limit = (SUPERHUMAN_CPM[lang] * SUSTAIN_WINDOW_S) / 60;
  let window = 0;
  for (const [s, inserted] of insertedPerSecond.entries()) {
    window += inserted;
    if (s >= SUSTAIN_WINDOW_S) window -= insertedPerSecond[s - SUSTAIN_WINDOW_S] ?? 0;
    if (window > limit) invalid.add("superhuman");
  }

  const { reasons: human, ...timing } = checkHumanTiming(log.events, lang);
  for (const r of human) invalid.add(r);

  // A fixed-time exam cannot end early: what was typed is scored over the full length.
  const minutes = examMs / 60_000;
  const correctChars = typed.filter((c) => c.ok).length;
  const per = (n: number) => (minutes > 0 ? n / minutes / (lang === "en" ? 5 : 1) : 0);
  const m = mean(perSecond);
  const sd = stdev(perSecond);
  const misses: TypingFigures["misses"] = [];
  typed.forEach((c, index) => {
    if (!c.ok && misses.length < 50) misses.push({ index, expected: target[index] ?? "", typed: c.ch });
  });

  return {
    net: round(per(correctChars), 1),
    raw: round(per(typedChars), 1),
    unit: lang === "en" ? "wpm" : "cpm",
    accuracy: typedChars > 0 ? round(correctAtInsert / typedChars, 4) : 0,
    consistency: m > 0 ? round(Math.max(0, 1 - sd / m), 4) : 0,
    perSecondStdev: round(sd, 3),
    correctChars,
    typedChars,
    finalChars: typed.length,
    errors: typedChars - correctAtInsert,
    minutes: round(minutes, 4),
    invalid: [...invalid],
    timing,
    misses,
  };
}

export interface TypingPassMark {
  minNet: number;
  minAccuracy: number;
}

export function typingPassed(f: TypingFigures, mark: TypingPassMark): boolean {
  return f.invalid.length === 0 && f.net >= mark.minNet && f.accuracy >= mark.minAccuracy;
}
