// A virtual trainee's typing: what a person with an input method commits over an exam, with the
// moments (ms since the exam started) at which the page would log it. Pure, seeded, so a test can
// show that the app's own checks take it for a person.
import type { TypingEvent } from "../../app/exams/scoring/typing";

export interface HumanTypingOptions {
  /** Average committed characters a minute (a trainee near the pass mark types about 100). */
  cpm?: number;
  /** Share of commits that are a wrong phrase, erased and typed again. */
  slipRate?: number;
}

/** A small seeded generator (mulberry32): the same seed gives the same trainee. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Every event the trainee's page logs during `durationMs`, in order. Commits are 1–4 characters
 * (a pinyin phrase), spaced by the time those characters take at `cpm` with a wide spread (people
 * pause, look at the passage, hesitate); now and then a wrong phrase is committed, erased with
 * backspace and typed again. The passage repeats when the trainee reaches its end, as scoring does.
 */
export function humanTypingEvents(
  target: string,
  durationMs: number,
  random: () => number,
  options: HumanTypingOptions = {},
): TypingEvent[] {
  const passage = Array.from(target);
  if (passage.length === 0) return [];
  const msPerChar = 60_000 / (options.cpm ?? 100);
  const slipRate = options.slipRate ?? 0.03;
  const events: TypingEvent[] = [];
  let pos = 0;
  // The first characters come after reading the passage's start and finding the keys.
  let t = 800 + random() * 1500;
  const next = (n: number) => {
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(passage[(pos + i) % passage.length] ?? "");
    return out.join("");
  };
  while (t < durationMs) {
    const n = 1 + Math.floor(random() * 4);
    if (random() < slipRate) {
      // A wrong candidate picked: committed, noticed, erased a moment later.
      const wrong = Array.from({ length: n }, () => "的").join("");
      events.push([Math.round(t), "i", wrong]);
      t += 400 + random() * 600;
      if (t >= durationMs) break;
      events.push([Math.round(t), "d", n]);
      t += 300 + random() * 500;
      if (t >= durationMs) break;
    }
    events.push([Math.round(t), "i", next(n)]);
    pos += n;
    // The time these characters take, between half and one and a half times the average.
    t += n * msPerChar * (0.5 + random());
  }
  return events;
}

/** The events that happened by `at` and were not sent yet: the next batch the page cuts. */
export function eventsUpTo(events: readonly TypingEvent[], from: number, at: number): TypingEvent[] {
  let end = from;
  while (end < events.length && (events[end]?.[0] ?? Infinity) <= at) end++;
  return events.slice(from, end);
}
